import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The built service (`entry`: dist/bundle/main.js, as npm start runs it) in its own process, as deployed, with these
 * settings on `port`. Resolves once /api/v1/health answers 200, with the milliseconds from spawn to then.
 */
export async function startService(
  entry: string,
  env: Record<string, string>,
  port: number,
  timeoutMs = 120_000,
): Promise<{ child: ChildProcess; startMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${errors}`);
    if (performance.now() - started > timeoutMs) {
      child.kill();
      throw new Error(`the service did not answer within ${timeoutMs / 1000} s:\n${errors}`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return { child, startMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * This process's own peak resident memory, in MB. Not `process.resourceUsage().maxRSS`: on Linux a child process starts
 * with its parent's (the bench's) as its own.
 */
export function ownPeakMb(): number {
  return residentMb(process.pid, 'VmHWM');
}

/** A process's resident memory now (VmRSS) or at its highest so far (VmHWM), in MB, from /proc (Linux). */
export function residentMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? NaN) / 1024;
}
