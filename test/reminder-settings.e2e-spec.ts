import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/** The office's side of reminders: unit contacts and robots, the rules and pauses (the calendar: calendar.e2e-spec.ts). */
describe('reminder settings, contacts and pauses', () => {
  let t: TestApp;
  let plan: number;
  let office: string;
  let jxw: number;
  const api = (path: string) => `/api/v1/plans/${plan}${path}`;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    plan = await planId(t, 'jiangjin');
    office = await t.login('jiangjin-office');
    const units = (await t.as(office).get(api('/units')).expect(200)).body.items as { id: number; name: string }[];
    jxw = units.find((u) => u.name === '区经济信息委')!.id;
  }, 60_000);

  afterAll(() => t.close());

  describe('unit contacts', () => {
    it('adds an email and a WeCom robot to a unit, shows the robot key shortened, edits with the version and deletes', async () => {
      const email = await t
        .as(office)
        .post(api(`/units/${jxw}/contacts`))
        .send({ role: 'leader', channel: 'email', name: '分管副区长', address: 'vice-mayor@example.org' })
        .expect(201);
      expect(email.body).toMatchObject({ role: 'leader', channel: 'email', address: 'vice-mayor@example.org', unitName: '区经济信息委' });
      const robot = await t
        .as(office)
        .post(api(`/units/${jxw}/contacts`))
        .send({ role: 'group', channel: 'wecom', address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' })
        .expect(201);
      expect(robot.body.address).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…');
      const listed = (
        await t
          .as(office)
          .get(api(`/units/${jxw}/contacts`))
          .expect(200)
      ).body as { id: number; address: string }[];
      expect(listed.map((c) => c.address)).toEqual(['vice-mayor@example.org', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…']);
      expect(JSON.stringify(listed)).not.toContain('7xxx');

      const edited = await t
        .as(office)
        .patch(api(`/units/${jxw}/contacts/${email.body.id}`))
        .send({ name: '分管领导', version: email.body.version })
        .expect(200);
      expect(edited.body.name).toBe('分管领导');
      const stale = await t
        .as(office)
        .patch(api(`/units/${jxw}/contacts/${email.body.id}`))
        .send({ name: '旧版本', version: email.body.version })
        .expect(409);
      expect(stale.body.current.name).toBe('分管领导');

      await t
        .as(office)
        .delete(api(`/units/${jxw}/contacts/${robot.body.id}`))
        .expect(204);
      const all = (await t.as(office).get(api('/contacts')).expect(200)).body as { id: number }[];
      expect(all.map((c) => c.id)).toEqual([email.body.id]);
    });

    it('refuses a bad email, a DingTalk URL given as WeCom, a robot URL without its key, and a duplicate, naming the value', async () => {
      const bad = await t
        .as(office)
        .post(api(`/units/${jxw}/contacts`))
        .send({ role: 'liaison', channel: 'email', address: 'wang@' })
        .expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'address', value: 'wang@' });
      expect(bad.body.message).toContain('wang@');
      const wrong = await t
        .as(office)
        .post(api(`/units/${jxw}/contacts`))
        .send({ role: 'group', channel: 'wecom', address: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123456' })
        .expect(400);
      expect(wrong.body.message).toContain('dingtalk');
      const keyless = await t
        .as(office)
        .post(api(`/units/${jxw}/contacts`))
        .send({ role: 'group', channel: 'dingtalk', address: 'https://oapi.dingtalk.com/robot/send' })
        .expect(400);
      expect(keyless.body.message).toContain('access_token');
      await t
        .as(office)
        .post(api(`/units/${jxw}/contacts`))
        .send({ role: 'head', channel: 'email', address: 'head2@example.org' })
        .expect(201);
      const twice = await t
        .as(office)
        .post(api(`/units/${jxw}/contacts`))
        .send({ role: 'head', channel: 'email', address: 'head2@example.org' })
        .expect(409);
      expect(twice.body.message).toContain('head2@example.org');
    });

    it('keeps contacts from other plans’ offices and from units', async () => {
      await t
        .as(await t.login('foshan-office'))
        .get(api(`/units/${jxw}/contacts`))
        .expect(403);
      await t
        .as(await t.login('jiangjin-jxw'))
        .get(api(`/units/${jxw}/contacts`))
        .expect(403);
    });
  });

  describe('reminder rules', () => {
    it('starts from the defaults and keeps what the office changes', async () => {
      const defaults = await t.as(office).get(api('/reminders/settings')).expect(200);
      expect(defaults.body).toMatchObject({
        isDefault: true,
        version: 0,
        beforeDays: [30, 7, 1],
        sendTime: '09:00',
        monthlyCallDay: 25,
        escalateAfterDays: 30,
        digestWeekday: 1,
      });
      const changed = await t
        .as(office)
        .put(api('/reminders/settings'))
        .send({ beforeDays: [3, 14], sendTime: '08:30', version: 0 })
        .expect(200);
      expect(changed.body).toMatchObject({ isDefault: false, beforeDays: [14, 3], sendTime: '08:30', monthlyCallDay: 25 });
      const stale = await t.as(office).put(api('/reminders/settings')).send({ sendTime: '10:00', version: 0 }).expect(409);
      expect(stale.body.code).toBe('CONFLICT');
      const again = await t.as(office).put(api('/reminders/settings')).send({ escalateAfterDays: 0, version: changed.body.version }).expect(200);
      expect(again.body).toMatchObject({ escalateAfterDays: 0, sendTime: '08:30' });
    });

    it('refuses an impossible time or weekday, naming the field', async () => {
      const time = await t.as(office).put(api('/reminders/settings')).send({ sendTime: '25:00' }).expect(400);
      expect(time.body.errors[0]).toMatchObject({ field: 'sendTime', value: '25:00' });
      const day = await t.as(office).put(api('/reminders/settings')).send({ digestWeekday: 8 }).expect(400);
      expect(day.body.errors[0].field).toBe('digestWeekday');
    });
  });

  describe('pausing an item', () => {
    it('pauses with a reason, refuses a second pause, and resumes', async () => {
      const task = (await t.as(office).get(api('/tasks')).query({ limit: 1 }).expect(200)).body.items[0];
      const paused = await t.as(office).post(api('/reminders/pauses')).send({ itemType: 'task', itemId: task.id, reason: '待区政府调整' }).expect(201);
      expect(paused.body).toMatchObject({ itemType: 'task', itemId: task.id, reason: '待区政府调整' });
      const twice = await t.as(office).post(api('/reminders/pauses')).send({ itemType: 'task', itemId: task.id, reason: '再次暂停' }).expect(409);
      expect(twice.body.message).toContain('待区政府调整');
      await t
        .as(office)
        .delete(api(`/reminders/pauses/${paused.body.id}`))
        .expect(204);
      expect((await t.as(office).get(api('/reminders/pauses')).expect(200)).body).toEqual([]);
      const missing = await t.as(office).post(api('/reminders/pauses')).send({ itemType: 'task', itemId: 999999, reason: '不存在' }).expect(404);
      expect(missing.body.message).toContain('999999');
    });
  });
});
