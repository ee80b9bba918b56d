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
import { storedContent } from '../outbox/message-content.js';
import type { ReminderContent } from '../reminders/reminder-types.js';

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

  it('reverting the kept contents writes each reminder out whole in its own columns', async () => {
    const dataSource = await open('contents');
    const content: ReminderContent = {
      rule: 'due',
      planName: '江津区方案',
      unitName: '区城市管理局',
      recipientName: '王联络',
      audience: 'liaison',
      date: '2026-11-23',
      daysBefore: null,
      items: [
        {
          itemType: 'task',
          itemId: 7,
          milestoneId: 70,
          code: '任务7',
          title: '建成生活垃圾分类示范片区',
          role: 'lead',
          leadUnits: ['区城市管理局'],
          dueDate: '2026-11-23',
          phrase: '2026年11月23日前',
          daysOverdue: 0,
          daysLeft: 0,
          status: 'in_progress',
          light: 'yellow',
          percent: null,
          closedOn: null,
          link: 'https://qingdan.example.gov.cn/plans/1/tasks/7',
        },
      ],
      unitLink: 'https://qingdan.example.gov.cn/plans/1/my',
    };
    await dataSource.transaction((manager) =>
      insertRows(manager, OutboxMessage, [
        { ...MESSAGE, rule: 'due', recipient: 'wang@example.org', text: '', html: null, content: storedContent(content) },
        {
          ...MESSAGE,
          rule: 'due',
          channel: 'wecom',
          recipient: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
          text: '',
          html: null,
          content: storedContent(content),
        },
      ]),
    );
    await dataSource.undoLastMigration({ transaction: 'each' });
    const rows: { channel: string; text: string; html: string | null; markdown: string | null }[] = await dataSource.query(
      `SELECT channel, text, html, markdown FROM outbox_messages ORDER BY channel`,
    );
    expect(rows.map((r) => r.channel)).toEqual(['email', 'wecom']);
    const [email, robot] = rows;
    // The text as the reminder reads: greeting, what is due today, the item with its deadline and link, the sender.
    expect(email.text.split('\n').slice(0, 7)).toEqual([
      '王联络：您好！',
      '',
      '以下事项今日到期，请确认完成情况：已完成的请提交完成报告和佐证材料，不能按期完成的请说明原因并申请延期。',
      '',
      '· 任务7 建成生活垃圾分类示范片区',
      '  时限：2026年11月23日｜今日到期｜推进中',
      '  https://qingdan.example.gov.cn/plans/1/tasks/7',
    ]);
    expect(email.html).toContain('<a href="https://qingdan.example.gov.cn/plans/1/tasks/7"');
    expect(email.markdown).toBeNull();
    expect(robot.text).toBe(email.text);
    expect(robot.html).toBeNull();
    expect(robot.markdown).toContain('[任务7](https://qingdan.example.gov.cn/plans/1/tasks/7)');
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
