import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './data-source.js';
import { MIGRATIONS } from './migrations/index.js';

describe('database schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrations build exactly the schema the entities describe', async () => {
    const dataSource = await openDatabase({ type: 'sqlite', path: join(dir, 'schema.sqlite') });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('migrations can be reverted to an empty database and applied again', async () => {
    const dataSource = await openDatabase({ type: 'sqlite', path: join(dir, 'revert.sqlite') });
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('tasks', 'users')`);
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    const again = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('tasks', 'users')`);
    expect(again).toHaveLength(2);
    await dataSource.destroy();
  });
});
