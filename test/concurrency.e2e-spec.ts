import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../src/app.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Writes racing on one database: the same request sent at once through two instances of the service sharing the
 * test's database (a SQLite file, or PostgreSQL where several instances are deployed).
 */
describe('writes racing through two instances', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let plan: number;
  let jxw: string;

  beforeAll(async () => {
    t = await startTestApp();
    second = await createApp(t.config, { logger: false, docsUi: false, webApp: false });
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
    plan = await planId(t, 'jiangjin');
    jxw = await t.login('jiangjin-jxw');
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const api = (path: string) => `/api/v1/plans/${plan}${path}`;
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
});
