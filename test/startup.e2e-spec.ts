import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/app-config.js';
import { RawReader } from '../src/database/raw-reader.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { TEST_ADMIN } from './helpers/test-app.js';

/** Several instances of the service started at the same moment on one empty database (SQLite file or PostgreSQL). */
describe('instances starting together on one empty database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-startup-'));
  let database: TestDatabase;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dir, 'startup');
    const config = loadConfig({
      DATABASE_URL: database.url,
      SEED: 'true',
      DEMO_PROGRESS: 'false',
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      PASSWORD_HASH_COST: '12',
      EVIDENCE_DIR: join(dir, 'evidence'),
      OUTBOX_DIR: join(dir, 'outbox'),
      SCHEDULER: 'false',
    });
    const started = await Promise.allSettled([1, 2, 3].map(() => createApp(config, { logger: false, docsUi: false, webApp: false })));
    for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
    const failed = started.filter((s) => s.status === 'rejected').map((s) => String(s.reason));
    expect(failed).toEqual([]);
    for (const app of apps) {
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    }
  }, 180_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('all come up and each answers with the same four seed plans, loaded once', async () => {
    expect(apps).toHaveLength(3);
    for (const app of apps) {
      const login = await request(app.getHttpServer()).post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
      const plans = await request(app.getHttpServer()).get('/api/v1/plans').set('Authorization', `Bearer ${login.body.token}`).expect(200);
      expect((plans.body as { key: string }[]).map((p) => p.key)).toEqual(['foshan', 'jiangjin', 'jiangmen', 'jiangyin']);
    }
  });

  it('ran each migration once, created one admin and one set of demo users', async () => {
    const reader = apps[0].get(RawReader);
    const count = async (sql: string) => Number((await reader.all<{ n: number | string }>(sql, []))[0].n);
    expect(await count('SELECT COUNT(*) AS n FROM migrations')).toBe(MIGRATIONS.length);
    expect(await count(`SELECT COUNT(*) AS n FROM users WHERE username = 'admin'`)).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM users WHERE username = 'jiangjin-leader'`)).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM tasks t JOIN plans p ON p.id = t."planId" WHERE p.key = 'jiangjin'`)).toBe(82);
  });
});
