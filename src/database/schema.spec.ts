import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database.js';
import { openDatabase } from './data-source.js';
import { MIGRATIONS } from './migrations/index.js';
import { insertRows } from './insert-rows.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { keepBodies } from '../outbox/outbox-bodies.js';

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

  it('reverting the shared message bodies puts each message back whole', async () => {
    const dataSource = await open('bodies');
    await dataSource.transaction(async (manager) => {
      const [bodyId] = await keepBodies(manager, [{ text: '正文', html: '<p>正文</p></body></html>', markdown: null }]);
      await insertRows(manager, OutboxMessage, [
        { ...MESSAGE, recipient: 'a@example.org', text: '甲：您好！\n', html: '<html><body><p>甲：您好！</p>', bodyId },
        { ...MESSAGE, recipient: 'b@example.org', text: '乙：您好！\n', html: '<html><body><p>乙：您好！</p>', bodyId },
        { ...MESSAGE, recipient: 'c@example.org', text: '丙：全文', html: null, bodyId: null },
      ]);
    });
    // Back to before the bodies (through any later migrations).
    const runner = dataSource.createQueryRunner();
    while (await runner.hasTable('outbox_bodies')) await dataSource.undoLastMigration({ transaction: 'each' });
    await runner.release();
    const rows: { recipient: string; text: string; html: string | null; markdown: string | null }[] = await dataSource.query(
      `SELECT recipient, text, html, markdown FROM outbox_messages ORDER BY recipient`,
    );
    expect(rows).toEqual([
      { recipient: 'a@example.org', text: '甲：您好！\n正文', html: '<html><body><p>甲：您好！</p><p>正文</p></body></html>', markdown: null },
      { recipient: 'b@example.org', text: '乙：您好！\n正文', html: '<html><body><p>乙：您好！</p><p>正文</p></body></html>', markdown: null },
      { recipient: 'c@example.org', text: '丙：全文', html: null, markdown: null },
    ]);
    await dataSource.destroy();
  });
});

const MESSAGE = {
  planId: null,
  rule: 'digest',
  channel: 'email',
  recipientName: '领导',
  unitId: null,
  sendDate: '2026-11-23',
  subject: '【逾期周报】',
  markdown: null,
  status: 'pending',
};
