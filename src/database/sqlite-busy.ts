import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `attempt` until SQLite stops answering SQLITE_BUSY (another connection holds the lock it needs), trying again
 * every `pollMs` for up to `waitMs`. Waiting here rather than in the driver keeps this process's event loop free,
 * so a connection of this same process that holds the lock can finish and let it go.
 */
export async function whenNotBusy<T>(attempt: () => T, waitMs: number, pollMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
    }
    await sleep(pollMs);
  }
}
