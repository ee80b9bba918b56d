import { existsSync, readdirSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource, In } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { OutboxEntry } from '../src/outbox/outbox-entry.entity.js';
import { OutboxMessage } from '../src/outbox/outbox-message.entity.js';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { CLAIM_MINUTES, SenderService } from '../src/outbox/sender.service.js';
import { JobLease } from '../src/database/job-lease.entity.js';
import { Plan } from '../src/plans/plan.entity.js';
import { DigestService } from '../src/reminders/digest.service.js';
import { ReminderSweepService, SWEEP_LEASE_MINUTES } from '../src/reminders/reminder-sweep.service.js';
import { DEMO_PASSWORD, planId, startAnotherInstance, startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

/**
 * Writes racing on one database: the same request sent at once through two instances of the service sharing the
 * test's database (a SQLite file, or PostgreSQL where several instances are deployed).
 */
describe('writes racing through two instances', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let plan: number;
  let jxw: string;
  let admin: string;

  beforeAll(async () => {
    // The production limit of failed logins (the suite's default is high), so three instances can be seen to share it.
    t = await startTestApp({ LOGIN_MAX_FAILURES: '5' });
    second = await startAnotherInstance(t);
    plan = await planId(t, 'jiangjin');
    jxw = await t.login('jiangjin-jxw');
    admin = await t.login(TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const api = (path: string) => `/api/v1/plans/${plan}${path}`;
  /** Both instances' clocks (each instance has its own). */
  const setClock = (at: Date) => {
    t.clock.set(at.toISOString());
    second.get(Clock).set(at.toISOString());
  };
  const task11 = async () =>
    ((await t.as(jxw).get(api('/tasks?limit=1000')).expect(200)).body.items as { id: number; seq: number; milestones: { id: number }[] }[]).find(
      (i) => i.seq === 11,
    )!;

  it('two extension requests for one milestone sent at once: one is pending, the other is refused with 409', async () => {
    const milestone = (await task11()).milestones[0].id;
    const ask = (app: NestFastifyApplication | null, reason: string) =>
      (app ? request(app.getHttpServer()).post(api('/extensions')).set('Authorization', `Bearer ${jxw}`) : t.as(jxw).post(api('/extensions'))).send({
        milestoneId: milestone,
        requestedDueDate: '2027-06-30',
        reason,
      });
    const answers = await Promise.all([ask(null, '第三方评价推迟'), ask(second, '评审专家未到位')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.message).toContain('已有待审批的延期申请');
    const pending = (await t.as(jxw).get(api('/extensions?status=pending')).expect(200)).body.items as { milestoneId: number }[];
    expect(pending.filter((p) => p.milestoneId === milestone)).toHaveLength(1);
  });

  it('a message another instance is sending is left to it; when that claim lapses (its sender died), the other instance sends it once', async () => {
    const start = new Date('2026-11-23T01:00:00Z');
    setClock(start);
    const outbox = t.app.get(OutboxService);
    await outbox.write([
      {
        planId: plan,
        rule: 'overdue',
        channel: 'email',
        recipient: 'claim-test@example.gov.cn',
        recipientName: '认领测试',
        unitId: null,
        sendDate: '2026-11-23',
        subject: '【逾期提醒】认领测试',
        text: '认领测试',
        html: null,
        markdown: null,
        entries: [{ rule: 'overdue', itemType: 'task', itemId: 1, milestoneId: 1, recipient: 'email:claim-test@example.gov.cn', sendDate: '2026-11-23' }],
      },
    ]);
    const messages = t.app.get(DataSource).getRepository(OutboxMessage);
    const message = await messages.findOneByOrFail({ recipient: 'claim-test@example.gov.cn' });
    // The first instance claims it, as its sender does, and then dies mid-attempt.
    const lapses = new Date(start.getTime() + CLAIM_MINUTES * 60_000);
    await messages.update({ id: message.id }, { status: 'sending', attempts: 1, nextAttemptAt: lapses });
    const sent = () => (existsSync(t.config.outboxDir) ? readdirSync(t.config.outboxDir).filter((f) => f.endsWith('.eml')).length : 0);
    const before = sent();

    // The second instance starts and delivers while the claim holds: it leaves the message alone.
    setClock(new Date(lapses.getTime() - 60_000));
    await second.get(SenderService).deliverDue();
    expect(await messages.findOneByOrFail({ id: message.id })).toMatchObject({ status: 'sending', attempts: 1 });
    expect(sent()).toBe(before);

    // Past the claim's end, its next run takes it up and sends it, once.
    setClock(new Date(lapses.getTime() + 60_000));
    await second.get(SenderService).deliverDue();
    await t.app.get(SenderService).deliverDue();
    expect(await messages.findOneByOrFail({ id: message.id })).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sent()).toBe(before + 1);
  });

  it("a plan's sweep held by an instance that died is left until its lease expires, then the other instance does the day", async () => {
    // Monday 23 November 2026, 09:30 in Jiangjin: the day's reminders are due (send time 09:00).
    const monday = new Date('2026-11-23T09:30:00+08:00');
    setClock(monday);
    const dataSource = t.app.get(DataSource);
    const jiangjin = await dataSource.getRepository(Plan).findOneByOrFail({ id: plan });
    const messagesOfDay = () => dataSource.getRepository(OutboxMessage).countBy({ planId: plan, sendDate: '2026-11-23' });
    const before = await messagesOfDay();
    // The first instance took the plan's sweep and was killed before writing anything.
    const expires = new Date(monday.getTime() + SWEEP_LEASE_MINUTES * 60_000);
    await dataSource.getRepository(JobLease).insert({ job: 'reminder-sweep', leaseKey: String(plan), holder: 'killed-instance', expiresAt: expires });

    const meanwhile = await second.get(ReminderSweepService).sweepPlan(jiangjin);
    expect(meanwhile).toEqual({ planId: plan, dates: [], written: 0 });
    expect(await messagesOfDay()).toBe(before);

    setClock(new Date(expires.getTime() + 60_000));
    const after = await second.get(ReminderSweepService).sweepPlan(jiangjin);
    expect(after.dates).toContain('2026-11-23');
    expect(after.written).toBeGreaterThan(0);
    expect(await messagesOfDay()).toBe(before + after.written);
    // Done for the day: neither instance writes it again.
    expect((await t.app.get(ReminderSweepService).sweepPlan(jiangjin)).written).toBe(0);
    expect(await messagesOfDay()).toBe(before + after.written);
  });

  it('two instances sweeping every plan at the same moment write each reminder once, as one instance would', async () => {
    const tuesday = new Date('2026-11-24T09:30:00+08:00');
    setClock(tuesday);
    const outbox = t.app.get(DataSource).getRepository(OutboxMessage);
    const [a, b] = await Promise.all([t.app.get(ReminderSweepService).sweepAll(), second.get(ReminderSweepService).sweepAll()]);
    const written = [...a, ...b].reduce((n, s) => n + s.written, 0);
    const rows = await outbox.findBy({ sendDate: '2026-11-24' });
    expect(rows.length).toBe(written);
    // Each plan was swept by one of them only.
    for (const p of a.map((s) => s.planId)) {
      const swept = [...a, ...b].filter((s) => s.planId === p && s.dates.length > 0);
      expect(swept.length).toBeLessThanOrEqual(1);
    }
    // One instance sweeping the same day again finds nothing left to write.
    expect((await second.get(ReminderSweepService).sweepAll()).reduce((n, s) => n + s.written, 0)).toBe(0);
  });

  it("a leader's digest another instance wrote between the check and the write stays the only one; the rest of the batch is written", async () => {
    setClock(new Date('2026-11-30T10:00:00+08:00'));
    const digests = t.app.get(DigestService);
    const messages = t.app.get(DataSource).getRepository(OutboxMessage);
    const written = await digests.sweep();
    expect(written).toBeGreaterThan(1);
    const week = await messages.findBy({ rule: 'digest', sendDate: '2026-11-30' });
    const kept = week.find((m) => m.recipient === 'jiangjin-leader@example.org')!;
    // As if the other instance had written only jiangjin-leader's digest: the rest are taken back out.
    const others = week.filter((m) => m.id !== kept.id).map((m) => m.id);
    await t.app
      .get(DataSource)
      .getRepository(OutboxEntry)
      .delete({ messageId: In(others) });
    await messages.delete({ id: In(others) });
    // The race: this instance checked the keys before the other one wrote, so the check finds nothing taken.
    const check = jest.spyOn(t.app.get(OutboxService), 'taken').mockResolvedValue(new Set());
    try {
      expect(await digests.sweep()).toBe(written - 1);
    } finally {
      check.mockRestore();
    }
    const after = await messages.findBy({ rule: 'digest', sendDate: '2026-11-30' });
    expect(after.map((m) => m.recipient).sort()).toEqual(week.map((m) => m.recipient).sort());
    expect(after.filter((m) => m.recipient === kept.recipient).map((m) => m.id)).toEqual([kept.id]);
  });

  it('evidence uploaded through one instance downloads through the other, byte for byte', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% 共享佐证\n');
    const task = await task11();
    const report = await t.as(jxw).post(api('/progress')).send({ itemType: 'task', itemId: task.id, state: 'in_progress', narrative: '推进中' }).expect(201);
    const uploaded = await t
      .as(jxw)
      .post(api(`/progress/${report.body.id}/evidence`))
      .attach('file', pdf, '共享佐证.pdf')
      .expect(201);
    const file = (uploaded.body.evidence as { id: number; fileName: string }[]).find((f) => f.fileName === '共享佐证.pdf')!;
    const download = await request(second.getHttpServer())
      .get(api(`/progress/${report.body.id}/evidence/${file.id}`))
      .set('Authorization', `Bearer ${jxw}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
  });

  /** Requests as the admin through the second instance. */
  const viaSecond = (method: 'get' | 'post' | 'patch', path: string) => {
    const test = request(second.getHttpServer())[method](path);
    return test.set('Authorization', `Bearer ${admin}`);
  };

  it('two PATCHes of one task at the same version through two instances: one is saved, the other is 409, nothing lost', async () => {
    const office = await t.login('jiangjin-office');
    const task = await task11();
    const current = (
      await t
        .as(office)
        .get(api(`/tasks/${task.id}`))
        .expect(200)
    ).body as { version: number; content: string };
    const texts = ['到2023年，新增绿色工厂3个（第一处修改）。', '到2023年，新增绿色工厂3个（第二处修改）。'];
    const [a, b] = await Promise.all([
      t
        .as(office)
        .patch(api(`/tasks/${task.id}`))
        .send({ content: texts[0], version: current.version }),
      request(second.getHttpServer())
        .patch(api(`/tasks/${task.id}`))
        .set('Authorization', `Bearer ${office}`)
        .send({ content: texts[1], version: current.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    // The 409 carries the row as it now stands, so the office can redo its change on it.
    expect(loser.body.current).toMatchObject({ version: current.version + 1, content: winner.body.content });
    const after = (
      await t
        .as(office)
        .get(api(`/tasks/${task.id}`))
        .expect(200)
    ).body as { version: number; content: string };
    expect(after).toMatchObject({ version: current.version + 1, content: winner.body.content });
    expect(texts).toContain(after.content);
  });

  it('five failed logins spread over three instances lock the account on all three, even with the right password', async () => {
    const third = await startAnotherInstance(t);
    try {
      const now = new Date();
      setClock(now);
      third.get(Clock).set(now.toISOString());
      const servers = [t.app.getHttpServer(), second.getHttpServer(), third.getHttpServer()];
      const login = (server: (typeof servers)[number], password: string) =>
        request(server).post('/api/v1/auth/login').send({ username: 'jiangjin-fgw', password });
      // Two wrong passwords through the first instance, two through the second, one through the third.
      for (const server of [servers[0], servers[0], servers[1], servers[1], servers[2]]) await login(server, '猜错的密码').expect(401);
      for (const server of servers) {
        const refused = await login(server, DEMO_PASSWORD).expect(429);
        expect(refused.body.message).toBe('登录失败次数过多，请 15 分钟后再试');
      }
    } finally {
      await third.close();
    }
  });

  it('the same sheet imported through two instances at once leaves one result: each row once', async () => {
    const created = await t
      .http()
      .post('/api/v1/plans')
      .send({ name: '并发导入', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' })
      .expect(201);
    const id = created.body.id as number;
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},第一章,建立第${i + 1}项台账,甲局,乙局,2023年底前`).join('\n');
    const sheet = Buffer.from(`序号,章节,任务内容,牵头单位,配合单位,完成时限\n${rows}\n`);
    const upload = (app: 'first' | 'second') =>
      (app === 'first'
        ? t.http().post(`/api/v1/plans/${id}/import/tasks?createUnits=true`)
        : viaSecond('post', `/api/v1/plans/${id}/import/tasks?createUnits=true`)
      ).attach('file', sheet, 'tasks.csv');
    const answers = await Promise.all([upload('first'), upload('second')]);
    expect(answers.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true);
    expect(answers.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(answers.map((r) => (r.status === 201 ? (r.body as { created: number }).created : 0)).reduce((x, y) => x + y, 0)).toBe(40);
    const tasks = (await t.http().get(`/api/v1/plans/${id}/tasks?limit=1000`).expect(200)).body as { total: number; items: { seq: number }[] };
    expect(tasks.total).toBe(40);
    expect(new Set(tasks.items.map((i) => i.seq)).size).toBe(40);
    const units = (await t.http().get(`/api/v1/plans/${id}/units`).expect(200)).body as { items: { name: string }[] };
    expect(units.items.map((u) => u.name).sort()).toEqual(['乙局', '甲局']);
  });
});
