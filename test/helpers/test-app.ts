import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { type AppBoundary, createApp } from '../../src/app.js';
import { Clock } from '../../src/common/clock.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import { type MailCatcher, startMailCatcher } from './mail-catcher.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** supertest with a bearer token already set (or none). */
export interface Agent {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
}

export interface TestApp {
  app: NestFastifyApplication;
  dir: string;
  /** Its database: a SQLite file, or a PostgreSQL database when the suite runs there (TEST_DATABASE_URL). */
  database: TestDatabase;
  /** The settings it runs with (a second instance on the same database can start from them). */
  config: AppConfig;
  clock: Clock;
  /** Requests as the admin. */
  http: () => Agent;
  /** Requests with this token. */
  as: (token: string) => Agent;
  /** Requests without a token. */
  anon: () => Agent;
  /** Signs in (demo users have the password qingdan-demo) and returns the bearer token. */
  login: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
}

export const TEST_ADMIN = { username: 'admin', password: 'admin-password-1' };
export const DEMO_PASSWORD = 'qingdan-demo';

function agent(server: Parameters<typeof request>[0], token: string | null): Agent {
  const send = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (url: string) => {
    const test = request(server)[method](url);
    return token ? test.set('Authorization', `Bearer ${token}`) : test;
  };
  return { get: send('get'), post: send('post'), put: send('put'), patch: send('patch'), delete: send('delete') };
}

/** The real application on a temporary database (see test-database.ts), migrated and (unless told otherwise) seeded once. */
export async function startTestApp(env: Record<string, string> = {}, logger: false | LoggerService = false, boundary: AppBoundary = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-'));
  const database = await createTestDatabase(dir);
  const config = loadConfig({
    DATABASE_URL: database.url,
    SEED: 'true',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    EVIDENCE_DIR: join(dir, 'evidence'),
    // On PostgreSQL the suite keeps evidence in the database, as several instances would; on SQLite in the directory.
    EVIDENCE_STORE: database.engine === 'postgres' ? 'database' : 'directory',
    LOGIN_MAX_FAILURES: '1000',
    // Cheaper password hashes: the suite signs in hundreds of times (production default 15).
    PASSWORD_HASH_COST: '12',
    OUTBOX_DIR: join(dir, 'outbox'),
    SCHEDULER: 'false',
    // The demo progress (seeds/demo-progress.json) only where a test asks for it: the other specs count from the bare seeds.
    DEMO_PROGRESS: 'false',
    ...env,
  });
  const app = await createApp(config, { logger, docsUi: false, ...boundary });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await request(server).post('/api/v1/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { token: string }).token;
  };
  const adminToken = await login(TEST_ADMIN.username, TEST_ADMIN.password);
  return {
    app,
    dir,
    database,
    config,
    clock: app.get(Clock),
    http: () => agent(server, adminToken),
    as: (token) => agent(server, token),
    anon: () => agent(server, null),
    login,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A test app whose mail goes to a mail catcher of its own on loopback (sessions that do not run out); close() stops both. */
export async function startMailedApp(env: Record<string, string> = {}): Promise<{ t: TestApp; smtp: MailCatcher; close: () => Promise<void> }> {
  const smtp = await startMailCatcher();
  const t = await startTestApp({ SMTP_URL: smtp.url, SESSION_HOURS: '100000', ...env });
  return {
    t,
    smtp,
    close: async () => {
      await t.close();
      await smtp.close();
    },
  };
}

/** The id of a seed plan by its key. */
export async function planId(t: TestApp, key: string): Promise<number> {
  const res = await t.http().get('/api/v1/plans').expect(200);
  const plan = (res.body as { id: number; key: string }[]).find((p) => p.key === key);
  if (!plan) throw new Error(`seed plan ${key} not loaded`);
  return plan.id;
}

/** Another instance of the service on the test app's database (its own pool, clock and scheduler state), started. */
export async function startAnotherInstance(t: TestApp): Promise<NestFastifyApplication> {
  const app = await createApp(t.config, { logger: false, docsUi: false, webApp: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
