/**
 * The supervision reports at national scale (see report-data.ts: 120 plans, 55,200 items, 3.3 million monthly
 * progress reports). Qingdan runs as it is deployed (its own entry point in its own process, HTTP on loopback, bearer
 * token, frozen clock) and is timed over HTTP: the overdue and progress reports of each plan asked for the first time
 * once the service has worked them out ahead (reports-ahead.service.ts; target: median under 5 ms), the same in a start
 * with nothing worked out ahead (REPORTS_AHEAD_SECONDS=0: what an ask costs between a change and the next pass; no
 * target), one plan asked again (target: median under 5 ms), both reports across all plans (target: under 0.5 s) and
 * its peak memory (target: under 250 MB). Then autocannon loads Qingdan's overdue report of one plan and the same report
 * from a plain Node http server that works it out from the reports with prepared statements on the same database (the
 * floor, overdue-floor.ts), in alternating rounds, and prints both throughputs and their ratio (target: 0.75 or better;
 * above 1 Qingdan beats the floor, as its kept standing spares it the walk through the reports).
 *   npm run bench
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/app-config.js';
import { createPostgresDatabase, copyToPostgres, type Engine, ENGINES, type PostgresDatabase } from './bench-engines.js';
import { startFloor } from './overdue-floor.js';
import { PLANS, prepareReportData } from './report-data.js';
import { ownPeakMb, residentMb, startService } from './service-process.js';

// After the data's last reports (25 November), as a report on today is: the kept standing holds.
const CLOCK = '2026-11-30T09:00:00+08:00';
const AS_OF = '2026-11-30';
/** Issue targets: one plan's report, all plans' in one request, peak memory while serving. */
const TARGET = { oneMs: 5, allMs: 500, peakMb: 250 };
const ADMIN = { username: 'bench-admin', password: 'bench-password-1' };
const PLAN = 60;
const QINGDAN_PORT = 39_310;
const FLOOR_PORT = 39_311;
const LOAD = { connections: 10, duration: 10 };
/** Requests timed for the all-plans figures: tens of milliseconds each once kept, so five were too few to compare engines. */
const ALL_RUNS = 15;

/** The service's settings, as environment variables (Qingdan) and as the floor reads them. */
function settings(databaseUrl: string, dir: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SEED: 'false',
    SCHEDULER: 'false',
    CLOCK,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    OUTBOX_DIR: join(dir, 'outbox'),
    EVIDENCE_DIR: join(dir, 'evidence'),
  };
}

/** The floor's process: tells its parent when it listens, and its peak memory when asked. */
async function serveFloor(databaseUrl: string, dir: string): Promise<void> {
  await startFloor(databaseUrl, FLOOR_PORT, loadConfig(settings(databaseUrl, dir)).dueSoonDays);
  process.on('message', (message) => {
    if (message === 'stats') process.send!({ peakMb: ownPeakMb() });
  });
  process.send!('ready');
}

/** A server and how to read its peak memory. */
interface Server {
  process: ChildProcess;
  peakMb: () => Promise<number>;
}

/** Qingdan as deployed: the bundled service as npm start runs it (built by the bench script first), in its own process. */
async function startQingdan(databaseUrl: string, dir: string, env: Record<string, string> = {}): Promise<Server> {
  const entry = fileURLToPath(new URL('../../dist/bundle/main.js', import.meta.url));
  const { child } = await startService(entry, { ...settings(databaseUrl, dir), ...env }, QINGDAN_PORT);
  return { process: child, peakMb: () => Promise.resolve(residentMb(child.pid!, 'VmHWM')) };
}

function startFloorProcess(databaseUrl: string, dir: string): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), ['serve-floor', databaseUrl, dir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const peakMb = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve((m as { peakMb: number }).peakMb));
      child.send('stats');
    });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve({ process: child, peakMb }));
    child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
  });
}

async function signIn(base: string): Promise<Record<string, string>> {
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
}

