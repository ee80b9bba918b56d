import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { Assignment } from '../lists/assignment.entity.js';
import { Task } from '../lists/tasks/task.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { openDatabase } from './data-source.js';
import { insertRows } from './insert-rows.js';

/**
 * Bulk inserts (imports and the seed) read back as the ORM's own saves would: values converted by the driver,
 * defaults and created times filled in, every row of a batch larger than one statement, nothing of a rolled-back
 * transaction. Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL names a server.
 */
describe('inserting rows in bulk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-insert-rows-'));
  let database: TestDatabase;
  let db: DataSource;
  let planId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dir, 'insert_rows');
    db = await openDatabase(database.settings);
  });
  beforeEach(async () => {
    const plan = await db
      .getRepository(Plan)
      .save({ name: '批量写入', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31', timeZone: 'Asia/Shanghai' });
    planId = plan.id;
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores each value as a save would: dates as calendar dates, booleans, null where a nullable column is left out', async () => {
    await insertRows(db.manager, Milestone, [
      { planId, itemType: 'task', itemId: 1, seq: 1, dueDate: '2025-12-31', kind: 'dated', phrase: '2025年底前', certain: true },
      { planId, itemType: 'task', itemId: 1, seq: 2, dueDate: null, kind: 'ongoing', phrase: '长期坚持', certain: false, note: '需确认' },
    ]);
    const rows = await db.getRepository(Milestone).find({ where: { planId }, order: { seq: 'ASC' } });
    expect(rows.map((m) => [m.seq, m.dueDate, m.kind, m.phrase, m.certain, m.baselineDate, m.note])).toEqual([
      [1, '2025-12-31', 'dated', '2025年底前', true, null, null],
      [2, null, 'ongoing', '长期坚持', false, null, '需确认'],
    ]);
  });

  it("fills what the caller leaves out: the column's default, version 1, created and updated now", async () => {
    const before = Date.now() - 1000;
    await insertRows(db.manager, Task, [{ planId, seq: 7, content: '建立台账' }]);
    const unit = await db.getRepository(Unit).save({ planId, name: '甲局', aliases: [], kind: 'agency' });
    await insertRows(db.manager, Assignment, [{ planId, itemType: 'task', itemId: 1, unitId: unit.id, role: 'lead' }]);
    const [task] = await db.getRepository(Task).findBy({ planId });
    expect(task).toMatchObject({ seq: 7, content: '建立台账', chapter: '', taskGroup: '', deadlineText: null, version: 1 });
    expect(task.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(task.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(task.updatedAt.getTime()).toBe(task.createdAt.getTime());
    const [assignment] = await db.getRepository(Assignment).findBy({ planId });
    expect(assignment).toMatchObject({ unitId: unit.id, role: 'lead', position: 0, version: 1 });
  });

  it('stores JSON columns as a save would, quotes, commas and braces included', async () => {
    const aliases = ['经信委', 'a "quoted", {braced} name', ''];
    await insertRows(db.manager, Unit, [{ planId, name: '乙局', aliases, kind: 'agency' }]);
    const [unit] = await db.getRepository(Unit).findBy({ planId, name: '乙局' });
    expect(unit.aliases).toEqual(aliases);
  });

  it('writes every row of a batch larger than one statement (401 rows: 400 + 1), in order', async () => {
    const rows = Array.from({ length: 401 }, (_, i) => ({ planId, seq: i + 1, content: `第${i + 1}项任务` }));
    await insertRows(db.manager, Task, rows);
    const stored = await db.getRepository(Task).find({ where: { planId }, order: { id: 'ASC' } });
    expect(stored).toHaveLength(401);
    expect(stored.map((t) => t.seq)).toEqual(rows.map((r) => r.seq));
    expect(stored[400].content).toBe('第401项任务');
  });

  it("returns each new row's id in the order of the rows given, across statements (5,001 rows: more than one on either engine)", async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => ({ planId, seq: 10_000 - i, content: `第${i + 1}项任务` }));
    const ids = await insertRows(db.manager, Task, rows);
    expect(ids).toHaveLength(5001);
    const stored = new Map((await db.getRepository(Task).findBy({ planId })).map((t) => [t.id, t]));
    expect(ids.map((id) => stored.get(id)?.content)).toEqual(rows.map((r) => r.content));
  });

  it('writes nothing when the transaction it runs in is rolled back', async () => {
    await expect(
      db.transaction(async (manager) => {
        await insertRows(manager, Task, [{ planId, seq: 1, content: '回滚' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.getRepository(Task).countBy({ planId })).toBe(0);
  });
});
