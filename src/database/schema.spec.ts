import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database.js';
import { openDatabase } from './data-source.js';
import { MIGRATIONS } from './migrations/index.js';

/** Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL names a server (scripts/with-postgres.sh). */
describe('database schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-schema-'));
  const databases: TestDatabase[] = [];
  const open = async (name: string) => {
    const database = await createTestDatabase(dir, name);
    databases.push(database);
    return openDatabase(database.settings);
  };
  const tables = async (dataSource: DataSource) => {
    const runner = dataSource.createQueryRunner();
    try {
      return (await Promise.all(['tasks', 'users'].map(async (t) => ((await runner.hasTable(t)) ? [t] : [])))).flat();
    } finally {
      await runner.release();
    }
  };
  afterAll(async () => {
    for (const database of databases) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrations build exactly the schema the entities describe', async () => {
    const dataSource = await open('schema');
    const pending = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('migrations can be reverted to an empty database and applied again', async () => {
    const dataSource = await open('revert');
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables(dataSource)).toEqual([]);
    await dataSource.runMigrations();
    expect(await tables(dataSource)).toEqual(['tasks', 'users']);
    await dataSource.destroy();
  });
});
