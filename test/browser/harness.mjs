// What every browser journey needs: the built service (dist/, dist-web/) started on a free port with a temporary
// SQLite file, the seed plans and a frozen clock; Debian's /usr/bin/chromium through playwright-core; the API
// called directly to set up or check a step; pages that record console errors; screenshots in test-artifacts/.
// Each journey file calls startApp() in before() and stopApp() in after(): one service and one database per file.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const ARTIFACTS = 'test-artifacts';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Accounts to sign in with: the demo users of seeds/demo-users.json (password qingdan-demo) and an admin. */
export const ACCOUNTS = {
  /** Created on first start by the harness (ADMIN_USERNAME / ADMIN_PASSWORD). */
  admin: { username: 'browser-admin', password: 'browser-admin-pass' },
  office: { username: 'jiangjin-office', password: 'qingdan-demo' },
  leader: { username: 'jiangjin-leader', password: 'qingdan-demo' },
  jxw: { username: 'jiangjin-jxw', password: 'qingdan-demo' },
};

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the service and the browser. `env` adds or overrides settings (e.g. CLOCK, DEMO_PROGRESS).
 * Answers { base, dir, browser, log() }: base is http://127.0.0.1:<port>, dir the temporary directory (outbox/,
 * evidence/ and the database live there).
 */
export async function startApp(env = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-browser-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const service = spawn('node', ['dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'browser.sqlite')}`,
      CLOCK: '2026-11-23T09:30:00+08:00',
      SEED: 'true',
      SCHEDULER: 'false',
      PUBLIC_URL: base,
      OUTBOX_DIR: join(dir, 'outbox'),
      EVIDENCE_DIR: join(dir, 'evidence'),
      ADMIN_USERNAME: 'browser-admin',
      ADMIN_PASSWORD: 'browser-admin-pass',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  service.stdout.on('data', (d) => (log += d));
  service.stderr.on('data', (d) => (log += d));
  for (let i = 0; ; i++) {
    if (service.exitCode !== null) throw new Error(`the service exited:\n${log}`);
    if (i >= 120) throw new Error(`the service did not answer within 60 s:\n${log}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const app = {
    base,
    dir,
    browser,
    service,
    log: () => log,
    /** Calls the API: { status, body } (body is the JSON, or null for 204). */
    async api(path, { token, method = 'GET', body } = {}) {
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    /** A bearer token for one of ACCOUNTS (or any { username, password }). */
    async tokenOf(account) {
      const res = await app.api('/auth/login', { method: 'POST', body: account });
      if (res.status !== 201 && res.status !== 200) throw new Error(`sign-in of ${account.username} failed: ${res.status}`);
      return res.body.token;
    },
    /** A fresh browser context and page (phone size unless told) that records console errors and page errors. */
    async newPage(viewport = { width: 390, height: 844 }) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      return { context, page, errors };
    },
    /** Signs in through the login page and waits to leave it. */
    async signIn(page, account, path = '/') {
      await page.goto(`${base}${path}`);
      await page.waitForURL((u) => u.pathname === '/login');
      await page.getByLabel('用户名').fill(account.username);
      await page.getByLabel('密码', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((u) => u.pathname !== '/login');
    },
  };
  return app;
}

export async function stopApp(app) {
  await app?.browser?.close();
  app?.service?.kill();
  if (app?.dir) rmSync(app.dir, { recursive: true, force: true });
}

/** Chromium reports every non-2xx fetch as a console error; those of answers a step expects are left out. */
export const unexpected = (errors, ...statuses) => errors.filter((e) => !statuses.some((s) => e.includes(`status of ${s}`)));