/** Each plan's report asked once, in plan order. */
async function firstAsks(base: string, auth: Record<string, string>, kind: string): Promise<number[]> {
  const each: number[] = [];
  for (let p = 1; p <= PLANS; p++) each.push((await timed(`${base}/plans/${p}/reports/${kind}?asOf=${AS_OF}`, auth)).ms);
  return each;
}

/** Each plan's first ask with nothing worked out ahead (REPORTS_AHEAD_SECONDS=0): what an ask costs between a change and the next pass. */
async function onDemandFirstAsks(databaseUrl: string, dir: string): Promise<Record<string, number>> {
  const qingdan = await startQingdan(databaseUrl, dir, { REPORTS_AHEAD_SECONDS: '0' });
  try {
    const base = `http://127.0.0.1:${QINGDAN_PORT}/api/v1`;
    const auth = await signIn(base);
    const figures: Record<string, number> = {};
    for (const kind of ['overdue', 'progress']) {
      const each = await firstAsks(base, auth, kind);
      figures[kind] = median(each);
      console.log(
        `  ${kind.padEnd(8)} each of the ${PLANS} plans asked once, nothing worked out ahead (no target): median ${median(each).toFixed(1)} ms, max ${Math.max(...each).toFixed(1)} ms`,
      );
    }
    return figures;
  } finally {
    qingdan.process.kill();
    await new Promise((resolve) => qingdan.process.once('exit', resolve));
  }
}

/** Waits until the service has worked out today's reports of every plan (its health says so); answers the ms waited. */
async function reportsWorkedOutAhead(base: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const health = (await (await fetch(`${base}/health`)).json()) as { reportsAhead: { plans: number; ready: number } };
    if (health.reportsAhead.plans === PLANS && health.reportsAhead.ready === PLANS) return performance.now() - started;
    if (performance.now() - started > 120_000) throw new Error(`today's reports not worked out ahead within 120 s: ${JSON.stringify(health.reportsAhead)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One request, timed to its last byte (the bytes as received: decoding them is the client's work, not the service's). */
async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number; body: Buffer }> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.toString('utf8', 0, 300)}`);
  return { ms, bytes: body.length, body };
}

async function medianOf(url: string, headers: Record<string, string>, runs: number): Promise<{ ms: number; bytes: number }> {
  for (let i = 0; i < 3; i++) await timed(url, headers);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const r = await timed(url, headers);
    times.push(r.ms);
    bytes = r.bytes;
  }
  return { ms: median(times), bytes };
}

