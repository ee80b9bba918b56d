import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives back the memory of V8's young generation once start-up is over. Start-up (migrations, seeds, the first sweep)
 * grows the young generation to its full 2 x 16 MB, and V8 shrinks it again only when it sees the process allocating
 * little, which it judges over its last ten collections or five seconds: left to itself, a service nobody uses held
 * about 30 MB of it for the first 20–40 s (npm run bench, startup). A few small collections of the young generation
 * while the service is quiet let V8 see that, and it shrinks it to 1 MB; it grows again as soon as work needs it.
 */

/** Quiet: the event loop was busy less than this share of the last QUIET_CHECK_MS (waiting at most QUIET_WAIT_MS). */
const QUIET_UTILIZATION = 0.2;
const QUIET_CHECK_MS = 500;
const QUIET_WAIT_MS = 60_000;
/** Minor collections, this far apart: the allocation V8 measures between them is the process's quiet rate. */
const STEP_MS = 50;
const MAX_STEPS = 40;
/** Done when the young generation holds no more than this. */
const SMALL_BYTES = 4 * 1024 * 1024;

/**
 * Makes V8's collector callable from here (`--expose-gc` gives it to contexts made afterwards, not to the service's own
 * globals), and answers how to give the young generation back. Call it before the service is compiled, as a code cache
 * is only taken under the flags it was made with.
 */
export function allowCollections(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
  return () => releaseYoungGeneration(() => gc({ type: 'minor' }));
}

function youngBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.physical_space_size ?? 0;
}

/**
 * Once the process is quiet (a start-up sweep may still be running), collects the young generation every STEP_MS until
 * V8 has shrunk it (or MAX_STEPS), without keeping the process up.
 */
function releaseYoungGeneration(collect: () => void): void {
  let waited = 0;
  let last = performance.eventLoopUtilization();
  const whenQuiet = () => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    waited += QUIET_CHECK_MS;
    if (busy > QUIET_UTILIZATION && waited < QUIET_WAIT_MS) setTimeout(whenQuiet, QUIET_CHECK_MS).unref();
    else collectUntilSmall(collect);
  };
  setTimeout(whenQuiet, QUIET_CHECK_MS).unref();
}

function collectUntilSmall(collect: () => void): void {
  let steps = 0;
  const step = () => {
    collect();
    if (youngBytes() > SMALL_BYTES && ++steps < MAX_STEPS) setTimeout(step, STEP_MS).unref();
  };
  setTimeout(step, STEP_MS).unref();
}
