/**
 * Weight and speed of the web app (issue 14). The built service (node dist/bundle/main.js, as deployed: dist-web/ served
 * at /) runs on a loopback port over the national-scale data set of the reports benchmark (report-data.ts: 120
 * plans, 55,200 items, 3.3 million progress reports), and headless Chromium loads two pages:
 *   - the sign-in page /login, and
 *   - a leader's overview (驾驶舱) /plans/60/overview: one plan of 460 items and 27,600 reports.
 * Weight: every JS and CSS file Chromium fetched for the page (the entry chunk, the route's lazy chunks, their
 * imports and preloads, Element Plus styles), raw and gzip (node:zlib, default level 6; the service itself does not
 * compress). Target: at most 300 KB of gzip JS on the overview.
 * Speed: time from navigation start until the overview is usable: its key figure (逾期事项, [data-test=overdue-items])
 * shows a number and the light bars are on screen (the first frame after that), in a fresh browser context each
 * run (cold cache), then the same page reloaded in that context (warm cache: hashed assets from the cache).
 * 1 warm-up + 7 runs; median, p90 and max, with where the time goes (JS/CSS loaded, the overview's API requests
 * in the browser and alone from Node) and the CPU time Chromium and the service spent, which other jobs on the
 * machine disturb less than the wall time (the load average is printed too).
 * Target: usable in under 1 s. Needs the build (npm run build), which the bench script runs first.
 *   npm run bench
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PLANS, prepareReportData } from './report-data.js';
import { freePort } from './free-port.js';
import { startService } from './service-process.js';

const CLOCK = '2026-11-23T09:00:00+08:00';
const ADMIN = { username: 'bench-admin', password: 'bench-password-1' };
const LEADER = { username: 'bench-leader', password: 'bench-leader-pass' };
const PLAN = 60;
const RUNS = 7;
const TARGET = { overviewJsGzipKb: 300, usableMs: 1000 };
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SESSION_KEY = 'qingdan.session';
const VIEWPORT = { width: 1366, height: 768 };

/**
 * Put into every page before its scripts: records performance.now() (milliseconds since navigation start) in
 * window.__bench when the page is usable, one frame after the DOM first shows it, and when the loading mask is gone.
 * The overview is usable when [data-test=overdue-items] shows a number and at least 3 light bars ([role=img]) are
 * there; the sign-in page when its password field is there.
 */
