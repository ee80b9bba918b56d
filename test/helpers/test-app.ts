import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/app-config.js';

export interface TestApp {
  app: NestFastifyApplication;
  dir: string;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** The real application on a temporary SQLite file, migrated and (unless told otherwise) seeded once. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-'));
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'test.sqlite')}`, SEED: 'true', ...env });
  const app = await createApp(config, { logger: false, docsUi: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    dir,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
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
