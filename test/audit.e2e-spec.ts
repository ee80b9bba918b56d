import { DataSource } from 'typeorm';
import type { AuditEntryView } from '../src/audit/audit.dto.js';
import { RawReader } from '../src/database/raw-reader.js';
import { once } from './helpers/once.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

type Entry = AuditEntryView;

interface Task {
  id: number;
  seq: number;
  content: string;
  version: number;
}

describe('the audit log', () => {
  let t: TestApp;
  let jiangjin: number;
  let office: string;
  const api = (path: string) => `/api/v1${path}`;
  const planAudit = async (id: number, query = '') =>
    (
      await t
        .as(office)
        .get(api(`/plans/${id}/audit?limit=1000${query}`))
        .expect(200)
    ).body as { items: Entry[]; total: number };
  const allAudit = async (query = '') =>
    (
      await t
        .http()
        .get(api(`/audit?limit=1000${query}`))
        .expect(200)
    ).body as { items: Entry[]; total: number };
  const task = async (seq: number): Promise<Task> => {
    const { body } = await t
      .http()
      .get(api(`/plans/${jiangjin}/tasks?limit=100`))
      .expect(200);
    return (body.items as Task[]).find((i) => i.seq === seq)!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    jiangjin = await planId(t, 'jiangjin');
    office = await t.login('jiangjin-office');
  });
  afterAll(() => t.close());

  /** The office rewrites task 11 (version 1 → 2); answers the task as it was before. */
  const givenTask11Edited = once(async () => {
    const before = await task(11);
    await t
      .as(office)
      .patch(api(`/plans/${jiangjin}/tasks/${before.id}`))
      .send({ content: '到2023年，新增绿色工厂5个。', version: before.version })
      .expect(200);
    return before;
  });

  it('records an office change to a task: who, the content before and after, and which columns changed', async () => {
    const before = await givenTask11Edited();
    const log = await planAudit(jiangjin, `&entityType=tasks&entityId=${before.id}`);
    expect(log.total).toBe(1);
    const [entry] = log.items;
    expect(entry).toMatchObject({ actorName: 'jiangjin-office', action: 'update', entityType: 'tasks', entityId: before.id, planId: jiangjin });
    expect(entry.before).toMatchObject({ id: before.id, seq: 11, content: before.content });
    expect(entry.after).toMatchObject({ id: before.id, seq: 11, content: '到2023年，新增绿色工厂5个。' });
    expect(entry.changed).toEqual(['content']);
    // The milestones read again from the new text are logged too, as rows of their own table.
    const milestones = await planAudit(jiangjin, '&entityType=milestones&actor=jiangjin-office');
    expect(milestones.items.length).toBeGreaterThan(0);
    expect(milestones.items.every((e) => e.before?.itemId === before.id || e.after?.itemId === before.id)).toBe(true);
  });

  it('leaves no entry for a change that is refused, even after the row was saved inside the transaction', async () => {
    // Edited once, so the version before the current one is a real, stale version (not 0, which validation refuses).
    await givenTask11Edited();
    const current = await task(11);
    const count = async () => (await planAudit(jiangjin, `&entityType=tasks&entityId=${current.id}`)).total;
    const entries = await count();
    // Stale version: 409 before anything is written.
    await t
      .as(office)
      .patch(api(`/plans/${jiangjin}/tasks/${current.id}`))
      .send({ content: '过期的修改', version: current.version - 1 })
      .expect(409);
    // Unknown unit: the task is saved, then the unit check fails and the transaction rolls back.
    await t
      .as(office)
      .patch(api(`/plans/${jiangjin}/tasks/${current.id}`))
      .send({ content: '不会保存的修改', leadUnitIds: [999999], version: current.version })
      .expect(400);
    expect(await count()).toBe(entries);
    expect((await task(11)).content).toBe(current.content);
  });

  it('records a deleted task with its last content', async () => {
    const created = await t
      .as(office)
      .post(api(`/plans/${jiangjin}/tasks`))
      .send({ seq: 901, content: '临时任务，稍后删除' })
      .expect(201);
    await t
      .as(office)
      .delete(api(`/plans/${jiangjin}/tasks/${created.body.id}`))
      .query({ version: created.body.version })
      .expect(204);
    const log = await planAudit(jiangjin, `&entityType=tasks&entityId=${created.body.id}`);
    expect(log.items.map((e) => e.action)).toEqual(['delete', 'insert']);
    expect(log.items[0]).toMatchObject({ actorName: 'jiangjin-office', after: null, before: { seq: 901, content: '临时任务，稍后删除' } });
  });

  it('keeps password and token hashes out of the log', async () => {
    const created = await t
      .http()
      .post(api('/users'))
      .send({ username: 'jiangjin-audit-leader', password: 'a-long-password-1', role: 'leader', planId: jiangjin })
      .expect(201);
    const [entry] = (await planAudit(jiangjin, `&entityType=users&entityId=${created.body.id}`)).items;
    expect(entry).toMatchObject({ action: 'insert', actorName: 'admin', after: { username: 'jiangjin-audit-leader', role: 'leader' } });
    expect(entry.after).not.toHaveProperty('passwordHash');

    // Signing in creates a session token: logged as the user's own doing, without its hash.
    await t.login('jiangjin-audit-leader', 'a-long-password-1');
    const tokens = await allAudit(`&entityType=access_tokens&actor=jiangjin-audit-leader`);
    expect(tokens.items).toHaveLength(1);
    expect(tokens.items[0]).toMatchObject({ action: 'insert', actorId: created.body.id, after: { userId: created.body.id, kind: 'session' } });
    expect(tokens.items[0].after).not.toHaveProperty('tokenHash');

    // A new password: the change is logged (not the hash), and so is the revocation of the user's sessions.
    const user = await t
      .http()
      .get(api(`/users/${created.body.id}`))
      .expect(200);
    await t
      .http()
      .patch(api(`/users/${created.body.id}`))
      .send({ password: 'another-password-2', version: user.body.version })
      .expect(200);
    const [change] = (await planAudit(jiangjin, `&entityType=users&entityId=${created.body.id}&action=update`)).items;
    expect(change.after).toMatchObject({ changedSecrets: ['passwordHash'] });
    expect(change.changed).toEqual(['passwordHash']);
    const revoked = (await allAudit(`&entityType=access_tokens&action=update&actor=admin`)).items.filter((e) => e.after?.userId === created.body.id);
    expect(revoked).toHaveLength(1);
    expect(revoked[0].before).toMatchObject({ revokedAt: null });
    expect(revoked[0].after!.revokedAt).toEqual(expect.any(String));
    const everything = JSON.stringify(await allAudit());
    expect(everything).not.toMatch(/"passwordHash":|"tokenHash":|\$2[aby]\$/);
  });

  it("refuses a plan's log to unit and leader users, to another plan's office, and the cross-plan log to an office", async () => {
    for (const username of ['jiangjin-jxw', 'jiangjin-leader', 'foshan-office']) {
      await t
        .as(await t.login(username))
        .get(api(`/plans/${jiangjin}/audit`))
        .expect(403);
    }
    await t.as(office).get(api('/audit')).expect(403);
    await t
      .anon()
      .get(api(`/plans/${jiangjin}/audit`))
      .expect(401);
  });

  it('lets the admin read changes across plans, and filter them by plan', async () => {
    const all = await allAudit('&action=import');
    expect(new Set(all.items.map((e) => e.planId)).size).toBeGreaterThanOrEqual(4);
    const one = await allAudit(`&action=import&planId=${jiangjin}`);
    expect(one.items.length).toBeGreaterThan(0);
    expect(one.items.every((e) => e.planId === jiangjin)).toBe(true);
    expect(one.total).toBeLessThan(all.total);
  });

  it('records a seed plan load as one summary entry per list, by "system", not one per row', async () => {
    const seeded = await planAudit(jiangjin, '&action=import&entityType=tasks');
    expect(seeded.items).toHaveLength(1);
    expect(seeded.items[0]).toMatchObject({ actorName: 'system', actorId: null, after: { source: 'seed', count: 82 } });
    expect(seeded.items[0].after!.seqs).toHaveLength(82);
    expect((await planAudit(jiangjin, '&entityType=tasks&action=insert&actor=system')).total).toBe(0);
    expect((await planAudit(jiangjin, '&entityType=assignments&actor=system')).total).toBe(0);
  });

  it("records a seed plan's units as one entry, and the demo contacts given to them as one more, not one per unit", async () => {
    const units = await planAudit(jiangjin, '&entityType=units&actor=system');
    const byAction = Object.fromEntries(units.items.map((e) => [e.action, e]));
    expect(units.items.map((e) => e.action).sort()).toEqual(['import', 'update']);
    // seeds/jiangjin/plan.json names 26 units; the three group names (各相关企业, 各工业园区发展中心, 区无废城市成员单位) get no contacts.
    expect(byAction.import).toMatchObject({ entityId: null, after: { source: 'seed', count: 26 } });
    expect(byAction.import.after!.ids).toHaveLength(26);
    expect(byAction.update).toMatchObject({ entityId: null, after: { source: 'demo', count: 23 } });
    const { body } = await t
      .as(office)
      .get(api(`/plans/${jiangjin}/units`))
      .expect(200);
    const named = (body as { items: { id: number; liaisonEmail: string | null }[] }).items.filter((u) => u.liaisonEmail !== null);
    expect(named.map((u) => u.id).sort((a, b) => a - b)).toEqual([...(byAction.update.after!.ids as number[])].sort((a, b) => a - b));
  });

  it("records a seed plan's unit groups as one entry", async () => {
    // seeds/foshan/plan.json: the leadership group, 市无废办 and six 工作专班.
    const groups = await allAudit(`&planId=${await planId(t, 'foshan')}&entityType=unit_groups&actor=system`);
    expect(groups.items).toHaveLength(1);
    expect(groups.items[0]).toMatchObject({ action: 'import', entityId: null, after: { source: 'seed', count: 8 } });
  });

  it('records an import as one entry listing the items created', async () => {
    const plan = await t
      .http()
      .post(api('/plans'))
      .send({ name: '审计导入', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' })
      .expect(201);
    const csv = ['序号,任务内容,牵头单位,配合单位', '1,2022年底前完成摸底。,区审计局,区统计局', '2,到2025年完成。,区统计局,', '3,长期坚持。,区审计局,'].join(
      '\n',
    );
    await t
      .http()
      .post(api(`/plans/${plan.body.id}/import/tasks?createUnits=true`))
      .attach('file', Buffer.from(csv, 'utf8'), '任务.csv')
      .expect(201);
    const log = await allAudit(`&planId=${plan.body.id}&entityType=tasks`);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ action: 'import', actorName: 'admin', entityId: null, after: { source: '任务.csv', count: 3, seqs: [1, 2, 3] } });
    expect(log.items[0].after!.ids).toHaveLength(3);
    // The units the import created are ordinary inserts.
    expect((await allAudit(`&planId=${plan.body.id}&entityType=units&action=insert`)).total).toBe(2);
  });

  it('filters by day in the plan time zone, newest first', async () => {
    t.clock.set('2024-06-30T23:30:00+08:00');
    try {
      const current = await task(12);
      await t
        .as(office)
        .patch(api(`/plans/${jiangjin}/tasks/${current.id}`))
        .send({ content: `${current.content}（已核）`, version: current.version })
        .expect(200);
      const query = `&entityType=tasks&entityId=${current.id}`;
      const sameDay = await planAudit(jiangjin, `${query}&from=2024-06-30&to=2024-06-30`);
      expect(sameDay.items.map((e) => e.at)).toEqual(['2024-06-30T15:30:00.000Z']);
      expect((await planAudit(jiangjin, `${query}&from=2024-07-01`)).total).toBe(0);
      expect((await planAudit(jiangjin, `${query}&to=${encodeURIComponent('2024-06-30T23:00:00+08:00')}`)).total).toBe(0);
      const bad = await t
        .as(office)
        .get(api(`/plans/${jiangjin}/audit?from=2024-02-30`))
        .expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'from', value: '2024-02-30' });
    } finally {
      t.clock.set(null);
    }
    const newest = await t
      .as(office)
      .get(api(`/plans/${jiangjin}/audit?limit=20`))
      .expect(200);
    const times = (newest.body.items as Entry[]).map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('keeps the log of a deleted plan: a row per entry, or one entry listing the ids past 50 rows of a table', async () => {
    const foshan = await planId(t, 'foshan');
    const counts = (
      await t
        .http()
        .get(api(`/plans/${foshan}`))
        .expect(200)
    ).body.counts as { tasks: number; assignments: number };
    expect(counts.tasks).toBeLessThanOrEqual(50);
    expect(counts.assignments).toBeGreaterThan(50);
    await t
      .http()
      .delete(api(`/plans/${foshan}`))
      .expect(204);
    const log = await allAudit(`&planId=${foshan}&action=delete`);
    const of = (table: string) => log.items.filter((e) => e.entityType === table);
    expect(of('plans')).toEqual([
      expect.objectContaining({ actorName: 'admin', entityId: foshan, before: expect.objectContaining({ key: 'foshan' }), after: null }),
    ]);
    expect(of('tasks')).toHaveLength(counts.tasks);
    expect(of('tasks').every((e) => e.entityId !== null && typeof e.before?.content === 'string')).toBe(true);
    expect(of('assignments')).toEqual([expect.objectContaining({ entityId: null, before: expect.objectContaining({ count: counts.assignments }) })]);
    expect(of('assignments')[0].before!.ids).toHaveLength(counts.assignments);
    expect(
      of('users')
        .map((e) => e.before!.username)
        .sort(),
    ).toEqual(['foshan-gxj', 'foshan-leader', 'foshan-office']);
  });

  it('deletes every row a plan owns and keeps its audit log', async () => {
    const jiangmen = await planId(t, 'jiangmen');
    const dataSource = t.app.get(DataSource);
    const tables = dataSource.entityMetadatas.filter((m) => m.columns.some((c) => c.propertyName === 'planId')).map((m) => m.tableName);
    const rowsOf = async () => {
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const rows = await t.app.get(RawReader).all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${table}" WHERE "planId" = ?`, [jiangmen]);
        const [{ n }] = rows;
        if (Number(n) > 0) counts[table] = Number(n);
      }
      return counts;
    };
    const before = await rowsOf();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['tasks', 'units', 'users', 'milestones', 'assignments', 'audit_entries']));
    await t
      .http()
      .delete(api(`/plans/${jiangmen}`))
      .expect(204);
    const after = await rowsOf();
    expect(Object.keys(after)).toEqual(['audit_entries']);
    expect(after.audit_entries).toBeGreaterThan(before.audit_entries);
  });
});
