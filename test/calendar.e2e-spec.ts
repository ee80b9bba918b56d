import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/*
 * The workday calendar (工作日历) through the app: the official holidays, the days the office adds, who may change them,
 * and that the reminders follow a change at once.
 */

interface DayView {
  date: string;
  workday: boolean;
  kind: string;
  name: string;
  source: string;
}

interface CalendarYear {
  year: number;
  covered: boolean;
  days: DayView[];
}

describe('the workday calendar', () => {
  let t: TestApp;
  let plan: number;
  let office: string;
  let leader: string;
  let unit: string;

  const yearOf = async (token: string, year: number) => (await t.as(token).get('/api/v1/calendar').query({ year }).expect(200)).body as CalendarYear;
  const dayOf = async (token: string, date: string) => (await yearOf(token, Number(date.slice(0, 4)))).days.filter((d) => d.date === date);

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    plan = await planId(t, 'jiangjin');
    [office, leader, unit] = await Promise.all([t.login('jiangjin-office'), t.login('jiangjin-leader'), t.login('jiangjin-jxw')]);
  }, 60_000);

  afterAll(() => t.close());

  it('lets the office add a local holiday on an ordinary Tuesday, shown to everyone with source office', async () => {
    const added = await t.as(office).put('/api/v1/calendar/days/2026-11-24').send({ kind: 'holiday', name: '区庆' }).expect(200);
    expect(added.body).toEqual({ date: '2026-11-24', workday: false, kind: 'holiday', name: '区庆', source: 'office' });

    for (const reader of [office, leader, unit]) {
      expect(await dayOf(reader, '2026-11-24')).toEqual([{ date: '2026-11-24', workday: false, kind: 'holiday', name: '区庆', source: 'office' }]);
    }
    // The reminders of that day wait for the next workday.
    const preview = await t.as(office).get(`/api/v1/plans/${plan}/reminders/preview`).query({ date: '2026-11-24' }).expect(200);
    expect(preview.body).toMatchObject({ workday: false, messages: [] });

    await t.as(office).delete('/api/v1/calendar/days/2026-11-24').expect(204);
    expect(await dayOf(office, '2026-11-24')).toEqual([]);
    expect((await t.as(office).get(`/api/v1/plans/${plan}/reminders/preview`).query({ date: '2026-11-24' }).expect(200)).body.workday).toBe(true);
  });

  it('changes an office entry in place when the same date is set again', async () => {
    await t.as(office).put('/api/v1/calendar/days/2026-11-29').send({ kind: 'holiday', name: '临时' }).expect(200);
    const changed = await t.as(office).put('/api/v1/calendar/days/2026-11-29').send({ kind: 'workday', name: '区庆调休' }).expect(200);
    expect(changed.body).toEqual({ date: '2026-11-29', workday: true, kind: 'makeup_workday', name: '区庆调休', source: 'office' });
    expect(await dayOf(leader, '2026-11-29')).toEqual([changed.body]);
    await t.as(office).delete('/api/v1/calendar/days/2026-11-29').expect(204);
  });

  it('puts an office entry in place of the official one, and deleting it brings the official day back', async () => {
    expect(await dayOf(office, '2026-10-01')).toEqual([{ date: '2026-10-01', workday: false, kind: 'holiday', name: '国庆节', source: 'official' }]);
    await t.as(office).put('/api/v1/calendar/days/2026-10-01').send({ kind: 'workday', name: '防汛值班' }).expect(200);
    expect(await dayOf(office, '2026-10-01')).toEqual([{ date: '2026-10-01', workday: true, kind: 'workday', name: '防汛值班', source: 'office' }]);

    await t.as(office).delete('/api/v1/calendar/days/2026-10-01').expect(204);
    expect(await dayOf(office, '2026-10-01')).toEqual([{ date: '2026-10-01', workday: false, kind: 'holiday', name: '国庆节', source: 'official' }]);
  });

  it('refuses to delete a date the office never added, naming it', async () => {
    const res = await t.as(office).delete('/api/v1/calendar/days/2026-10-02').expect(404);
    expect(res.body.message).toContain('2026-10-02');
    expect(await dayOf(office, '2026-10-02')).toMatchObject([{ source: 'official', workday: false }]);
  });

  it('lets a leader and a unit read the calendar but not change it', async () => {
    await t.as(office).put('/api/v1/calendar/days/2026-12-07').send({ kind: 'holiday', name: '区庆' }).expect(200);
    for (const reader of [leader, unit]) {
      expect((await yearOf(reader, 2026)).covered).toBe(true);
      await t.as(reader).put('/api/v1/calendar/days/2026-12-08').send({ kind: 'holiday', name: '不行' }).expect(403);
      await t.as(reader).delete('/api/v1/calendar/days/2026-12-07').expect(403);
    }
    expect(await dayOf(office, '2026-12-08')).toEqual([]);
    expect(await dayOf(office, '2026-12-07')).toMatchObject([{ source: 'office', name: '区庆' }]);
    await t.anon().get('/api/v1/calendar').expect(401);
    await t.as(office).delete('/api/v1/calendar/days/2026-12-07').expect(204);
  });

  it('refuses a date that does not exist, naming it', async () => {
    for (const bad of ['2026-02-30', '2026-13-01', 'tomorrow']) {
      const res = await t.as(office).put(`/api/v1/calendar/days/${bad}`).send({ kind: 'holiday', name: '无' }).expect(400);
      expect(res.body.message).toContain(bad);
    }
    const res = await t.as(office).delete('/api/v1/calendar/days/2026-02-30').expect(400);
    expect(res.body.message).toContain('2026-02-30');
  });

  it('refuses an unknown kind and an empty or overlong name', async () => {
    const kind = await t.as(office).put('/api/v1/calendar/days/2026-12-08').send({ kind: 'vacation', name: '休假' }).expect(400);
    expect(kind.body.message).toContain('kind');
    const empty = await t.as(office).put('/api/v1/calendar/days/2026-12-08').send({ kind: 'holiday', name: '' }).expect(400);
    expect(empty.body.message).toContain('name');
    await t
      .as(office)
      .put('/api/v1/calendar/days/2026-12-08')
      .send({ kind: 'holiday', name: '长'.repeat(101) })
      .expect(400);
    await t.as(office).put('/api/v1/calendar/days/2026-12-08').send({ kind: 'holiday' }).expect(400);
    expect(await dayOf(office, '2026-12-08')).toEqual([]);
  });

  it("shows this year by default, the year in the service's time zone (Asia/Shanghai)", async () => {
    // 2026-12-31 16:30 UTC is already 2027-01-01 in Shanghai.
    t.clock.set('2026-12-31T16:30:00Z');
    // A day the office adds in 2027, so the year shown has at least one day whatever the holiday data knows of 2027.
    await t.as(office).put('/api/v1/calendar/days/2027-01-01').send({ kind: 'holiday', name: '元旦' }).expect(200);
    try {
      const res = (await t.as(leader).get('/api/v1/calendar').expect(200)).body as CalendarYear;
      expect(res.year).toBe(2027);
      expect(res.days.map((d) => d.date)).toContain('2027-01-01');
      expect(res.days.every((d) => d.date.startsWith('2027-'))).toBe(true);
    } finally {
      t.clock.set(null);
      await t.as(office).delete('/api/v1/calendar/days/2027-01-01').expect(204);
    }
  });

  it('says when the holiday data does not know a year, and lists it sorted once the office adds days', async () => {
    const empty = await yearOf(office, 2099);
    expect(empty).toEqual({ year: 2099, covered: false, days: [] });
    await t.as(office).put('/api/v1/calendar/days/2099-10-02').send({ kind: 'holiday', name: '国庆节' }).expect(200);
    await t.as(office).put('/api/v1/calendar/days/2099-10-01').send({ kind: 'holiday', name: '国庆节' }).expect(200);
    const filled = await yearOf(office, 2099);
    expect(filled.covered).toBe(true);
    expect(filled.days.map((d) => d.date)).toEqual(['2099-10-01', '2099-10-02']);
    await t.as(office).delete('/api/v1/calendar/days/2099-10-01').expect(204);
    await t.as(office).delete('/api/v1/calendar/days/2099-10-02').expect(204);
  });
});