async function load(url: string, headers: Record<string, string>): Promise<{ rps: number; p50: number; errors: number }> {
  const result = await autocannon({ url, headers, ...LOAD });
  return { rps: result.requests.average, p50: result.latency.p50, errors: result.errors + result.non2xx };
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

/** What one engine measured, for the side-by-side table. */
interface Figures {
  /** Median over the plans of each one's first ask (worked out ahead). */
  firstMs: Record<string, number>;
  /** Median over the plans of each one's first ask with nothing worked out ahead. */
  onDemandMs: Record<string, number>;
  /** Median of one plan asked again and again (kept). */
  oneMs: Record<string, number>;
  allMs: Record<string, number>;
  ratio: number;
  peakMb: number;
  floorPeakMb: number;
  /** Qingdan's overdue report of plan PLAN, byte for byte. */
  overdueBody: Buffer;
}

/** Times Qingdan and the floor serving from one database, printing each figure with its target as it goes. */
async function measure(databaseUrl: string, dir: string): Promise<Figures> {
  const servers: Server[] = [];
  const onDemandMs = await onDemandFirstAsks(databaseUrl, dir);
  try {
    const qingdan = await startQingdan(databaseUrl, dir);
    servers.push(qingdan);
    const base = `http://127.0.0.1:${QINGDAN_PORT}/api/v1`;
    const auth = await signIn(base);

    const figures: Figures = { firstMs: {}, onDemandMs, oneMs: {}, allMs: {}, ratio: 0, peakMb: 0, floorPeakMb: 0, overdueBody: Buffer.alloc(0) };
    const ahead = await reportsWorkedOutAhead(base);
    console.log(
      `  Today's reports of all ${PLANS} plans worked out ahead ${(ahead / 1000).toFixed(1)} s after the service first answered (GET /health: reportsAhead)`,
    );
    for (const kind of ['overdue', 'progress']) {
      // Each plan's first ask after start finds its report of today worked out ahead.
      const each = await firstAsks(base, auth, kind);
      const one = await medianOf(`${base}/plans/${PLAN}/reports/${kind}?asOf=${AS_OF}`, auth, 40);
      figures.firstMs[kind] = median(each);
      figures.oneMs[kind] = one.ms;
      console.log(
        `  ${kind.padEnd(8)} each of the ${PLANS} plans asked once (worked out ahead): median ${median(each).toFixed(1)} ms, max ${Math.max(...each).toFixed(1)} ms   ` +
          `[target < ${TARGET.oneMs} ms: ${verdict(median(each) < TARGET.oneMs)}]`,
      );
      console.log(
        `  ${kind.padEnd(8)} one plan asked again (kept): median ${one.ms.toFixed(1)} ms over 40 requests (${(one.bytes / 1024).toFixed(0)} KB)   ` +
          `[target < ${TARGET.oneMs} ms: ${verdict(one.ms < TARGET.oneMs)}]`,
      );
    }
    for (const kind of ['overdue', 'progress']) {
      const all = await medianOf(`${base}/reports/${kind}?asOf=${AS_OF}`, auth, ALL_RUNS);
      figures.allMs[kind] = all.ms;
      console.log(
        `  ${kind.padEnd(8)} all ${PLANS} plans in one request: median ${(all.ms / 1000).toFixed(3)} s over ${ALL_RUNS} (${(all.bytes / 1e6).toFixed(1)} MB)   [target < ${TARGET.allMs / 1000} s: ${verdict(all.ms < TARGET.allMs)}]`,
      );
    }

    const floor = await startFloorProcess(databaseUrl, dir);
    servers.push(floor);
    const qingdanUrl = `${base}/plans/${PLAN}/reports/overdue?asOf=${AS_OF}`;
    const floorUrl = `http://127.0.0.1:${FLOOR_PORT}/plans/${PLAN}/overdue?asOf=${AS_OF}`;
    const [a, b] = [await timed(qingdanUrl, auth), await timed(floorUrl, {})];
    if (!a.body.equals(b.body)) throw new Error('Qingdan and the floor answer the overdue report differently');
    figures.overdueBody = a.body;
    console.log(
      `  Throughput, overdue report of plan ${PLAN} (${(a.bytes / 1024).toFixed(0)} KB, same bytes from both), autocannon -c ${LOAD.connections} -d ${LOAD.duration}:`,
    );
    const ratios: number[] = [];
    for (let round = 1; round <= 2; round++) {
      const q = await load(qingdanUrl, auth);
      const f = await load(floorUrl, {});
      ratios.push(q.rps / f.rps);
      console.log(
        `    round ${round}: Qingdan ${q.rps.toFixed(0)} req/s (p50 ${q.p50} ms${q.errors ? `, ${q.errors} errors` : ''}), ` +
          `floor ${f.rps.toFixed(0)} req/s (p50 ${f.p50} ms${f.errors ? `, ${f.errors} errors` : ''}), ratio ${(q.rps / f.rps).toFixed(2)}`,
      );
    }
    figures.ratio = median(ratios);
    console.log(
      `    ratio ${figures.ratio.toFixed(2)}x of the floor   [target >= 0.75: ${verdict(figures.ratio >= 0.75)}; beats the floor (> 1): ${verdict(figures.ratio > 1)}]`,
    );
    figures.peakMb = await qingdan.peakMb();
    figures.floorPeakMb = await floor.peakMb();
    console.log(
      `  Peak memory: Qingdan ${figures.peakMb.toFixed(0)} MB, floor ${figures.floorPeakMb.toFixed(0)} MB   [target < ${TARGET.peakMb} MB: ${verdict(figures.peakMb < TARGET.peakMb)}]`,
    );
    return figures;
  } finally {
    for (const server of servers) server.process.kill();
  }
}

/** The two engines' figures in one table: PostgreSQL's within 2x of SQLite's, and its ratio to its own floor. */
function sideBySide(sqlite: Figures, postgres: Figures): void {
  const row = (label: string, a: number, b: number, unit: 'ms' | 's') => {
    const show = (v: number) => (unit === 's' ? `${(v / 1000).toFixed(3)} s` : `${v.toFixed(1)} ms`);
    console.log(
      `  ${label.padEnd(42)} ${show(a).padStart(10)} ${show(b).padStart(12)}   ${(b / a).toFixed(2)}x   [PostgreSQL within 2x: ${verdict(b <= 2 * a)}]`,
    );
  };
  console.log(`Reports, SQLite and PostgreSQL side by side:\n  ${''.padEnd(42)} ${'SQLite'.padStart(10)} ${'PostgreSQL'.padStart(12)}`);
  for (const kind of ['overdue', 'progress']) row(`${kind}, first ask, worked out ahead`, sqlite.firstMs[kind], postgres.firstMs[kind], 'ms');
  for (const kind of ['overdue', 'progress']) row(`${kind}, first ask, not worked out ahead`, sqlite.onDemandMs[kind], postgres.onDemandMs[kind], 'ms');
  for (const kind of ['overdue', 'progress']) row(`${kind}, one plan asked again (median)`, sqlite.oneMs[kind], postgres.oneMs[kind], 'ms');
  for (const kind of ['overdue', 'progress']) row(`${kind}, all ${PLANS} plans`, sqlite.allMs[kind], postgres.allMs[kind], 's');
  console.log(
    `  ${'throughput ratio to its floor'.padEnd(40)} ${`${sqlite.ratio.toFixed(2)}x`.padStart(10)} ${`${postgres.ratio.toFixed(2)}x`.padStart(12)}   ` +
      `[each >= 0.75: ${verdict(sqlite.ratio >= 0.75)} / ${verdict(postgres.ratio >= 0.75)}]`,
  );
  console.log(`  ${'peak RSS of Qingdan'.padEnd(40)} ${`${sqlite.peakMb.toFixed(0)} MB`.padStart(10)} ${`${postgres.peakMb.toFixed(0)} MB`.padStart(12)}`);
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'serve-floor') return serveFloor(args[0], args[1]);
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-bench-reports-'));
  const path = join(dir, 'reports.sqlite');
  let postgres: PostgresDatabase | null = null;
  try {
    const started = performance.now();
    const size = await prepareReportData(path);
    console.log(
      `Reports over ${PLANS} plans: ${size.items} items, ${size.milestones} milestones, ${size.reports} progress reports, ${size.events} status events; ` +
        `SQLite file ${(statSync(path).size / 1e6).toFixed(0)} MB, prepared in ${((performance.now() - started) / 1000).toFixed(1)} s; as of ${AS_OF}`,
    );
    const figures: Partial<Record<Engine, Figures>> = {};
    for (const engine of ENGINES) {
      let url = `sqlite:${path}`;
      if (engine === 'postgres') {
        const copying = performance.now();
        postgres = await createPostgresDatabase('reports');
        const rows = await copyToPostgres(path, postgres.url);
        url = postgres.url;
        console.log(`PostgreSQL: the same ${rows} rows copied into a new database in ${((performance.now() - copying) / 1000).toFixed(1)} s`);
      }
      console.log(engine === 'sqlite' ? 'SQLite:' : 'PostgreSQL:');
      figures[engine] = await measure(url, dir);
    }
    if (figures.sqlite && figures.postgres) {
      if (!figures.sqlite.overdueBody.equals(figures.postgres.overdueBody))
        throw new Error(`The overdue report of plan ${PLAN} differs between SQLite and PostgreSQL`);
      console.log(`The overdue report of plan ${PLAN} is the same bytes on both engines.`);
      sideBySide(figures.sqlite, figures.postgres);
    }
  } finally {
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
