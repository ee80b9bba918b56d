import { DataSource } from 'typeorm';
import { Milestone } from '../src/deadlines/milestone.entity.js';
import { StatusEvent } from '../src/status/status-event.entity.js';
import { once } from './helpers/once.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

interface MilestoneView {
  id: number;
  dueDate: string | null;
  baselineDate: string | null;
}

describe('supervision notices, deadline extensions and unit contacts', () => {
  let t: TestApp;
  let jiangjin: number;
  let task11: number;
  let firstMilestone: number;
  let tokens: Record<'office' | 'jxw' | 'sthj' | 'leader' | 'park', string>;
  const api = (path: string) => `/api/v1/plans/${jiangjin}${path}`;

  const unitId = async (name: string): Promise<number> => {
    const res = await t.http().get(api('/units')).expect(200);
    const unit = (res.body.items as { id: number; name: string }[]).find((u) => u.name === name);
    if (!unit) throw new Error(`unit ${name} not found`);
    return unit.id;
  };
  const milestonesOf11 = async (): Promise<MilestoneView[]> =>
    (
      await t
        .as(tokens.office)
        .get(api(`/tasks/${task11}`))
        .expect(200)
    ).body.milestones;
  const milestoneRow = (id: number) => t.app.get(DataSource).getRepository(Milestone).findOneByOrFail({ id });

  beforeAll(async () => {
    // Sign-ins are dated by the frozen clock, which these tests move forward by days.
    t = await startTestApp({ SESSION_HOURS: '720' });
    jiangjin = await planId(t, 'jiangjin');
    t.clock.set('2023-12-20T10:00:00+08:00');
    const tasks = await t.http().get(api('/tasks?limit=100')).expect(200);
    task11 = (tasks.body.items as { id: number; seq: number }[]).find((i) => i.seq === 11)!.id;
    // A user of the supporting unit of task 11, to show that supporting units may not ask for extensions.
    await t
      .http()
      .post('/api/v1/users')
      .send({ username: 'jiangjin-park', password: 'park-password-1', role: 'unit', planId: jiangjin, unitId: await unitId('各工业园区发展中心') })
      .expect(201);
    tokens = {
      office: await t.login('jiangjin-office'),
      jxw: await t.login('jiangjin-jxw'),
      sthj: await t.login('jiangjin-sthj'),
      leader: await t.login('jiangjin-leader'),
      park: await t.login('jiangjin-park', 'park-password-1'),
    };
    firstMilestone = (await milestonesOf11()).find((m) => m.dueDate === '2023-12-31')!.id;
  });
  afterAll(() => t.close());

  describe('supervision notices (督办)', () => {
    let noticeId: number;
    const givenNotice = once(async () => {
      // 2023-12-20T17:00Z is already 2023-12-21 in Asia/Shanghai.
      t.clock.set('2023-12-20T17:00:00Z');
      const res = await t
        .as(tokens.office)
        .post(api('/notices'))
        .send({ itemType: 'task', itemId: task11, content: '请说明绿色工厂创建进度', answerBy: '2023-12-28' })
        .expect(201);
      noticeId = res.body.id;
      return res;
    });
    const givenAnswered = once(async () => {
      await givenNotice();
      t.clock.set('2023-12-22T09:00:00+08:00');
      return t
        .as(tokens.jxw)
        .post(api(`/notices/${noticeId}/answer`))
        .send({ answer: '已完成2家，第3家正在评审' })
        .expect(200);
    });

    it('the office issues a notice on task 11, addressed by default to its lead unit and dated in the plan time zone', async () => {
      const res = await givenNotice();
      expect(res.body).toMatchObject({
        itemType: 'task',
        itemId: task11,
        unit: { name: '区经济信息委' },
        status: 'open',
        issuedDate: '2023-12-21',
        answerBy: '2023-12-28',
        answer: null,
      });
    });

    it('a leader reads notices but cannot issue one', async () => {
      await givenNotice();
      await t.as(tokens.leader).post(api('/notices')).send({ itemType: 'task', itemId: task11, content: '领导督办' }).expect(403);
      const list = await t.as(tokens.leader).get(api('/notices')).expect(200);
      expect(list.body.items.map((n: { id: number }) => n.id)).toContain(noticeId);
      await t
        .as(tokens.leader)
        .get(api(`/notices/${noticeId}`))
        .expect(200);
    });

    it('refuses to address a notice to a unit that does not hold the item, naming unitId', async () => {
      const res = await t
        .as(tokens.office)
        .post(api('/notices'))
        .send({ itemType: 'task', itemId: task11, unitId: await unitId('区生态环境局'), content: '督办' })
        .expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'unitId' });
    });

    it('the addressed unit sees the notice; another unit neither sees nor answers it', async () => {
      await givenNotice();
      const mine = await t.as(tokens.jxw).get(api('/notices')).expect(200);
      expect(mine.body.items.map((n: { id: number }) => n.id)).toContain(noticeId);
      await t
        .as(tokens.jxw)
        .get(api(`/notices/${noticeId}`))
        .expect(200);

      const theirs = await t.as(tokens.sthj).get(api('/notices')).expect(200);
      expect(theirs.body.items).toEqual([]);
      await t
        .as(tokens.sthj)
        .get(api(`/notices/${noticeId}`))
        .expect(404);
      await t
        .as(tokens.sthj)
        .post(api(`/notices/${noticeId}/answer`))
        .send({ answer: '不是我们的' })
        .expect(404);
      await t
        .as(tokens.office)
        .post(api(`/notices/${noticeId}/answer`))
        .send({ answer: '代答' })
        .expect(403);
    });

    it('the addressed unit answers once; a second answer is a conflict', async () => {
      const res = await givenAnswered();
      expect(res.body).toMatchObject({ status: 'answered', answer: '已完成2家，第3家正在评审', answeredDate: '2023-12-22' });
      await t
        .as(tokens.jxw)
        .post(api(`/notices/${noticeId}/answer`))
        .send({ answer: '再答一次' })
        .expect(409);
    });

    it('filters notices by status and item', async () => {
      await givenAnswered();
      const answered = await t
        .as(tokens.office)
        .get(api(`/notices?status=answered&itemType=task&itemId=${task11}`))
        .expect(200);
      expect(answered.body.items.map((n: { id: number }) => n.id)).toEqual([noticeId]);
      const open = await t
        .as(tokens.office)
        .get(api(`/notices?status=open&itemId=${task11}`))
        .expect(200);
      expect(open.body.items).toEqual([]);
    });
  });

  describe('deadline extensions (延期申请)', () => {
    let extensionId: number;
    const givenExtension = once(async () => {
      const res = await t
        .as(tokens.jxw)
        .post(api('/extensions'))
        .send({ milestoneId: firstMilestone, requestedDueDate: '2024-06-30', reason: '第三方评价推迟' })
        .expect(201);
      extensionId = res.body.id;
      return res;
    });
    const givenApproved = once(async () => {
      await givenExtension();
      t.clock.set('2023-12-25T10:00:00+08:00');
      return t
        .as(tokens.office)
        .post(api(`/extensions/${extensionId}/approve`))
        .send({ comment: '同意' })
        .expect(200);
    });
    const givenSecondApproved = once(async () => {
      await givenApproved();
      const second = await t
        .as(tokens.jxw)
        .post(api('/extensions'))
        .send({ milestoneId: firstMilestone, requestedDueDate: '2024-12-31', reason: '评审仍未完成' })
        .expect(201);
      await t
        .as(tokens.office)
        .post(api(`/extensions/${second.body.id}/approve`))
        .send({})
        .expect(200);
      return second;
    });

    it('only the lead unit may ask: a supporting unit is refused with a clear message', async () => {
      const res = await t
        .as(tokens.park)
        .post(api('/extensions'))
        .send({ milestoneId: firstMilestone, requestedDueDate: '2024-06-30', reason: '园区申报推迟' })
        .expect(403);
      expect(res.body.message).toContain('只有牵头单位可以申请延期');
      await t.as(tokens.sthj).post(api('/extensions')).send({ milestoneId: firstMilestone, requestedDueDate: '2024-06-30', reason: '不是我们的' }).expect(403);
    });

    it('the lead unit asks to move the 2023-12-31 milestone to 2024-06-30', async () => {
      const res = await givenExtension();
      expect(res.body).toMatchObject({
        milestoneId: firstMilestone,
        itemType: 'task',
        itemId: task11,
        unit: { name: '区经济信息委' },
        currentDueDate: '2023-12-31',
        requestedDueDate: '2024-06-30',
        status: 'pending',
      });
    });

    it('refuses a date not after the current due date, naming requestedDueDate, and a second pending request', async () => {
      await givenExtension();
      const early = await t
        .as(tokens.jxw)
        .post(api('/extensions'))
        .send({ milestoneId: firstMilestone, requestedDueDate: '2023-11-30', reason: '提前' })
        .expect(400);
      expect(early.body.errors[0]).toMatchObject({ field: 'requestedDueDate', value: '2023-11-30' });
      const again = await t
        .as(tokens.jxw)
        .post(api('/extensions'))
        .send({ milestoneId: firstMilestone, requestedDueDate: '2024-09-30', reason: '再申请' })
        .expect(409);
      expect(again.body.message).toContain('待审批');
    });

    it('shows requests to the office, the leader and the requesting unit only', async () => {
      await givenExtension();
      for (const who of ['office', 'leader', 'jxw'] as const) {
        const res = await t.as(tokens[who]).get(api('/extensions?status=pending')).expect(200);
        expect(res.body.items.map((r: { id: number }) => r.id)).toEqual([extensionId]);
      }
      expect((await t.as(tokens.sthj).get(api('/extensions')).expect(200)).body.items).toEqual([]);
      await t
        .as(tokens.sthj)
        .get(api(`/extensions/${extensionId}`))
        .expect(404);
    });

    it('only the office decides', async () => {
      await givenExtension();
      await t
        .as(tokens.leader)
        .post(api(`/extensions/${extensionId}/approve`))
        .send({})
        .expect(403);
      await t
        .as(tokens.jxw)
        .post(api(`/extensions/${extensionId}/approve`))
        .send({})
        .expect(403);
    });

    it('approval moves the due date, keeps the old one as baseline and records a due_changed event', async () => {
      const res = await givenApproved();
      expect(res.body).toMatchObject({ status: 'approved', decisionComment: '同意', decidedDate: '2023-12-25' });
      expect(res.body.milestone).toMatchObject({ id: firstMilestone, dueDate: '2024-06-30', baselineDate: '2023-12-31' });

      const view = (await milestonesOf11()).find((m) => m.id === firstMilestone)!;
      expect(view).toMatchObject({ dueDate: '2024-06-30', baselineDate: '2023-12-31' });
      expect((await milestoneRow(firstMilestone)).baselineDate).toBe('2023-12-31');

      const events = await t.app.get(DataSource).getRepository(StatusEvent).findBy({ milestoneId: firstMilestone, kind: 'due_changed' });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        planId: jiangjin,
        itemType: 'task',
        itemId: task11,
        date: '2023-12-25',
        fromDate: '2023-12-31',
        toDate: '2024-06-30',
        reason: '第三方评价推迟',
      });
      await t
        .as(tokens.office)
        .post(api(`/extensions/${extensionId}/approve`))
        .send({})
        .expect(409);
      await t
        .as(tokens.office)
        .post(api(`/extensions/${extensionId}/refuse`))
        .send({ comment: '撤回' })
        .expect(409);
    });

    it('a second approved extension moves the due date again but keeps the first baseline', async () => {
      const second = await givenSecondApproved();
      expect(second.body.currentDueDate).toBe('2024-06-30');
      expect(await milestoneRow(firstMilestone)).toMatchObject({ dueDate: '2024-12-31', baselineDate: '2023-12-31' });
      expect((await milestonesOf11()).find((m) => m.id === firstMilestone)).toMatchObject({ dueDate: '2024-12-31', baselineDate: '2023-12-31' });
    });

    it('a refusal needs a comment and leaves the due date alone', async () => {
      await givenSecondApproved();
      const third = await t
        .as(tokens.jxw)
        .post(api('/extensions'))
        .send({ milestoneId: firstMilestone, requestedDueDate: '2025-06-30', reason: '再延期' })
        .expect(201);
      const bare = await t
        .as(tokens.office)
        .post(api(`/extensions/${third.body.id}/refuse`))
        .send({})
        .expect(400);
      expect(bare.body.errors[0]).toMatchObject({ field: 'comment' });
      const res = await t
        .as(tokens.office)
        .post(api(`/extensions/${third.body.id}/refuse`))
        .send({ comment: '理由不充分' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'refused', decisionComment: '理由不充分' });
      expect(await milestoneRow(firstMilestone)).toMatchObject({ dueDate: '2024-12-31', baselineDate: '2023-12-31' });
      const refused = await t.as(tokens.jxw).get(api('/extensions?status=refused')).expect(200);
      expect(refused.body.items.map((r: { id: number }) => r.id)).toEqual([third.body.id]);
    });

    it("the office's own date change on an extended milestone keeps the baseline and counts from that day", async () => {
      await givenSecondApproved();
      const before = (await milestonesOf11()).find((m) => m.id === firstMilestone)!;
      const row = await milestoneRow(firstMilestone);
      await t
        .as(tokens.office)
        .patch(api(`/milestones/${firstMilestone}`))
        .send({ dueDate: '2024-09-30', note: '领导批示调整', version: row.version })
        .expect(200);
      const after = (await milestonesOf11()).find((m) => m.id === firstMilestone)!;
      expect(after).toMatchObject({ dueDate: '2024-09-30', baselineDate: '2023-12-31' });
      expect(before.dueDate).toBe('2024-12-31');
    });
  });

  describe('unit contacts (联络员 / 负责人)', () => {
    it('the office sets a unit liaison and reads it back', async () => {
      const id = await unitId('区经济信息委');
      const before = await t
        .as(tokens.office)
        .get(api(`/units/${id}`))
        .expect(200);
      const res = await t
        .as(tokens.office)
        .patch(api(`/units/${id}`))
        .send({ liaisonName: '王联络', liaisonPhone: '023-4752 1234 转 8001', liaisonEmail: 'jxw@example.gov.cn', version: before.body.version })
        .expect(200);
      expect(res.body).toMatchObject({ liaisonName: '王联络', liaisonPhone: '023-4752 1234 转 8001', liaisonEmail: 'jxw@example.gov.cn' });
      const read = await t
        .as(tokens.office)
        .get(api(`/units/${id}`))
        .expect(200);
      expect(read.body).toMatchObject({
        liaisonName: '王联络',
        liaisonPhone: '023-4752 1234 转 8001',
        liaisonEmail: 'jxw@example.gov.cn',
        headName: before.body.headName,
      });

      const cleared = await t
        .as(tokens.office)
        .patch(api(`/units/${id}`))
        .send({ liaisonPhone: null, version: read.body.version })
        .expect(200);
      expect(cleared.body).toMatchObject({ liaisonName: '王联络', liaisonPhone: null });
    });

    it('refuses a malformed email and an over-long phone, naming the field', async () => {
      const id = await unitId('区经济信息委');
      const { version } = (
        await t
          .as(tokens.office)
          .get(api(`/units/${id}`))
          .expect(200)
      ).body;
      const email = await t
        .as(tokens.office)
        .patch(api(`/units/${id}`))
        .send({ liaisonEmail: 'not-an-email', version })
        .expect(400);
      expect(email.body.errors[0]).toMatchObject({ field: 'liaisonEmail', value: 'not-an-email' });
      const phone = await t
        .as(tokens.office)
        .patch(api(`/units/${id}`))
        .send({ headPhone: '1'.repeat(51), version })
        .expect(400);
      expect(phone.body.errors[0]).toMatchObject({ field: 'headPhone' });
    });

    it('takes contacts when a unit is created', async () => {
      const res = await t
        .as(tokens.office)
        .post(api('/units'))
        .send({ name: '区测试局', headName: '赵局长', headPhone: '13800000000', headEmail: 'head@example.gov.cn' })
        .expect(201);
      expect(res.body).toMatchObject({ headName: '赵局长', headPhone: '13800000000', headEmail: 'head@example.gov.cn', liaisonName: null });
    });
  });
});
