import { once } from './helpers/once.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

describe('the lists API', () => {
  let t: TestApp;
  let jiangjin: number;
  const api = (path: string) => `/api/v1${path}`;

  beforeAll(async () => {
    t = await startTestApp();
    jiangjin = await planId(t, 'jiangjin');
  });
  afterAll(() => t.close());

  describe('health and docs', () => {
    it('answers health when the database is migrated', async () => {
      const res = await t.http().get(api('/health')).expect(200);
      expect(res.body.status).toBe('ok');
    });

    it('serves the OpenAPI document', async () => {
      const res = await t.http().get('/api/docs-json').expect(200);
      expect(Object.keys(res.body.paths)).toContain('/api/v1/plans/{planId}/tasks');
    });
  });

  describe('filters and pages', () => {
    it('filters tasks by lead unit, by name or by alias alike', async () => {
      const byName = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?leadUnit=区经济信息委&limit=200`))
        .expect(200);
      expect(byName.body.total).toBeGreaterThan(5);
      expect(byName.body.items.every((i: { leadUnits: { name: string }[] }) => i.leadUnits.some((u) => u.name === '区经济信息委'))).toBe(true);
      const byAlias = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?leadUnit=江津区生态环境局&limit=1`))
        .expect(200);
      const byCanonical = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?leadUnit=区生态环境局&limit=1`))
        .expect(200);
      expect(byAlias.body.total).toBe(byCanonical.body.total);
    });

    it('filters by supporting unit and by chapter', async () => {
      const res = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?supportingUnit=区商务委&chapter=四、推动园区提档升级`))
        .expect(200);
      expect(res.body.items.map((i: { seq: number }) => i.seq)).toEqual([30]);
      for (const item of res.body.items) {
        expect(item.chapter).toBe('四、推动园区提档升级，强化资源循环利用');
        expect(item.supportingUnits.map((u: { name: string }) => u.name)).toContain('区商务委');
      }
    });

    it('filters projects by due date', async () => {
      const res = await t
        .http()
        .get(api(`/plans/${jiangjin}/projects?dueBefore=2022-12-31`))
        .expect(200);
      expect(res.body.items.map((p: { seq: number }) => p.seq)).toEqual([5, 9]);
      const later = await t
        .http()
        .get(api(`/plans/${jiangjin}/projects?dueAfter=2023-01-01&dueBefore=2023-12-31`))
        .expect(200);
      expect(later.body.items.map((p: { seq: number }) => p.seq)).toEqual([12]);
    });

    it('pages with limit and offset and reports the total', async () => {
      const res = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?limit=10&offset=80`))
        .expect(200);
      expect(res.body.total).toBe(82);
      expect(res.body.items.map((i: { seq: number }) => i.seq)).toEqual([81, 82]);
    });

    it('refuses an unknown unit in a filter, naming it', async () => {
      const res = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?leadUnit=不存在的局`))
        .expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'leadUnit', value: '不存在的局' });
      expect(res.body.message).toContain('不存在的局');
    });

    it('refuses a malformed date and an unknown query field', async () => {
      const bad = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?dueBefore=2025-13-01`))
        .expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'dueBefore', value: '2025-13-01' });
      const unknown = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?colour=red`))
        .expect(400);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'colour' });
    });
  });

  describe('responsibilities', () => {
    it('lists what one unit leads and supports, with counts', async () => {
      const res = await t
        .http()
        .get(api(`/plans/${jiangjin}/responsibilities?unit=区经济信息委`))
        .expect(200);
      const { lead, support, items } = res.body;
      expect(lead.total).toBe(items.filter((i: { role: string }) => i.role === 'lead').length);
      expect(support.total).toBe(items.filter((i: { role: string }) => i.role === 'support').length);
      expect(lead.tasks).toBeGreaterThan(0);
      expect(lead.indicators).toBe(1);
      const tasks = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?leadUnit=区经济信息委&limit=200`))
        .expect(200);
      expect(lead.tasks).toBe(tasks.body.total);
    });

    it('sums every unit’s lead roles to the items that have a lead', async () => {
      const res = await t
        .http()
        .get(api(`/plans/${jiangjin}/responsibilities`))
        .expect(200);
      const leadRoles = res.body.units.reduce((s: number, u: { lead: { total: number } }) => s + u.lead.total, 0);
      expect(leadRoles).toBeGreaterThanOrEqual(82 + 13 + 3 - res.body.gaps.total);
      expect(res.body.gaps.total).toBe(2);
    });
  });

  describe('changing the lists', () => {
    let planIdNew: number;
    let unitA: number;
    let unitB: number;
    // A new plan built up step by step; each case asks for the steps it stands on.
    const givenPlan = once(async () => {
      const res = await t
        .http()
        .post(api('/plans'))
        .send({ name: '测试方案', region: '测试区', periodStart: '2024-01-01', periodEnd: '2026-12-31', baseYear: 2023 })
        .expect(201);
      planIdNew = res.body.id;
      return res;
    });
    const givenUnits = once(async () => {
      await givenPlan();
      unitA = (
        await t
          .http()
          .post(api(`/plans/${planIdNew}/units`))
          .send({ name: '区生态环境局', aliases: ['测试区生态环境局'] })
          .expect(201)
      ).body.id;
      unitB = (
        await t
          .http()
          .post(api(`/plans/${planIdNew}/units`))
          .send({ name: '区经济信息委' })
          .expect(201)
      ).body.id;
    });
    /** Task 1, led by 区生态环境局 and supported by 区经济信息委. */
    const givenTask = once(async () => {
      await givenUnits();
      return t
        .http()
        .post(api(`/plans/${planIdNew}/tasks`))
        .send({
          seq: 1,
          chapter: '一、源头减量',
          content: '2024年6月底前完成摸底，到2025年新增绿色工厂2个。',
          leadUnitIds: [unitA],
          supportingUnitIds: [unitB],
        })
        .expect(201);
    });
    /** …then given the deadline 2026年一季度 and led by 区经济信息委 alone. */
    const givenTaskUpdated = once(async () => {
      await givenTask();
      const { body: list } = await t
        .http()
        .get(api(`/plans/${planIdNew}/tasks`))
        .expect(200);
      const { id, version } = list.items[0];
      return t
        .http()
        .patch(api(`/plans/${planIdNew}/tasks/${id}`))
        .send({ deadlineText: '2026年一季度', leadUnitIds: [unitB], supportingUnitIds: [], version })
        .expect(200);
    });

    it('creates a plan, refusing an end before its start', async () => {
      const bad = await t
        .http()
        .post(api('/plans'))
        .send({ name: '测试方案', region: '测试区', periodStart: '2025-01-01', periodEnd: '2024-12-31' })
        .expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'periodEnd', value: '2024-12-31' });
      const res = await givenPlan();
      expect(res.body).toMatchObject({ timeZone: 'Asia/Shanghai', key: null });
    });

    it('creates units, refusing a duplicate name or alias and the unassigned placeholder', async () => {
      await givenUnits();
      const dup = await t
        .http()
        .post(api(`/plans/${planIdNew}/units`))
        .send({ name: '测试区生态环境局' })
        .expect(409);
      expect(dup.body.message).toContain('测试区生态环境局');
      const gap = await t
        .http()
        .post(api(`/plans/${planIdNew}/units`))
        .send({ name: '暂未明确' })
        .expect(400);
      expect(gap.body.errors[0]).toMatchObject({ field: 'name', value: '暂未明确' });
      const kind = await t
        .http()
        .post(api(`/plans/${planIdNew}/units`))
        .send({ name: '某公司', kind: 'firm' })
        .expect(400);
      expect(kind.body.errors[0]).toMatchObject({ field: 'kind', value: 'firm' });
    });

    it('creates a task whose milestones are read from its text', async () => {
      const res = await givenTask();
      expect(res.body.leadUnits).toEqual([{ id: unitA, name: '区生态环境局' }]);
      expect(res.body.supportingUnits).toEqual([{ id: unitB, name: '区经济信息委' }]);
      expect(res.body.milestones.map((m: { dueDate: string }) => m.dueDate)).toEqual(['2024-06-30', '2025-12-31']);
    });

    it('refuses a duplicate 序号 with 409 and a unit of another plan with 400', async () => {
      await givenTask();
      const dup = await t
        .http()
        .post(api(`/plans/${planIdNew}/tasks`))
        .send({ seq: 1, content: '重复' })
        .expect(409);
      expect(dup.body.errors[0]).toMatchObject({ field: 'seq', value: 1 });
      const foreign = await t
        .http()
        .post(api(`/plans/${planIdNew}/tasks`))
        .send({ seq: 2, content: '任务', leadUnitIds: [1] })
        .expect(400);
      expect(foreign.body.errors[0]).toMatchObject({ field: 'leadUnitIds', value: 1 });
      const list = await t
        .http()
        .get(api(`/plans/${planIdNew}/tasks`))
        .expect(200);
      expect(list.body.total).toBe(1);
    });

    it('refuses bad fields, naming each', async () => {
      await givenPlan();
      const res = await t
        .http()
        .post(api(`/plans/${planIdNew}/tasks`))
        .send({ seq: 'x', content: '', extra: 1 })
        .expect(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['seq', 'content', 'extra']));
    });

    it('updates a task: new text re-reads its milestones, units are replaced', async () => {
      const res = await givenTaskUpdated();
      expect(res.body.milestones.map((m: { dueDate: string }) => m.dueDate)).toEqual(['2026-03-31']);
      expect(res.body.leadUnits.map((u: { id: number }) => u.id)).toEqual([unitB]);
      expect(res.body.supportingUnits).toEqual([]);
    });

    it('lets the office override a parsed due date, keeping the phrase', async () => {
      await givenTaskUpdated();
      const { body: list } = await t
        .http()
        .get(api(`/plans/${planIdNew}/tasks`))
        .expect(200);
      const milestone = list.items[0].milestones[0];
      const res = await t
        .http()
        .patch(api(`/plans/${planIdNew}/milestones/${milestone.id}`))
        .send({ dueDate: '2026-04-15', note: '延至4月中旬', version: milestone.version })
        .expect(200);
      expect(res.body).toMatchObject({ dueDate: '2026-04-15', phrase: milestone.phrase, certain: true, note: '延至4月中旬' });
    });

    it('creates, updates and deletes a project and an indicator', async () => {
      await givenUnits();
      const project = await t
        .http()
        .post(api(`/plans/${planIdNew}/projects`))
        .send({ seq: 1, category: '工程项目', name: '处置场', investment: 1200.5, fundingSource: '企业自筹', deadlineText: '2025', leadUnitIds: [unitA] })
        .expect(201);
      expect(project.body.milestones[0].dueDate).toBe('2025-12-31');
      const badMoney = await t
        .http()
        .post(api(`/plans/${planIdNew}/projects`))
        .send({ seq: 2, name: 'x', investment: '很多' })
        .expect(400);
      expect(badMoney.body.errors[0]).toMatchObject({ field: 'investment', value: '很多' });
      const patched = await t
        .http()
        .patch(api(`/plans/${planIdNew}/projects/${project.body.id}`))
        .send({ investment: 1300, version: project.body.version })
        .expect(200);
      const indicator = await t
        .http()
        .post(api(`/plans/${planIdNew}/indicators`))
        .send({ seq: 1, name: '综合利用率', unit: '%', baselineYear: 2023, baselineText: '80%', targets: [{ year: 2026, text: '≥90%' }] })
        .expect(201);
      expect(indicator.body).toMatchObject({ baselineValue: 80, direction: 'higher', targets: [{ year: 2026, value: 90 }] });
      expect(indicator.body.milestones[0]).toMatchObject({ dueDate: '2026-12-31', quantity: '≥90%' });
      await t
        .http()
        .delete(api(`/plans/${planIdNew}/indicators/${indicator.body.id}`))
        .query({ version: indicator.body.version })
        .expect(204);
      await t
        .http()
        .get(api(`/plans/${planIdNew}/indicators/${indicator.body.id}`))
        .expect(404);
      await t
        .http()
        .delete(api(`/plans/${planIdNew}/projects/${project.body.id}`))
        .send({ version: patched.body.version })
        .expect(204);
    });

    it('assigns, changes and removes a responsibility, refusing a duplicate', async () => {
      // 区生态环境局 holds no role on the task once it was given to 区经济信息委 alone.
      await givenTaskUpdated();
      const { body: list } = await t
        .http()
        .get(api(`/plans/${planIdNew}/tasks`))
        .expect(200);
      const taskId = list.items[0].id;
      const created = await t
        .http()
        .post(api(`/plans/${planIdNew}/assignments`))
        .send({ itemType: 'task', itemId: taskId, unitId: unitA, role: 'support' })
        .expect(201);
      const dup = await t
        .http()
        .post(api(`/plans/${planIdNew}/assignments`))
        .send({ itemType: 'task', itemId: taskId, unitId: unitA, role: 'lead' })
        .expect(409);
      expect(dup.body.message).toContain('区生态环境局');
      await t
        .http()
        .patch(api(`/plans/${planIdNew}/assignments/${created.body.id}`))
        .send({ role: 'lead', version: created.body.version })
        .expect(200);
      const view = await t
        .http()
        .get(api(`/plans/${planIdNew}/responsibilities?unit=${unitA}`))
        .expect(200);
      expect(view.body.lead.tasks).toBe(1);
      await t
        .http()
        .delete(api(`/plans/${planIdNew}/assignments/${created.body.id}`))
        .expect(204);
      const after = await t
        .http()
        .get(api(`/plans/${planIdNew}/responsibilities?unit=${unitA}`))
        .expect(200);
      expect(after.body.lead.total).toBe(0);
    });

    it('will not delete a unit that still holds items', async () => {
      await givenTask();
      const res = await t
        .http()
        .delete(api(`/plans/${planIdNew}/units/${unitB}`))
        .expect(409);
      expect(res.body.message).toContain('区经济信息委');
      await t
        .http()
        .get(api(`/plans/${planIdNew}/units/${unitB}`))
        .expect(200);
    });

    it('answers 404 naming what is missing, and 400 for a malformed id', async () => {
      await givenPlan();
      const missing = await t
        .http()
        .get(api(`/plans/${planIdNew}/tasks/999999`))
        .expect(404);
      expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: '任务不存在：999999' });
      const plan = await t.http().get(api('/plans/999999/tasks')).expect(404);
      expect(plan.body.message).toBe('方案不存在：999999');
      const bad = await t.http().get(api('/plans/abc')).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'planId', value: 'abc' });
    });

    it('deletes a plan with everything in it', async () => {
      await givenTask();
      await t
        .http()
        .delete(api(`/plans/${planIdNew}`))
        .expect(204);
      await t
        .http()
        .get(api(`/plans/${planIdNew}`))
        .expect(404);
      await t
        .http()
        .get(api(`/plans/${planIdNew}/units`))
        .expect(404);
    });
  });

  describe('edge cases', () => {
    let plan: number;
    let unit: number;
    beforeAll(async () => {
      plan = (await t.http().post(api('/plans')).send({ name: '边界', region: '测试区', periodStart: '2024-01-01', periodEnd: '2026-12-31' }).expect(201)).body
        .id;
      unit = (
        await t
          .http()
          .post(api(`/plans/${plan}/units`))
          .send({ name: '  甲局 ', aliases: [' 甲 '] })
          .expect(201)
      ).body.id;
    });
    /** Task 1 (原文, no time of its own), led by 甲局. */
    const givenTask = once(() =>
      t
        .http()
        .post(api(`/plans/${plan}/tasks`))
        .send({ seq: 1, content: '原文', leadUnitIds: [unit] })
        .expect(201),
    );

    it('trims unit names and aliases, so a padded duplicate is a 409, not a second unit', async () => {
      const { body } = await t
        .http()
        .get(api(`/plans/${plan}/units/${unit}`))
        .expect(200);
      expect(body).toMatchObject({ name: '甲局', aliases: ['甲'] });
      await t
        .http()
        .post(api(`/plans/${plan}/units`))
        .send({ name: '甲局 ' })
        .expect(409);
      const byAlias = await t
        .http()
        .get(api(`/plans/${plan}/tasks?leadUnit=甲`))
        .expect(200);
      expect(byAlias.body.total).toBe(0);
    });

    it('refuses null for a field that cannot be empty, and the same unit twice', async () => {
      const task = await givenTask();
      const res = await t
        .http()
        .patch(api(`/plans/${plan}/tasks/${task.body.id}`))
        .send({ content: null, version: task.body.version })
        .expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'content', value: null });
      const twice = await t
        .http()
        .post(api(`/plans/${plan}/tasks`))
        .send({ seq: 2, content: '乙', leadUnitIds: [unit, unit] })
        .expect(400);
      expect(twice.body.errors[0]).toMatchObject({ field: 'leadUnitIds' });
      const unchanged = await t
        .http()
        .get(api(`/plans/${plan}/tasks/${task.body.id}`))
        .expect(200);
      expect(unchanged.body.content).toBe('原文');
    });

    it('moves the due date of items without a time of their own when the plan period changes', async () => {
      await givenTask();
      const { body: before } = await t
        .http()
        .get(api(`/plans/${plan}/tasks`))
        .expect(200);
      expect(before.items[0].milestones[0]).toMatchObject({ dueDate: '2026-12-31', kind: 'period' });
      const { body: current } = await t
        .http()
        .get(api(`/plans/${plan}`))
        .expect(200);
      await t
        .http()
        .patch(api(`/plans/${plan}`))
        .send({ periodEnd: '2027-12-31', version: current.version })
        .expect(200);
      const { body: after } = await t
        .http()
        .get(api(`/plans/${plan}/tasks`))
        .expect(200);
      expect(after.items[0].milestones[0]).toMatchObject({ dueDate: '2027-12-31', note: '原文未写时限，按规划期末（2027-12-31）计' });
    });

    it('keeps a milestone’s date when the office only adds a note', async () => {
      await givenTask();
      const { body } = await t
        .http()
        .get(api(`/plans/${plan}/tasks`))
        .expect(200);
      const milestone = body.items[0].milestones[0];
      const res = await t
        .http()
        .patch(api(`/plans/${plan}/milestones/${milestone.id}`))
        .send({ note: '已核实', version: milestone.version })
        .expect(200);
      expect(res.body).toMatchObject({ dueDate: milestone.dueDate, note: '已核实' });
    });

    it('takes % in a chapter filter literally', async () => {
      const res = await t
        .http()
        .get(api(`/plans/${jiangjin}/tasks?chapter=%25`))
        .expect(200);
      expect(res.body.total).toBe(0);
    });

    it('will not delete a unit that is still in a leadership or working group', async () => {
      const jiangyin = await planId(t, 'jiangyin');
      const units = await t
        .http()
        .get(api(`/plans/${jiangyin}/units`))
        .expect(200);
      const member = units.body.groups[0].memberUnits[0];
      const res = await t
        .http()
        .delete(api(`/plans/${jiangyin}/units/${member.id}`))
        .expect(409);
      expect(res.body.message).toContain('领导小组');
    });
  });

  describe('deadline parsing', () => {
    it('reads several dated clauses, each with its quantity', async () => {
      const res = await t.http().post(api('/deadlines/parse')).send({ text: '到2023年，新增绿色工厂3个，到2025年，新增绿色工厂10个' }).expect(200);
      expect(res.body.milestones).toEqual([
        expect.objectContaining({ dueDate: '2023-12-31', kind: 'dated', quantity: '3个', phrase: '到2023年', certain: true }),
        expect.objectContaining({ dueDate: '2025-12-31', kind: 'dated', quantity: '10个', phrase: '到2025年', certain: true }),
      ]);
    });

    it('resolves a yearless phrase against the reference, and flags it without one', async () => {
      const withRef = await t.http().post(api('/deadlines/parse')).send({ text: '7月底前', reference: '2024-03-01' }).expect(200);
      expect(withRef.body.milestones[0]).toMatchObject({ dueDate: '2024-07-31', certain: true });
      const without = await t.http().post(api('/deadlines/parse')).send({ text: '7月底前' }).expect(200);
      expect(without.body.milestones[0]).toMatchObject({ dueDate: null, certain: false });
    });

    it('answers a phrase it cannot read with one flagged milestone keeping the phrase, never an empty list', async () => {
      const res = await t.http().post(api('/deadlines/parse')).send({ text: '视上级部署另行通知', reference: '2024-03-01' }).expect(200);
      expect(res.body.milestones).toEqual([
        expect.objectContaining({ dueDate: null, certain: false, phrase: '视上级部署另行通知', note: '无法识别的时限“视上级部署另行通知”，请无废办确认' }),
      ]);
    });

    it('refuses an empty text and a bad reference date', async () => {
      const res = await t.http().post(api('/deadlines/parse')).send({ text: '', reference: '2024/03/01' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['reference', 'text']);
    });
  });
});
