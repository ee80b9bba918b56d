// Writes the service's OpenAPI document (as served at /api/docs-json) to a file, from the built app (dist/),
// on a throw-away SQLite file without seeds or scheduler. Usage: node scripts/write-openapi.mjs <out.json>
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/write-openapi.mjs <out.json>');
  process.exit(2);
}
const { createApp } = await import('../dist/app.js');
const { loadConfig } = await import('../dist/config/app-config.js');
const dir = mkdtempSync(join(tmpdir(), 'qingdan-openapi-'));
try {
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'openapi.sqlite')}`,
    SEED: 'false',
    SCHEDULER: 'false',
    OUTBOX_DIR: join(dir, 'outbox'),
    EVIDENCE_DIR: join(dir, 'evidence'),
  });
  const app = await createApp(config, { logger: false, docsUi: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' });
  if (res.statusCode !== 200) throw new Error(`/api/docs-json answered ${res.statusCode}`);
  writeFileSync(out, JSON.stringify(JSON.parse(res.body), null, 2) + '\n');
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
