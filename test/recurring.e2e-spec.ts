import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * A yearly duty (每年…) of the Jiangjin plan (2021-01-01 … 2025-12-31) through the real app, with the clock moving
 * across years: each occurrence is due at its own year-end, reported on and closed out on its own, missed ones stay
 * overdue until closed or waived, and lists, reports, reminders and the digest count from the occurrence due now.
 * Every test makes its own yearly task, so each can run alone.
 */
describe('recurring milestones: one occurrence a year', () => {
  let t: TestApp;
  let jiangjin: number;
  let tokens: { office: string; sthj: string; leader: string };
  let sthjId: number;
  let seq = 900;
  const api = (path: string) => `/api/v1/plans/${jiangjin}${path}`;
  const at = (date: string) => t.clock.set(`${date}T10:00:00+08:00`);

  interface Occ {
    key: string;
    label: string;
    dueDate: string;
    status: string;
    overdue: boolean;
    waivedReason: string | null;
  }
  interface MilestoneJson {
    id: number;
    dueDate: string;
    baselineDate: string;
    status: string;
    overdue: boolean;
    light: string;
    kind: string;
    recurrence: string;
    occurrence: { key: string; label: string } | null;
    missedOccurrences: number;
    occurrences: Occ[];
  }

  /** A new yearly task led by 区生态环境局 (jiangjin-sthj), created on 2021-01-04. */
  const yearlyTask = async (content = '每年定期组织召开全区固体废物环境管理工作会，开展技术培训和交流。'): Promise<{ id: number; milestoneId: number }> => {
    at('2021-01-04');
    const res = await t
      .as(tokens.office)
      .post(api('/tasks'))
      .send({ seq: ++seq, content, leadUnitIds: [sthjId] })
      .expect(201);
    const milestones = res.body.milestones as MilestoneJson[];
    expect(milestones).toHaveLength(1);
    expect(milestones[0]).toMatchObject({ kind: 'recurring', recurrence: 'yearly', dueDate: '2021-12-31' });
    return { id: res.body.id, milestoneId: milestones[0].id };
  };
  const milestone = async (taskId: number, asOf?: string): Promise<MilestoneJson> =>
    (
      await t
        .as(tokens.office)
        .get(api(`/tasks/${taskId}${asOf ? `?asOf=${asOf}` : ''}`))
        .expect(200)
    ).body.milestones[0];
  /** The lead unit reports the occurrence done (the one due now unless named) and the office accepts it. */
  const closeOut = async (taskId: number, milestoneId: number, occurrence?: string) => {
    const report = await t
      .as(tokens.sthj)
      .post(api('/progress'))
      .send({
        itemType: 'task',
        itemId: taskId,
        milestoneId,
        state: 'done',
        narrative: '已召开年度工作会并组织培训',
        submit: true,
        ...(occurrence ? { occurrence } : {}),
      })
      .expect(201);
    await t
      .as(tokens.office)
      .post(api(`/progress/${report.body.id}/accept`))
      .send({ comment: '核实无误' })
      .expect(200);
    return report.body as { id: number; occurrence: string };
  };

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    jiangjin = await planId(t, 'jiangjin');
    at('2021-01-04');
    tokens = { office: await t.login('jiangjin-office'), sthj: await t.login('jiangjin-sthj'), leader: await t.login('jiangjin-leader') };
    const units = (await t.as(tokens.office).get(api('/units')).expect(200)).body as
      { items?: { id: number; name: string }[] } | { id: number; name: string }[];
    const list = Array.isArray(units) ? units : units.items!;
    sthjId = list.find((u) => u.name === '区生态环境局')!.id;
  });

  afterAll(() => t.close());

  /** The lines a message gives one item: from its code to the next item. */
  const entry = (text: string, code: string): string => {
    const start = text.indexOf(`${code} `);
    expect(start).toBeGreaterThanOrEqual(0);
    const next = text.indexOf('· ', start + 1);
    return text.slice(start, next < 0 ? undefined : next);
  };

  it('is due at the end of the current year, and open again each year after the last one was closed out', async () => {
    const task = await yearlyTask();
    at('2021-12-10');
    const report = await closeOut(task.id, task.milestoneId);
    expect(report.occurrence).toBe('2021-12-31');
    expect(await milestone(task.id, '2021-12-20')).toMatchObject({ status: 'closed', overdue: false, occurrence: { key: '2021-12-31', label: '2021年度' } });

    at('2022-03-01');
    // 59 of 364 days of 2022 have passed with nothing reported: behind time, so yellow, but not overdue.
    expect(await milestone(task.id)).toMatchObject({
      status: 'not_started',
      overdue: false,
      light: 'yellow',
      dueDate: '2022-12-31',
      baselineDate: '2022-12-31',
      occurrence: { key: '2022-12-31', label: '2022年度' },
      missedOccurrences: 0,
    });
    const item = (
      await t
        .as(tokens.office)
        .get(api(`/tasks/${task.id}`))
        .expect(200)
    ).body;
    expect(item).toMatchObject({ status: 'not_started', overdue: false });
  });

  it('keeps a missed year overdue into the next one, counting days from that year-end, until it is closed', async () => {
    const task = await yearlyTask();
    at('2021-12-10');
    await closeOut(task.id, task.milestoneId);
    // 2022 is never reported: on 2023-03-01 it is 60 days overdue (31 + 28 + 1), and 2023 waits behind it.
    at('2023-03-01');
    const m = await milestone(task.id);
    expect(m).toMatchObject({ overdue: true, light: 'red', dueDate: '2022-12-31', occurrence: { label: '2022年度' }, missedOccurrences: 1 });
    expect(m.occurrences.map((o) => [o.label, o.status, o.overdue])).toEqual([
      ['2021年度', 'closed', false],
      ['2022年度', 'not_started', true],
      ['2023年度', 'not_started', false],
    ]);
    const overdue = (await t.as(tokens.office).get(api('/reports/overdue?asOf=2023-03-01')).expect(200)).body.rows as {
      itemId: number;
      daysOverdue: number;
      occurrence: string;
      dueDate: string;
    }[];
    expect(overdue.filter((r) => r.itemId === task.id)).toEqual([expect.objectContaining({ daysOverdue: 60, occurrence: '2022年度', dueDate: '2022-12-31' })]);

    // The unit reports 2022 late, naming it; accepted, the duty speaks for 2023 again.
    await closeOut(task.id, task.milestoneId, '2022-12-31');
    expect(await milestone(task.id)).toMatchObject({ overdue: false, dueDate: '2023-12-31', occurrence: { label: '2023年度' }, missedOccurrences: 0 });
    // The overdue report on today (what is kept, and the recurring milestone's own events) agrees: 2022 is done.
    const today = (await t.as(tokens.office).get(api('/reports/overdue')).expect(200)).body.rows as { itemId: number }[];
    expect(today.filter((r) => r.itemId === task.id)).toEqual([]);
    // History stays as it was: the day before, 2022 was still overdue.
    expect(await milestone(task.id, '2023-02-28')).toMatchObject({ overdue: true, dueDate: '2022-12-31' });
  });

  it('lets the office waive a missed occurrence with a reason, and keeps the waiver in history', async () => {
    const task = await yearlyTask();
    at('2022-02-01');
    // The 2021 occurrence was missed. Waiving needs a reason, and only a recurring milestone's occurrence can be waived.
    const noReason = await t
      .as(tokens.office)
      .post(api(`/milestones/${task.milestoneId}/waive`))
      .send({ reason: ' ' })
      .expect(400);
    expect(JSON.stringify(noReason.body)).toContain('请写明原因');
    const res = await t
      .as(tokens.office)
      .post(api(`/milestones/${task.milestoneId}/waive`))
      .send({ occurrence: '2021-12-31', reason: '2021年度工作会因疫情停开，经领导小组同意免于考核' })
      .expect(200);
    expect(res.body).toMatchObject({ overdue: false, dueDate: '2022-12-31', missedOccurrences: 0 });
    const m = await milestone(task.id);
    expect(m.occurrences[0]).toMatchObject({ key: '2021-12-31', status: 'closed', waivedReason: '2021年度工作会因疫情停开，经领导小组同意免于考核' });
    expect(await milestone(task.id, '2022-01-31')).toMatchObject({ overdue: true, dueDate: '2021-12-31' });
    // Waived twice: refused, nothing written.
    const again = await t
      .as(tokens.office)
      .post(api(`/milestones/${task.milestoneId}/waive`))
      .send({ occurrence: '2021-12-31', reason: '重复' })
      .expect(409);
    expect(again.body.message).toContain('已免除');
  });

  it('refuses an occurrence the milestone does not have, or on a milestone that does not recur, writing nothing', async () => {
    const task = await yearlyTask();
    at('2022-06-01');
    const wrong = await t
      .as(tokens.sthj)
      .post(api('/progress'))
      .send({ itemType: 'task', itemId: task.id, milestoneId: task.milestoneId, state: 'in_progress', narrative: '筹备中', occurrence: '2024-12-31' })
      .expect(400);
    expect(JSON.stringify(wrong.body)).toContain('2024-12-31');
    expect(JSON.stringify(wrong.body)).toContain('2021-12-31（2021年度）');
    const dated = (
      await t
        .as(tokens.office)
        .post(api('/tasks'))
        .send({ seq: ++seq, content: '2023年底前完成全区固废信息平台建设', leadUnitIds: [sthjId] })
        .expect(201)
    ).body;
    const datedMilestone = dated.milestones[0].id as number;
    const notRecurring = await t
      .as(tokens.sthj)
      .post(api('/progress'))
      .send({ itemType: 'task', itemId: dated.id, milestoneId: datedMilestone, state: 'in_progress', narrative: '推进中', occurrence: '2023-12-31' })
      .expect(400);
    expect(JSON.stringify(notRecurring.body)).toContain('不是周期性节点');
    await t
      .as(tokens.office)
      .post(api(`/milestones/${datedMilestone}/waive`))
      .send({ reason: '不需要' })
      .expect(409);
    const reports = (
      await t
        .as(tokens.sthj)
        .get(api(`/progress?itemType=task&itemId=${task.id}`))
        .expect(200)
    ).body;
    expect(reports).toHaveLength(0);
  });

  it('moves one occurrence by an approved extension and leaves the next year where it was', async () => {
    const task = await yearlyTask();
    at('2021-12-10');
    await closeOut(task.id, task.milestoneId);
    at('2022-11-20');
    const ext = await t
      .as(tokens.sthj)
      .post(api('/extensions'))
      .send({ milestoneId: task.milestoneId, requestedDueDate: '2023-03-31', reason: '年度工作会推迟至次年一季度召开' })
      .expect(201);
    expect(ext.body).toMatchObject({ occurrence: '2022-12-31', currentDueDate: '2022-12-31' });
    await t
      .as(tokens.office)
      .post(api(`/extensions/${ext.body.id}/approve`))
      .send({})
      .expect(200);
    at('2023-02-01');
    expect(await milestone(task.id)).toMatchObject({ overdue: false, dueDate: '2023-03-31', baselineDate: '2022-12-31', occurrence: { label: '2022年度' } });
    const m = await milestone(task.id);
    expect(m.occurrences.map((o) => o.dueDate)).toEqual(['2021-12-31', '2023-03-31', '2023-12-31']);
  });

  it('reminds the lead unit of the occurrence due now, as that year, never counting from the first year', async () => {
    const task = await yearlyTask();
    at('2021-12-10');
    await closeOut(task.id, task.milestoneId);
    // 2022 missed; the first overdue workday after 2022-12-31 is 2023-01-03 (New Year holiday to the 2nd).
    at('2023-01-03');
    const preview = (await t.as(tokens.office).get(api('/reminders/preview?date=2023-01-03')).expect(200)).body as {
      messages: { rule: string; items: string[]; text: string }[];
    };
    const overdue = preview.messages.filter((m) => m.rule === 'overdue' && m.items.includes(`任务${seq}`));
    expect(overdue.length).toBeGreaterThan(0);
    expect(entry(overdue[0].text, `任务${seq}`)).toMatch(/2022年度.*逾期3天/s);
  });

  it('on a fresh start late in 2026, counts never-reported yearly duties from their last year-end (2025), not from 2021', async () => {
    const task = await yearlyTask();
    at('2026-11-23');
    const m = await milestone(task.id);
    expect(m).toMatchObject({ overdue: true, dueDate: '2025-12-31', occurrence: { label: '2025年度' }, missedOccurrences: 5 });
    const preview = (await t.as(tokens.office).get(api('/reminders/preview?date=2026-11-23')).expect(200)).body as {
      messages: { items: string[]; text: string }[];
      digests: { text: string }[];
    };
    const mine = preview.messages.filter((msg) => msg.items.includes(`任务${seq}`));
    expect(mine.length).toBeGreaterThan(0);
    // 2025-12-31 → 2026-11-23 is 327 days; from 2021-12-31 it would be 1788.
    for (const msg of mine) expect(entry(msg.text, `任务${seq}`)).toMatch(/2025年度.*逾期327天/s);
    const digest = preview.digests.map((d) => d.text).find((text) => text.includes(`任务${seq} `));
    expect(entry(digest!, `任务${seq}`)).toContain('327天');
    const overdue = (await t.as(tokens.leader).get(api('/reports/overdue')).expect(200)).body.rows as {
      itemId: number;
      daysOverdue: number;
      missedOccurrences: number;
    }[];
    expect(overdue.find((r) => r.itemId === task.id)).toMatchObject({ daysOverdue: 327, missedOccurrences: 5 });
  });
});
