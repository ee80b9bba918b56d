import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { freshReport } from './helpers/fresh-report.js';
import { unitReportsOverdueProgress } from './helpers/unit-progress.js';
import { planId, startAnotherInstance, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The service keeps each plan's progress and overdue reports as sent until something they read changes
 * (reports/report-cache.ts, database/plan-revisions.ts). Every kind of change must show in the very next report,
 * through this instance or another one on the same database; each answer must be the bytes a computation from the
 * database gives at that moment (helpers/fresh-report.ts).
 */
describe('reports kept between changes', () => {
  const AS_OF = '2026-11-23';
  let t: TestApp;
  let jiangjin: number;
  let office: string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_PROGRESS: 'true', CLOCK: '2026-11-23T09:30:00+08:00' });
    jiangjin = await planId(t, 'jiangjin');
    office = await t.login('jiangjin-office');
  });
  afterAll(() => t.close());

  const url = (kind: string) => `/api/v1/plans/${jiangjin}/reports/${kind}?asOf=${AS_OF}`;
  /** Both reports as the office is served them, each checked against a computation now; answers the pair. */
  const served = async () => {
    const answers: Record<string, string> = {};
    for (const kind of ['progress', 'overdue'] as const) {
      const res = await t
        .as(office)
        .get(url(kind))
        .expect(200)
        .expect('content-type', /application\/json/);
      expect({ kind, body: res.text }).toEqual({ kind, body: await freshReport(t, kind, jiangjin, AS_OF) });
      answers[kind] = res.text;
    }
    return answers;
  };
  const overdueRows = async () => JSON.parse((await served()).overdue).rows as { itemType: string; itemId: number; milestoneId: number; leadUnits: string[] }[];

  it('a report asked twice with nothing changed is the same bytes', async () => {
    const first = await served();
    expect(await served()).toEqual(first);
  });

  const changes: [string, () => Promise<unknown>][] = [
    [
      'a unit renamed',
      async () => {
        const [row] = await overdueRows();
        const units = (await t.as(office).get(`/api/v1/plans/${jiangjin}/units`).expect(200)).body.items as { id: number; name: string; version: number }[];
        const unit = units.find((u) => u.name === row.leadUnits[0])!;
        await t
          .as(office)
          .patch(`/api/v1/plans/${jiangjin}/units/${unit.id}`)
          .send({ version: unit.version, name: `${unit.name}（更名）` })
          .expect(200);
      },
    ],
    [
      "an overdue task's text edited",
      async () => {
        const row = (await overdueRows()).find((r) => r.itemType === 'task')!;
        const task = (await t.as(office).get(`/api/v1/plans/${jiangjin}/tasks/${row.itemId}`).expect(200)).body as { content: string; version: number };
        await t
          .as(office)
          .patch(`/api/v1/plans/${jiangjin}/tasks/${row.itemId}`)
          .send({ version: task.version, content: `（修订）${task.content}` })
          .expect(200);
      },
    ],
    [
      'the plan renamed',
      async () => {
        const plan = (await t.http().get(`/api/v1/plans/${jiangjin}`).expect(200)).body as { name: string; version: number };
        await t
          .http()
          .patch(`/api/v1/plans/${jiangjin}`)
          .send({ version: plan.version, name: `${plan.name}（修订版）` })
          .expect(200);
      },
    ],
    [
      'an overdue milestone suspended',
      async () => {
        const [row] = await overdueRows();
        await t.as(office).post(`/api/v1/plans/${jiangjin}/milestones/${row.milestoneId}/suspend`).send({ reason: '政策调整' }).expect(200);
      },
    ],
    [
      'a notice issued on an overdue item',
      async () => {
        const [row] = await overdueRows();
        await t
          .as(office)
          .post(`/api/v1/plans/${jiangjin}/notices`)
          .send({ itemType: row.itemType, itemId: row.itemId, content: '请说明逾期原因' })
          .expect(201);
      },
    ],
    ['a unit reporting progress', () => unitReportsOverdueProgress(t, jiangjin, AS_OF)],
  ];

  it.each(changes)('%s shows in the next reports', async (_name, change) => {
    const before = await served();
    await change();
    const after = await served();
    expect(after.progress === before.progress && after.overdue === before.overdue).toBe(false);
  });

  it('a unit sees its own overdue items and the office all of them, each kept apart', async () => {
    const unit = await t.login('jiangjin-sthj');
    const me = (await t.as(unit).get('/api/v1/auth/me').expect(200)).body as { unitId: number };
    const all = (await served()).overdue;
    const res = await t.as(unit).get(url('overdue')).expect(200);
    expect(res.text).toBe(await freshReport(t, 'overdue', jiangjin, AS_OF, { unitId: me.unitId }));
    expect(res.text).not.toBe(all);
    expect((await t.as(office).get(url('overdue')).expect(200)).text).toBe(all);
  });

  describe('with a second instance on the same database', () => {
    let other: NestFastifyApplication;
    beforeAll(async () => {
      other = await startAnotherInstance(t);
    });
    afterAll(() => other.close());

    it("a change made through the other instance shows in this instance's next report", async () => {
      const before = await served();
      const [row] = await overdueRows();
      await request(other.getHttpServer())
        .post(`/api/v1/plans/${jiangjin}/milestones/${row.milestoneId}/suspend`)
        .set('Authorization', `Bearer ${office}`)
        .send({ reason: '另一实例上暂停' })
        .expect(200);
      const after = await served();
      expect(after.overdue).not.toBe(before.overdue);
    });
  });
});