const PROBE = `(() => {
  const marks = (window.__bench = {});
  const mark = (name) => {
    if (name in marks) return;
    marks[name] = null;
    requestAnimationFrame(() => setTimeout(() => (marks[name] = performance.now()), 0));
  };
  const check = () => {
    if (location.pathname === '/login') {
      if (document.querySelector('input[type=password]')) mark('usable'), mark('settled');
      return;
    }
    const kpi = document.querySelector('[data-test=overdue-items]');
    if (!kpi || !/\\d/.test(kpi.textContent || '') || document.querySelectorAll('[role=img]').length < 3) return;
    mark('usable');
    if (!document.querySelector('.el-loading-mask')) mark('settled');
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

interface Load {
  usable: number;
  settled: number;
  /** When the last JS or CSS file fetched before the page was usable had arrived. */
  assets: number;
  /** The overview's API requests: path → [start, end] in ms since navigation start. */
  api: Map<string, [number, number]>;
  /** CPU time spent meanwhile by Chromium (all its processes) and by the service, in ms. */
  cpu?: { browser: number; service: number };
}

/**
 * CPU time (user + system, with reaped children) of this process's descendants, in ms: the service's process tree
 * and the rest (Chromium). Less disturbed than wall time when other jobs share the machine. Linux only (/proc; 0
 * elsewhere); clock ticks taken as 10 ms (USER_HZ 100).
 */
function cpuTimes(servicePid: number): { browser: number; service: number } {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    } catch {
      // the process ended meanwhile
    }
  }
  const under = (pid: number, root: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  const totals = { browser: 0, service: 0 };
  for (const [pid, t] of ticks) {
    if (pid === servicePid || under(pid, servicePid)) totals.service += t * 10;
    else if (under(pid, process.pid)) totals.browser += t * 10;
  }
  return totals;
}

/** The built service on the data set's file, as the browser asks it. */
async function startQingdan(path: string, dir: string, port: number): Promise<ChildProcess> {
  const env = {
    DATABASE_URL: `sqlite:${path}`,
    CLOCK,
    SEED: 'false',
    SCHEDULER: 'false',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    OUTBOX_DIR: join(dir, 'outbox'),
    EVIDENCE_DIR: join(dir, 'evidence'),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
  };
  return (await startService('dist/bundle/main.js', env, port)).child;
}

async function api(base: string, path: string, body: unknown, token?: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Session;
}

interface Session {
  token: string;
  expiresAt: string;
  user: unknown;
}

/** A fresh context (empty cache) with the leader's session in localStorage, as the sign-in page leaves it. */
async function newContext(browser: Browser, base: string, session: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'zh-CN',
    storageState: { cookies: [], origins: session ? [{ origin: base, localStorage: [{ name: SESSION_KEY, value: session }] }] : [] },
  });
  await context.addInitScript(PROBE);
  return context;
}

async function measure(page: Page, url: string): Promise<Load> {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const marks = (globalThis as unknown as { __bench: Record<string, number | null> }).__bench;
      return marks.usable != null && marks.settled != null;
    },
    null,
    { timeout: 60_000 },
  );
  const raw = await page.evaluate(() => ({
    marks: (globalThis as unknown as { __bench: Record<string, number> }).__bench,
    resources: performance
      .getEntriesByType('resource')
      .map((e) => ({ name: e.name, start: e.startTime, end: (e as unknown as { responseEnd: number }).responseEnd })),
  }));
  const assets = raw.resources.filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname) && r.end <= raw.marks.usable);
  const api = new Map<string, [number, number]>();
  for (const r of raw.resources) {
    const path = new URL(r.name).pathname;
    if (path.startsWith('/api/')) api.set(path, [r.start, r.end]);
  }
  return { usable: raw.marks.usable, settled: raw.marks.settled, assets: Math.max(0, ...assets.map((a) => a.end)), api };
}

interface Weight {
  js: { raw: number; gzip: number; files: number };
  css: { raw: number; gzip: number; files: number };
  html: { raw: number; gzip: number };
  apiJson: { raw: number; gzip: number; requests: number };
  /** The largest JS files by gzip: [file, raw, gzip]. */
  largest: [string, number, number][];
}

/** Everything Chromium fetched for the page (fresh context), until it was usable and the network was quiet. */
async function weigh(browser: Browser, base: string, session: string | null, url: string): Promise<Weight> {
  const context = await newContext(browser, base, session);
  const page = await context.newPage();
  const bodies: Promise<[string, Buffer]>[] = [];
  page.on('response', (response) => {
    if (response.status() === 200) bodies.push(response.body().then((b) => [new URL(response.url()).pathname, b] as [string, Buffer]));
  });
  await measure(page, url);
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  await context.close();
  const weight: Weight = {
    js: { raw: 0, gzip: 0, files: 0 },
    css: { raw: 0, gzip: 0, files: 0 },
    html: { raw: 0, gzip: 0 },
    apiJson: { raw: 0, gzip: 0, requests: 0 },
    largest: [],
  };
  for (const [path, body] of files) {
    const gzip = gzipSync(body).length;
    if (path.endsWith('.js')) {
      weight.js.raw += body.length;
      weight.js.gzip += gzip;
      weight.js.files++;
      weight.largest.push([path.replace('/assets/', ''), body.length, gzip]);
    } else if (path.endsWith('.css')) {
      weight.css.raw += body.length;
      weight.css.gzip += gzip;
      weight.css.files++;
    } else if (path.startsWith('/api/')) {
      weight.apiJson.raw += body.length;
      weight.apiJson.gzip += gzip;
      weight.apiJson.requests++;
    } else {
      weight.html.raw += body.length;
      weight.html.gzip += gzip;
    }
  }
  weight.largest.sort((a, b) => b[2] - a[2]);
  return weight;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}
const median = (values: number[]) => quantile(values, 0.5);

function speedLine(label: string, loads: Load[]): string {
  const usable = loads.map((l) => l.usable);
  return (
    `  ${label.padEnd(22)} usable median ${ms(median(usable)).padStart(7)}, p90 ${ms(quantile(usable, 0.9)).padStart(7)}, max ${ms(Math.max(...usable)).padStart(7)}` +
    ` | JS+CSS in ${ms(median(loads.map((l) => l.assets)))}` +
    (loads[0].api.size ? `, API answered ${ms(median(loads.map((l) => Math.max(...[...l.api.values()].map(([, end]) => end)))))}` : '') +
    `, loading mask gone ${ms(median(loads.map((l) => l.settled)))}` +
    ` | CPU until then: Chromium ${ms(median(loads.map((l) => l.cpu!.browser)))}, service ${ms(median(loads.map((l) => l.cpu!.service)))}`
  );
}

function apiLines(loads: Load[]): string[] {
  const paths = [...new Set(loads.flatMap((l) => [...l.api.keys()]))];
  return paths.map((path) => {
    const spans = loads.map((l) => l.api.get(path)).filter((s): s is [number, number] => !!s);
    const took = spans.map(([start, end]) => end - start);
    return `    ${path.padEnd(40)} starts at ${ms(median(spans.map((s) => s[0]))).padStart(7)}, takes median ${ms(median(took)).padStart(6)}, max ${ms(Math.max(...took)).padStart(6)}`;
  });
}

function weightLines(page: string, w: Weight): string[] {
  return [
    `  ${page.padEnd(22)} JS ${w.js.files} files ${kb(w.js.raw)} raw, ${kb(w.js.gzip)} gzip | CSS ${w.css.files} files ${kb(w.css.raw)} raw, ${kb(w.css.gzip)} gzip | ` +
      `HTML ${kb(w.html.raw)} | API JSON ${w.apiJson.requests} requests ${kb(w.apiJson.raw)} raw, ${kb(w.apiJson.gzip)} gzip`,
    `  ${''.padEnd(22)} largest JS (gzip): ${w.largest
      .slice(0, 5)
      .map(([f, , g]) => `${f} ${kb(g)}`)
      .join(', ')}`,
  ];
}

async function main(): Promise<void> {
  for (const built of ['dist/bundle/main.js', 'dist-web/index.html']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-bench-web-'));
  const path = join(dir, 'web.sqlite');
  let service: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    const started = performance.now();
    const size = await prepareReportData(path);
    console.log(
      `Web app over ${PLANS} plans (${size.items} items, ${size.reports} progress reports; SQLite ${(statSync(path).size / 1e6).toFixed(0)} MB, ` +
        `prepared in ${((performance.now() - started) / 1000).toFixed(1)} s): the built service on loopback, headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} on ${availableParallelism()} CPUs`,
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    service = await startQingdan(path, dir, port);
    const admin = await api(base, '/auth/login', ADMIN);
    await api(base, '/users', { ...LEADER, role: 'leader', planId: PLAN, displayName: '分管领导' }, admin.token);
    const leader = await api(base, '/auth/login', LEADER);
    const session = JSON.stringify({ token: leader.token, expiresAt: leader.expiresAt, user: leader.user });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

    const pages = [
      { name: 'sign-in /login', url: `${base}/login`, session: null },
      { name: `overview /plans/${PLAN}/overview`, url: `${base}/plans/${PLAN}/overview`, session },
    ];
    console.log('Weight (what Chromium fetched for the page, cold cache; gzip = node:zlib default level 6):');
    const weights: Weight[] = [];
    for (const p of pages) {
      const w = await weigh(browser, base, p.session, p.url);
      weights.push(w);
      weightLines(p.name, w).forEach((line) => console.log(line));
    }
    const overviewJs = weights[1].js.gzip / 1024;
    console.log(
      `  overview JS ${overviewJs.toFixed(1)} KB gzip   [target <= ${TARGET.overviewJsGzipKb} KB: ${verdict(overviewJs <= TARGET.overviewJsGzipKb)}]`,
    );

    console.log(`Speed: navigation start until usable, 1 warm-up + ${RUNS} runs, a fresh browser context each (cold), then reloaded in it (warm):`);
    const verdicts: string[] = [];
    for (const p of pages) {
      const cold: Load[] = [];
      const warm: Load[] = [];
      for (let run = 0; run <= RUNS; run++) {
        const context = await newContext(browser, base, p.session);
        const page = await context.newPage();
        const timed = async () => {
          const before = cpuTimes(service!.pid!);
          const load = await measure(page, p.url);
          const after = cpuTimes(service!.pid!);
          return { ...load, cpu: { browser: after.browser - before.browser, service: after.service - before.service } };
        };
        const first = await timed();
        const second = await timed();
        await context.close();
        await new Promise((r) => setTimeout(r, 300));
        if (run === 0) continue;
        cold.push(first);
        warm.push(second);
      }
      console.log(`  ${p.name}`);
      console.log(speedLine('cold cache', cold));
      console.log(speedLine('warm cache', warm));
      if (p.session) {
        console.log('  its API requests (cold; start and duration in the browser, ms since navigation start):');
        apiLines(cold).forEach((line) => console.log(line));
        console.log('  the same requests one at a time from Node, the browser idle (median of 7 after 2 warm-ups):');
        for (const path of [...cold[0].api.keys()]) {
          const took: number[] = [];
          for (let i = 0; i < 9; i++) {
            const start = performance.now();
            const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${leader.token}` } });
            await res.arrayBuffer();
            if (i >= 2) took.push(performance.now() - start);
          }
          console.log(`    ${path.padEnd(40)} median ${ms(median(took)).padStart(6)}, max ${ms(Math.max(...took)).padStart(6)}`);
        }
        const c = median(cold.map((l) => l.usable));
        const w = median(warm.map((l) => l.usable));
        verdicts.push(
          `  overview usable: cold median ${ms(c)}, warm median ${ms(w)}   [target < ${TARGET.usableMs} ms: cold ${verdict(c < TARGET.usableMs)}, warm ${verdict(w < TARGET.usableMs)}]`,
        );
      }
    }
    verdicts.forEach((line) => console.log(line));
    console.log(
      `  load average of this machine (1/5/15 min) at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} on ${availableParallelism()} CPUs`,
    );
  } finally {
    await browser?.close();
    service?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
