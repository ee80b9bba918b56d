/**
 * Start-up and idle memory of the service as the quick start runs it (issue 19). The built service
 * (`node dist/bundle/main.js`, SQLite, the defaults: seed plans and demo accounts, scheduler on, mail to an outbox folder)
 * is started on a new file, then again on that file:
 *   - cold start: from spawning the process to the first 200 from /api/v1/health, on a new file (migrations and the
 *     seed plans run) — target < 1.5 s;
 *   - warm start: the same on the file the cold start left (nothing to migrate or load);
 *   - idle RSS: the process's resident memory 5 s after it answered (the start-up sweep and delivery done, nothing
 *     asked of it) — target < 120 MB;
 *   - at rest: the same a minute after it answered, in one more run. V8 gives back the young generation and compacts
 *     the heap only once the process has been quiet for a while (between 20 and 40 s here), so this is what a service
 *     nobody is using holds.
 * 5 runs each, median with min and max, after one more cold start without the code cache the loader keeps beside the
 * bundle (src/bundle-loader.ts): the first start after a build compiles the bundle and keeps that cache, which the
 * others read, as every start after it in a deployment does. Needs the build (npm run build), which the bench script
 * runs first.
 *   npm run bench
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { residentMb, startService } from './service-process.js';

const RUNS = 5;
const IDLE_MS = 5000;
const REST_MS = 60_000;
const TARGET = { coldStartMs: 1500, idleRssMb: 120 };

/** Starts the service on `dir`'s file; answers the ms until healthy and the RSS `idleMs` after that, then stops it. */
async function startOnce(dir: string, idleMs = IDLE_MS): Promise<{ startMs: number; idleMb: number }> {
  const env = { DATABASE_URL: `sqlite:${join(dir, 'qingdan.sqlite')}`, OUTBOX_DIR: join(dir, 'outbox'), EVIDENCE_DIR: join(dir, 'evidence') };
  const { child, startMs } = await startService('dist/bundle/main.js', env, await freePort(), 60_000);
  try {
    await new Promise((r) => setTimeout(r, idleMs));
    return { startMs, idleMb: residentMb(child.pid!, 'VmRSS') };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

function spread(values: number[], show: (v: number) => string): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${show(sorted[Math.floor(sorted.length / 2)])} (min ${show(sorted[0])}, max ${show(sorted[sorted.length - 1])})`;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

/** Runs `work` in a new temporary folder, removed afterwards. */
async function inNewDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-bench-startup-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Removes the code cache the loader kept beside the bundle, as a new build leaves none. */
function dropCodeCache(): void {
  for (const file of readdirSync('dist/bundle')) if (file.endsWith('.v8cache')) rmSync(join('dist/bundle', file));
}

async function main(): Promise<void> {
  dropCodeCache();
  const first = await inNewDir((dir) => startOnce(dir));
  const cold: { startMs: number; idleMb: number }[] = [];
  const warm: { startMs: number; idleMb: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    await inNewDir(async (dir) => {
      cold.push(await startOnce(dir));
      warm.push(await startOnce(dir));
    });
  }
  const rest = await inNewDir((dir) => startOnce(dir, REST_MS));
  const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  console.log(`Start-up of the built service on SQLite with the quick start's defaults, ${RUNS} runs each:`);
  console.log(`  first cold start after a build (compiles the bundle, keeps its code cache) ${ms(first.startMs)}, idle RSS ${mb(first.idleMb)}`);
  const coldMs = cold.map((r) => r.startMs);
  console.log(
    `  cold start (new file: migrations and seed plans) ${spread(coldMs, ms)}   [target < ${ms(TARGET.coldStartMs)}: ${verdict(median(coldMs) < TARGET.coldStartMs)}]`,
  );
  console.log(
    `  warm start (the same file again)                  ${spread(
      warm.map((r) => r.startMs),
      ms,
    )}`,
  );
  const idle = [...cold, ...warm].map((r) => r.idleMb);
  console.log(
    `  idle RSS ${IDLE_MS / 1000} s after answering                     ${spread(idle, mb)}   [target < ${TARGET.idleRssMb} MB: ${verdict(median(idle) < TARGET.idleRssMb)}]`,
  );
  console.log(
    `  RSS at rest, ${REST_MS / 1000} s after answering (one run)        ${mb(rest.idleMb)}   [target < ${TARGET.idleRssMb} MB: ${verdict(rest.idleMb < TARGET.idleRssMb)}]`,
  );
}

await main();
