// The web app's API types (web/src/api/schema.d.ts) are generated from the service's OpenAPI document: this fails
// when the committed file is not what the built service (dist/) produces. Regenerate with `npm run openapi`.
// (Built, not under Jest: ts-jest compiles modules one by one, so parameter types from other files, such as the
// `:list` of the spreadsheet routes, are missing from the document it yields.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

test('web/src/api/schema.d.ts is generated from the current OpenAPI document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-openapi-types-'));
  try {
    execFileSync('node', ['scripts/write-openapi.mjs', join(dir, 'openapi.json')], { stdio: 'inherit' });
    execFileSync(join('node_modules', '.bin', 'openapi-typescript'), [join(dir, 'openapi.json'), '-o', join(dir, 'schema.d.ts')], { stdio: 'ignore' });
    const same = readFileSync(join(dir, 'schema.d.ts'), 'utf8') === readFileSync(join('web', 'src', 'api', 'schema.d.ts'), 'utf8');
    assert.ok(same, 'web/src/api/schema.d.ts differs from what the service produces: run npm run openapi and commit it');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
