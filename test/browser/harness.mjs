// What every browser journey needs: the built service (dist/, dist-web/) started on a free port with a temporary
// SQLite file, the seed plans and a frozen clock; Debian's /usr/bin/chromium through playwright-core; the API
// called directly to set up or check a step; pages that record console errors; screenshots in test-artifacts/.
// Each journey file calls startApp() in before() and stopApp() in after(): one service and one database per file.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { spawnService } from '../service-process.mjs';

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

/**
 * Starts the service and the browser. `env` adds or overrides settings (e.g. CLOCK, DEMO_PROGRESS).
 * Answers { base, dir, browser, log() }: base is http://127.0.0.1:<port>, dir the temporary directory (outbox/,
 * evidence/ and the database live there).
 */
export async function startApp(env = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-browser-'));
  const service = await spawnService({
    DATABASE_URL: `sqlite:${join(dir, 'browser.sqlite')}`,
    CLOCK: '2026-11-23T09:30:00+08:00',
    SEED: 'true',
    SCHEDULER: 'false',
    OUTBOX_DIR: join(dir, 'outbox'),
    EVIDENCE_DIR: join(dir, 'evidence'),
    ADMIN_USERNAME: 'browser-admin',
    ADMIN_PASSWORD: 'browser-admin-pass',
    ...env,
  });
  await service.ready();
  const { base } = service;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const app = {
    base,
    dir,
    browser,
    service,
    log: service.log,
    /** Calls the API: { status, body } (body is the JSON, or null for 204). */
    api: service.api,
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
  await app?.service?.stop();
  if (app?.dir) rmSync(app.dir, { recursive: true, force: true });
}

/** Chromium reports every non-2xx fetch as a console error; those of answers a step expects are left out. */
export const unexpected = (errors, ...statuses) => errors.filter((e) => !statuses.some((s) => e.includes(`status of ${s}`)));
