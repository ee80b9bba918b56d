import { once } from './helpers/once.js';
import { DEMO_PASSWORD, planId, startTestApp, type TestApp } from './helpers/test-app.js';

interface Milestone {
  id: number;
  dueDate: string;
  quantity: string | null;
  status: string;
  overdue: boolean;
  light: string;
  percent: number | null;
  closedOn: string | null;
}
interface Task {
  id: number;
  seq: number;
  status: string;
  light: string;
  asOf: string;
  milestones: Milestone[];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('progress reports, evidence, review and close-out (Jiangjin task 11)', () => {
  let t: TestApp;
  let plan: number;
  let office: string;
  let jxw: string; // 区经济信息委: leads task 11
  let sthj: string; // 区生态环境局: holds neither role on task 11
  let leader: string;
  let task11: Task;
  let task5: Task;
  let reportId: number;

  // The story of one report on task 11's 2023 milestone; each case asks for the steps it stands on.
  const givenDraft = once(async () => {
    const res = await t
      .as(jxw)
      .post(`${base()}/progress`)
      .send({
        itemType: 'task',
        itemId: task11.id,
        milestoneId: task11.milestones[0].id,
        state: 'done',
        quantityDone: 3,
        narrative: '新增绿色工厂3家，均已获市级认定。',
        periodStart: '2023-01-01',
        periodEnd: '2023-11-20',
      })
      .expect(201);
    reportId = res.body.id;
    return res;
  });
  const givenEvidence = once(async () => {
    await givenDraft();
    return t.as(jxw).post(`${base()}/progress/${reportId}/evidence`).attach('file', PDF, '绿色工厂认定文件.pdf').expect(201);
  });
  const givenSubmitted = once(async () => {
    await givenEvidence();
    return t.as(jxw).post(`${base()}/progress/${reportId}/submit`).expect(200);
  });
  const givenAccepted = once(async () => {
    await givenSubmitted();
    t.clock.set('2023-11-25T15:00:00+08:00');
    return t.as(office).post(`${base()}/progress/${reportId}/accept`).send({ comment: '经核实无误，同意销号。' }).expect(200);
  });
  const givenReopened = once(async () => {
    await givenAccepted();
    t.clock.set('2023-12-01T09:00:00+08:00');
    return t.as(office).post(`${base()}/milestones/${task11.milestones[0].id}/reopen`).send({ reason: '复核发现一家工厂认定被撤销' }).expect(200);
  });

  const base = () => `/api/v1/plans/${plan}`;
  const getTask = async (id: number, asOf?: string) =>
    (
      await t
        .http()
        .get(`${base()}/tasks/${id}${asOf ? `?asOf=${asOf}` : ''}`)
        .expect(200)
    ).body as Task;

  beforeAll(async () => {
    // Sign-ins last long enough for the frozen clock to move on by weeks.
    t = await startTestApp({ EVIDENCE_MAX_BYTES: String(64 * 1024), SESSION_HOURS: '100000' });
    plan = await planId(t, 'jiangjin');
    t.clock.set('2023-11-20T10:00:00+08:00');
    [office, jxw, sthj, leader] = await Promise.all(['jiangjin-office', 'jiangjin-jxw', 'jiangjin-sthj', 'jiangjin-leader'].map((u) => t.login(u)));
    const tasks = (await t.http().get(`${base()}/tasks?limit=100`).expect(200)).body.items as Task[];
    task11 = tasks.find((x) => x.seq === 11)!;
    task5 = tasks.find((x) => x.seq === 5)!;
  }, 60_000);
  afterAll(() => t.close());

  it('task 11 has two milestones, due 2023-12-31 (3 factories) and 2025-12-31, both open', () => {
    expect(task11.milestones.map((m) => [m.dueDate, m.status])).toEqual([
      ['2023-12-31', 'not_started'],
      ['2025-12-31', 'not_started'],
    ]);
    expect(task11.milestones[0].quantity).toContain('3');
  });

  it('the lead unit reports a draft on the 2023 milestone: 3 of 3 done, so 100%', async () => {
    const res = await givenDraft();
    expect(res.body).toMatchObject({ status: 'draft', role: 'lead', percent: 100, quantityTotal: 3, evidence: [] });
  });

  it('a unit cannot report on an item it neither leads nor supports', async () => {
    const res = await t.as(jxw).post(`${base()}/progress`).send({ itemType: 'task', itemId: task5.id, state: 'in_progress', narrative: '—' }).expect(403);
    expect(res.body.message).toContain('任务5');
  });

  it('the office, leaders and other units do not see a draft', async () => {
    await givenDraft();
    await t.as(office).get(`${base()}/progress/${reportId}`).expect(404);
    await t.as(sthj).get(`${base()}/progress/${reportId}`).expect(404);
    const list = await t.as(office).get(`${base()}/progress?itemId=${task11.id}`).expect(200);
    expect(list.body).toEqual([]);
  });

  it('evidence: a PDF is attached; a wrong type or an oversized file is refused with the reason', async () => {
    const ok = await givenEvidence();
    expect(ok.body.evidence).toEqual([expect.objectContaining({ fileName: '绿色工厂认定文件.pdf', mimeType: 'application/pdf', size: PDF.length })]);
    expect(ok.body.evidence[0]).not.toHaveProperty('storageKey');
    const exe = await t.as(jxw).post(`${base()}/progress/${reportId}/evidence`).attach('file', Buffer.from('MZ....'), 'setup.exe').expect(415);
    expect(exe.body.message).toContain('setup.exe');
    const big = await t
      .as(jxw)
      .post(`${base()}/progress/${reportId}/evidence`)
      .attach('file', Buffer.concat([PDF, Buffer.alloc(70 * 1024)]), '大文件.pdf')
      .expect(413);
    expect(big.body.message).toContain('大文件.pdf');
    const after = await t.as(jxw).get(`${base()}/progress/${reportId}`).expect(200);
    expect(after.body.evidence).toHaveLength(1);
  });

  it('submitting marks the milestone submitted (the unit says done); the item is not closed', async () => {
    const res = await givenSubmitted();
    expect(res.body).toMatchObject({ status: 'submitted', submittedDate: '2023-11-20' });
    const task = await getTask(task11.id);
    expect(task.milestones[0].status).toBe('submitted');
    expect(task.status).toBe('in_progress');
  });

  it('once submitted: the office and leader read it and download the evidence; a unit without the item cannot', async () => {
    await givenSubmitted();
    await t.as(leader).get(`${base()}/progress/${reportId}`).expect(200);
    const report = (await t.as(office).get(`${base()}/progress/${reportId}`).expect(200)).body;
    const fileId = report.evidence[0].id;
    const file = await t.as(office).get(`${base()}/progress/${reportId}/evidence/${fileId}`).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    await t.as(sthj).get(`${base()}/progress/${reportId}/evidence/${fileId}`).expect(404);
    await t.anon().get(`${base()}/progress/${reportId}/evidence/${fileId}`).expect(401);
  });

  it('a submitted report can no longer be changed by its unit', async () => {
    await givenSubmitted();
    const report = (await t.as(jxw).get(`${base()}/progress/${reportId}`).expect(200)).body;
    await t.as(jxw).patch(`${base()}/progress/${reportId}`).send({ version: report.version, narrative: '改' }).expect(409);
  });

  it('only the office reviews: leaders and units get 403', async () => {
    await givenSubmitted();
    await t.as(leader).post(`${base()}/progress/${reportId}/accept`).send({}).expect(403);
    await t.as(jxw).post(`${base()}/progress/${reportId}/accept`).send({}).expect(403);
  });

  it('the office accepts: the milestone is closed out today, and as of the day before it was still open', async () => {
    const res = await givenAccepted();
    expect(res.body).toMatchObject({ status: 'accepted', reviewComment: '经核实无误，同意销号。', reviewedDate: '2023-11-25' });
    const today = await getTask(task11.id);
    expect(today.milestones[0]).toMatchObject({ status: 'closed', closedOn: '2023-11-25', light: 'grey', overdue: false });
    expect(today.status).toBe('in_progress');
    const before = await getTask(task11.id, '2023-11-24');
    expect(before.asOf).toBe('2023-11-24');
    expect(before.milestones[0]).toMatchObject({ status: 'submitted', closedOn: null });
    await t.as(office).post(`${base()}/progress/${reportId}/accept`).send({}).expect(409);
  });

  it('the list endpoint answers as of a date and filters by status', async () => {
    await givenAccepted();
    const asOfBefore = await t.as(leader).get(`${base()}/tasks?asOf=2023-11-24&limit=100`).expect(200);
    const m = (asOfBefore.body.items as Task[]).find((x) => x.id === task11.id)!.milestones[0];
    expect(m.status).toBe('submitted');
    const overdueLater = await t.as(leader).get(`${base()}/tasks?asOf=2024-01-02&overdue=true&limit=100`).expect(200);
    expect((overdueLater.body.items as Task[]).some((x) => x.id === task11.id)).toBe(false);
    await t.as(leader).get(`${base()}/tasks?asOf=2024-02-30`).expect(400);
  });

  it('the office reopens a close-out with a reason; the milestone is in progress again', async () => {
    const milestoneId = task11.milestones[0].id;
    await givenAccepted();
    await t.as(office).post(`${base()}/milestones/${milestoneId}/reopen`).send({ reason: '' }).expect(400);
    const res = await givenReopened();
    expect(res.body).toMatchObject({ status: 'in_progress' });
    expect((await getTask(task11.id, '2023-11-30')).milestones[0].status).toBe('closed');
    await t.as(office).post(`${base()}/milestones/${milestoneId}/reopen`).send({ reason: '再次' }).expect(409);
  });

  it('a returned report goes back to its unit with the comment, and can be corrected and resubmitted', async () => {
    await givenReopened();
    const created = await t
      .as(jxw)
      .post(`${base()}/progress`)
      .send({
        itemType: 'task',
        itemId: task11.id,
        milestoneId: task11.milestones[0].id,
        state: 'done',
        quantityDone: 3,
        narrative: '已补充第3家',
        submit: true,
      })
      .expect(201);
    expect(created.body.status).toBe('submitted');
    await t.as(office).post(`${base()}/progress/${created.body.id}/return`).send({}).expect(400);
    const returned = await t.as(office).post(`${base()}/progress/${created.body.id}/return`).send({ comment: '请补充认定文件' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '请补充认定文件' });
    expect((await getTask(task11.id)).milestones[0].status).toBe('in_progress');
    const stale = await t.as(jxw).patch(`${base()}/progress/${created.body.id}`).send({ version: 1, narrative: '旧版本' }).expect(409);
    expect(stale.body.current.status).toBe('returned');
    const fixed = await t
      .as(jxw)
      .patch(`${base()}/progress/${created.body.id}`)
      .send({ version: returned.body.version, narrative: '已补充第3家，附认定文件' })
      .expect(200);
    expect(fixed.body.narrative).toBe('已补充第3家，附认定文件');
    await t.as(jxw).post(`${base()}/progress/${created.body.id}/submit`).expect(200);
    expect((await getTask(task11.id)).milestones[0].status).toBe('submitted');
  });

  it('editing the task text keeps its milestones and their history when the deadlines stay', async () => {
    const before = await getTask(task11.id);
    const current = (await t.as(office).get(`${base()}/tasks/${task11.id}`).expect(200)).body;
    const content = `${current.content}（文字修订）`;
    await t.as(office).patch(`${base()}/tasks/${task11.id}`).send({ content, version: current.version }).expect(200);
    const after = await getTask(task11.id);
    expect(after.milestones.map((m) => [m.id, m.status])).toEqual(before.milestones.map((m) => [m.id, m.status]));
  });

  it('a supporting unit adds a contribution that does not move the official status', async () => {
    // Task 4: led by 区生态环境局, supported by 区经济信息委.
    const tasks = (await t.http().get(`${base()}/tasks?limit=100`).expect(200)).body.items as Task[];
    const task4 = tasks.find((x) => x.seq === 4)!;
    const res = await t
      .as(jxw)
      .post(`${base()}/progress`)
      .send({ itemType: 'task', itemId: task4.id, state: 'done', narrative: '配合完成审查', submit: true })
      .expect(201);
    expect(res.body.role).toBe('support');
    const after = await getTask(task4.id);
    expect(after.milestones.length).toBeGreaterThan(0);
    expect(after.milestones.every((m) => m.status !== 'submitted')).toBe(true);
    // The lead unit sees the contribution on its item.
    const seen = await t.as(sthj).get(`${base()}/progress?itemType=task&itemId=${task4.id}`).expect(200);
    expect(seen.body.map((r: { id: number }) => r.id)).toContain(res.body.id);
  });

  it('suspending takes a milestone out of the overdue count until it is resumed', async () => {
    const milestoneId = task11.milestones[1].id;
    await t.as(office).post(`${base()}/milestones/${milestoneId}/suspend`).send({ reason: '政策调整，暂缓' }).expect(200);
    const later = await getTask(task11.id, '2026-03-01');
    expect(later.milestones[1]).toMatchObject({ status: 'suspended', overdue: false, light: 'grey' });
    await t.as(office).post(`${base()}/milestones/${milestoneId}/resume`).send({ reason: '恢复推进' }).expect(200);
    expect((await getTask(task11.id, '2026-03-01')).milestones[1]).toMatchObject({ overdue: true, light: 'red' });
  });
});

describe('published plans', () => {
  let t: TestApp;
  let plan: number;
  beforeAll(async () => {
    t = await startTestApp();
    plan = await planId(t, 'jiangjin');
  });
  const givenPublished = once(async () => {
    const office = await t.login('jiangjin-office', DEMO_PASSWORD);
    const current = (await t.as(office).get(`/api/v1/plans/${plan}`).expect(200)).body;
    await t.as(office).patch(`/api/v1/plans/${plan}`).send({ published: true, version: current.version }).expect(200);
  });
  afterAll(() => t.close());

  it('the four lists need a token until the office publishes the plan; progress always does', async () => {
    await t.anon().get(`/api/v1/plans/${plan}/tasks`).expect(401);
    await givenPublished();
    const tasks = await t.anon().get(`/api/v1/plans/${plan}/tasks`).expect(200);
    expect(tasks.body.total).toBe(82);
    await t.anon().get(`/api/v1/plans/${plan}/progress`).expect(401);
    const plans = await t.anon().get('/api/v1/plans').expect(200);
    expect(plans.body.map((p: { key: string }) => p.key)).toEqual(['jiangjin']);
  });

  it("the public sees a published plan's units without their contacts; a stale unit change is refused", async () => {
    await givenPublished();
    const office = await t.login('jiangjin-office', DEMO_PASSWORD);
    const units = (await t.as(office).get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as { id: number; name: string; version: number }[];
    const jxw = units.find((u) => u.name === '区经济信息委')!;
    await t
      .as(office)
      .patch(`/api/v1/plans/${plan}/units/${jxw.id}`)
      .send({ liaisonName: '王联络', liaisonPhone: '13800000000', version: jxw.version })
      .expect(200);
    const stale = await t.as(office).patch(`/api/v1/plans/${plan}/units/${jxw.id}`).send({ liaisonName: '李联络', version: jxw.version }).expect(409);
    expect(stale.body.current.liaisonName).toBe('王联络');
    const signedIn = (await t.as(office).get(`/api/v1/plans/${plan}/units/${jxw.id}`).expect(200)).body;
    expect(signedIn).toMatchObject({ liaisonName: '王联络', liaisonPhone: '13800000000' });
    const pub = (await t.anon().get(`/api/v1/plans/${plan}/units`).expect(200)).body.items.find((u: { id: number }) => u.id === jxw.id);
    expect(pub).toMatchObject({ name: '区经济信息委', liaisonName: null, liaisonPhone: null });
  });
});
