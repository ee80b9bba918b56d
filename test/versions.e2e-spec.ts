import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/** Two people saving the same item: the second gets 409 with the current version, nothing is lost. */
describe('optimistic locking of the plan data', () => {
  let t: TestApp;
  let jiangjin: number;
  let alice: string;
  let bob: string;
  const api = (path: string) => `/api/v1${path}`;

  /** Jiangjin task 序号 11 as GET shows it. */
  const task11 = async (token: string) => {
    const { body } = await t
      .as(token)
      .get(api(`/plans/${jiangjin}/tasks?limit=100`))
      .expect(200);
    const { id } = body.items.find((i: { seq: number }) => i.seq === 11);
    return (
      await t
        .as(token)
        .get(api(`/plans/${jiangjin}/tasks/${id}`))
        .expect(200)
    ).body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    jiangjin = await planId(t, 'jiangjin');
    alice = await t.login('jiangjin-office');
    bob = await t.login('jiangjin-office');
  });
  afterAll(() => t.close());

  it('refuses the second of two saves made from the same read, with the task as it is now', async () => {
    const read1 = await task11(alice);
    const read2 = await task11(bob);
    expect(read2.version).toBe(read1.version);
    const v = read1.version;

    const first = await t
      .as(alice)
      .patch(api(`/plans/${jiangjin}/tasks/${read1.id}`))
      .send({ content: `${read1.content}（甲修改）`, version: v })
      .expect(200);
    expect(first.body.version).toBe(v + 1);

    const second = await t
      .as(bob)
      .patch(api(`/plans/${jiangjin}/tasks/${read2.id}`))
      .send({ content: `${read2.content}（乙修改）`, version: v })
      .expect(409);
    expect(second.body).toMatchObject({ statusCode: 409, code: 'CONFLICT', currentVersion: v + 1 });
    expect(second.body.errors[0]).toMatchObject({ field: 'version', value: v });
    expect(second.body.message).toContain('已被他人修改');
    // The current item in the shape GET returns, so the second person can redo the change on top of it.
    expect(second.body.current).toMatchObject({ id: read1.id, version: v + 1, content: first.body.content });
    expect(second.body.current.leadUnits).toEqual(read1.leadUnits);
    const dueDates = (item: { milestones: { dueDate: string }[] }) => item.milestones.map((m) => m.dueDate);
    expect(dueDates(second.body.current)).toEqual(dueDates(read1));

    const after = await task11(bob);
    expect(after).toMatchObject({ version: v + 1, content: first.body.content });

    const retried = await t
      .as(bob)
      .patch(api(`/plans/${jiangjin}/tasks/${read2.id}`))
      .send({ content: `${second.body.current.content}（乙修改）`, version: second.body.currentVersion })
      .expect(200);
    expect(retried.body).toMatchObject({ version: v + 2, content: `${read1.content}（甲修改）（乙修改）` });
  });

  it('refuses a change without a version, or with one that is not a whole number, naming the field version', async () => {
    const task = await task11(alice);
    const missing = await t
      .as(alice)
      .patch(api(`/plans/${jiangjin}/tasks/${task.id}`))
      .send({ content: '无版本' })
      .expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(new Set(missing.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['version']));
    expect(missing.body.message).toContain('version');
    const zero = await t
      .as(alice)
      .patch(api(`/plans/${jiangjin}/tasks/${task.id}`))
      .send({ content: '版本为0', version: 0 })
      .expect(400);
    expect(zero.body.errors[0]).toMatchObject({ field: 'version', value: 0 });
    const text = await t
      .as(alice)
      .patch(api(`/plans/${jiangjin}/tasks/${task.id}`))
      .send({ version: '3' })
      .expect(400);
    expect(text.body.errors[0]).toMatchObject({ field: 'version', value: '3' });
    expect((await task11(alice)).content).toBe(task.content);
  });

  it('lets exactly one of simultaneous saves from the same read through', async () => {
    const task = await task11(alice);
    const url = api(`/plans/${jiangjin}/tasks/${task.id}`);
    const [a, b] = await Promise.all([
      t.as(alice).patch(url).send({ content: '同时保存：甲', version: task.version }),
      t.as(bob).patch(url).send({ content: '同时保存：乙', version: task.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(won.body.version).toBe(task.version + 1);
    expect(lost.body).toMatchObject({ code: 'CONFLICT', currentVersion: task.version + 1, current: { content: won.body.content } });
    expect(await task11(alice)).toMatchObject({ version: task.version + 1, content: won.body.content });

    // Many at once, so their reads and saves interleave.
    const many = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t
          .as(i % 2 ? alice : bob)
          .patch(url)
          .send({ content: `同时保存：${i}`, version: task.version + 1 }),
      ),
    );
    expect(many.filter((r) => r.status === 200)).toHaveLength(1);
    expect(many.filter((r) => r.status === 409)).toHaveLength(7);
    const winner = many.find((r) => r.status === 200)!;
    expect(await task11(alice)).toMatchObject({ version: task.version + 2, content: winner.body.content });
  });

  it('counts a change of units alone as a new version', async () => {
    const task = await task11(alice);
    const url = api(`/plans/${jiangjin}/tasks/${task.id}`);
    const supportingUnitIds = task.supportingUnits.map((u: { id: number }) => u.id);
    const res = await t.as(alice).patch(url).send({ supportingUnitIds: [], version: task.version }).expect(200);
    expect(res.body).toMatchObject({ version: task.version + 1, supportingUnits: [] });
    const stale = await t.as(bob).patch(url).send({ supportingUnitIds, version: task.version }).expect(409);
    expect(stale.body.current.supportingUnits).toEqual([]);
    await t
      .as(bob)
      .patch(url)
      .send({ supportingUnitIds, version: task.version + 1 })
      .expect(200);
  });

  it('refuses a stale plan change with the plan as GET shows it', async () => {
    const { body: plan } = await t
      .as(alice)
      .get(api(`/plans/${jiangjin}`))
      .expect(200);
    const first = await t
      .as(alice)
      .patch(api(`/plans/${jiangjin}`))
      .send({ source: '甲补充的来源', version: plan.version })
      .expect(200);
    expect(first.body).toMatchObject({ version: plan.version + 1, source: '甲补充的来源' });
    const second = await t
      .as(bob)
      .patch(api(`/plans/${jiangjin}`))
      .send({ source: '乙补充的来源', version: plan.version })
      .expect(409);
    expect(second.body).toMatchObject({ code: 'CONFLICT', currentVersion: plan.version + 1 });
    expect(second.body.current).toMatchObject({ id: jiangjin, source: '甲补充的来源', counts: plan.counts, stages: plan.stages });
    const missing = await t
      .as(bob)
      .patch(api(`/plans/${jiangjin}`))
      .send({ source: '无版本' })
      .expect(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'version' });
    expect(
      (
        await t
          .as(bob)
          .get(api(`/plans/${jiangjin}`))
          .expect(200)
      ).body.source,
    ).toBe('甲补充的来源');
  });

  it('refuses a stale milestone override with the milestone as it is now', async () => {
    const task = await task11(alice);
    const milestone = task.milestones[0];
    const url = api(`/plans/${jiangjin}/milestones/${milestone.id}`);
    const first = await t.as(alice).patch(url).send({ dueDate: '2024-03-31', note: '甲确认', version: milestone.version }).expect(200);
    expect(first.body).toMatchObject({ version: milestone.version + 1, dueDate: '2024-03-31' });
    const second = await t.as(bob).patch(url).send({ dueDate: '2024-06-30', note: '乙确认', version: milestone.version }).expect(409);
    expect(second.body).toMatchObject({ code: 'CONFLICT', currentVersion: milestone.version + 1 });
    expect(second.body.current).toMatchObject({ id: milestone.id, dueDate: '2024-03-31', note: '甲确认', version: milestone.version + 1 });
    await t.as(bob).patch(url).send({ note: '无版本' }).expect(400);
    const after = (await task11(bob)).milestones[0];
    expect(after).toMatchObject({ id: milestone.id, note: '甲确认', version: milestone.version + 1 });
  });

  it('refuses a stale change of an assignment’s role', async () => {
    const task = await task11(alice);
    const { body: matrix } = await t
      .as(alice)
      .get(api(`/plans/${jiangjin}/responsibilities?unit=${task.leadUnits[0].id}`))
      .expect(200);
    const row = matrix.items.find((i: { itemType: string; id: number }) => i.itemType === 'task' && i.id === task.id);
    const url = api(`/plans/${jiangjin}/assignments/${row.assignmentId}`);
    const first = await t.as(alice).patch(url).send({ role: 'support', version: row.assignmentVersion }).expect(200);
    expect(first.body).toMatchObject({ role: 'support', version: row.assignmentVersion + 1 });
    const second = await t.as(bob).patch(url).send({ role: 'lead', version: row.assignmentVersion }).expect(409);
    expect(second.body).toMatchObject({ currentVersion: row.assignmentVersion + 1, current: { id: row.assignmentId, role: 'support' } });
    await t.as(alice).patch(url).send({ role: 'lead', version: first.body.version }).expect(200);
  });

  it('applies to projects and indicators too, and a new item takes no version', async () => {
    for (const list of ['projects', 'indicators']) {
      const { body } = await t
        .as(alice)
        .get(api(`/plans/${jiangjin}/${list}?limit=1`))
        .expect(200);
      const item = body.items[0];
      const url = api(`/plans/${jiangjin}/${list}/${item.id}`);
      await t.as(alice).patch(url).send({ seq: item.seq }).expect(400);
      const first = await t
        .as(alice)
        .patch(url)
        .send({ name: `${item.name}（甲）`, version: item.version })
        .expect(200);
      expect(first.body.version).toBe(item.version + 1);
      const second = await t
        .as(bob)
        .patch(url)
        .send({ name: `${item.name}（乙）`, version: item.version })
        .expect(409);
      expect(second.body.current).toMatchObject({ name: `${item.name}（甲）`, version: item.version + 1 });
    }
    const created = await t
      .as(alice)
      .post(api(`/plans/${jiangjin}/tasks`))
      .send({ seq: 900, content: '新任务', version: 5 })
      .expect(400);
    expect(created.body.errors[0]).toMatchObject({ field: 'version' });
  });
});
