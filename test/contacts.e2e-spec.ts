import { DataSource } from 'typeorm';
import { createApp } from '../src/app.js';
import { User } from '../src/auth/user.entity.js';
import { once } from './helpers/once.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/*
 * Unit contacts beside the unit's own liaison and head, and the demo contacts of the seed plans.
 * The office's everyday flow (add an email and a robot, list with the key shortened, edit, stale 409, delete,
 * a bad email, a duplicate, other callers refused) is in reminder-settings.e2e-spec.ts; this file covers the rest.
 */

interface Unit {
  id: number;
  name: string;
  kind: string;
  version: number;
  liaisonName: string | null;
  liaisonEmail: string | null;
  headName: string | null;
  headEmail: string | null;
}

const SLOW = 60_000;

describe('demo contacts of the seed plans', () => {
  let t: TestApp;
  let plan: number;
  let units: Unit[];

  beforeAll(async () => {
    t = await startTestApp();
    plan = await planId(t, 'jiangjin');
    units = (await t.http().get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as Unit[];
  }, SLOW);

  afterAll(() => t.close());

  it('gives every Jiangjin bureau and company a demo liaison and head at example.org, and group names none', () => {
    const jxw = units.find((u) => u.name === '区经济信息委')!;
    expect(jxw).toMatchObject({
      liaisonName: '区经济信息委联络员（演示）',
      liaisonEmail: `jiangjin-u${jxw.id}-liaison@example.org`,
      headName: '区经济信息委负责人（演示）',
      headEmail: `jiangjin-u${jxw.id}-head@example.org`,
    });
    const real = units.filter((u) => u.kind !== 'group');
    expect(real.length).toBeGreaterThan(10);
    expect(real.every((u) => u.liaisonEmail === `jiangjin-u${u.id}-liaison@example.org` && u.headEmail === `jiangjin-u${u.id}-head@example.org`)).toBe(true);
    const groups = units.filter((u) => u.kind === 'group');
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((u) => u.liaisonEmail === null && u.headEmail === null)).toBe(true);
  });

  it('gives each demo user an example.org address', async () => {
    const users = (await t.http().get('/api/v1/users').expect(200)).body as { username: string; email: string | null }[];
    expect(users.find((u) => u.username === 'jiangjin-leader')?.email).toBe('jiangjin-leader@example.org');
    expect(users.find((u) => u.username === 'foshan-office')?.email).toBe('foshan-office@example.org');
  });

  it(
    'keeps on a restart what the office set, and gives an older demo user without an email its address',
    async () => {
      const jxw = units.find((u) => u.name === '区经济信息委')!;
      await t
        .http()
        .patch(`/api/v1/plans/${plan}/units/${jxw.id}`)
        .send({ liaisonName: '王联络', liaisonEmail: 'jxw@example.gov.cn', version: jxw.version })
        .expect(200);
      await t.app.get(DataSource).getRepository(User).update({ username: 'jiangjin-leader' }, { email: null });

      const second = await createApp(t.config, { logger: false, docsUi: false });
      await second.init();
      await second.close();

      const after = (await t.http().get(`/api/v1/plans/${plan}/units/${jxw.id}`).expect(200)).body as Unit;
      expect(after).toMatchObject({ liaisonName: '王联络', liaisonEmail: 'jxw@example.gov.cn', headEmail: `jiangjin-u${jxw.id}-head@example.org` });
      const users = (await t.http().get('/api/v1/users').expect(200)).body as { username: string; email: string | null }[];
      expect(users.find((u) => u.username === 'jiangjin-leader')?.email).toBe('jiangjin-leader@example.org');
    },
    SLOW,
  );
});

describe('no demo contacts without the demo users', () => {
  it(
    'leaves the seed units without liaison and head when DEMO_USERS is false',
    async () => {
      const t = await startTestApp({ DEMO_USERS: 'false' });
      try {
        const plan = await planId(t, 'jiangjin');
        const units = (await t.http().get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as Unit[];
        expect(units.length).toBeGreaterThan(10);
        expect(units.every((u) => u.liaisonEmail === null && u.headEmail === null)).toBe(true);
      } finally {
        await t.close();
      }
    },
    SLOW,
  );
});

describe('unit contacts: the rules the office meets less often', () => {
  let t: TestApp;
  let plan: number;
  let office: string;
  let jxw: number;
  let foshanUnit: number;
  const api = (path: string) => `/api/v1/plans/${plan}${path}`;
  const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=5f3c2a19-secret-part';

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    plan = await planId(t, 'jiangjin');
    office = await t.login('jiangjin-office');
    const units = (await t.as(office).get(api('/units')).expect(200)).body.items as Unit[];
    jxw = units.find((u) => u.name === '区经济信息委')!.id;
    const foshan = await planId(t, 'foshan');
    foshanUnit = ((await t.http().get(`/api/v1/plans/${foshan}/units`).expect(200)).body.items as Unit[])[0].id;
  }, SLOW);

  afterAll(() => t.close());

  /** A WeCom robot of 区经济信息委, added the first time a case needs one. */
  const givenRobot = once(() =>
    t
      .as(office)
      .post(api(`/units/${jxw}/contacts`))
      .send({ role: 'group', channel: 'wecom', name: '经信委工作群', address: WECOM })
      .expect(201),
  );

  it('refuses a WeCom robot address given as DingTalk, naming the right channel', async () => {
    const res = await t
      .as(office)
      .post(api(`/units/${jxw}/contacts`))
      .send({ role: 'group', channel: 'dingtalk', address: WECOM })
      .expect(400);
    expect(res.body.message).toContain('wecom');
    expect(res.body.errors[0].field).toBe('address');
    expect(JSON.stringify(res.body)).not.toContain('secret-part');
  });

  it('refuses a robot on a loopback address (never an inside address), and a role outside the four naming the field', async () => {
    const inside = await t
      .as(office)
      .post(api(`/units/${jxw}/contacts`))
      .send({ role: 'group', channel: 'dingtalk', address: 'https://127.0.0.1:9/robot' })
      .expect(400);
    expect(inside.body.errors[0]).toMatchObject({ field: 'address', message: '“127.0.0.1”是本机环回地址，不能作为群机器人地址' });
    const role = await t
      .as(office)
      .post(api(`/units/${jxw}/contacts`))
      .send({ role: 'boss', channel: 'email', address: 'boss@example.org' })
      .expect(400);
    expect(role.body.errors[0].field).toBe('role');
  });

  it('never shows the robot key, not even in the current row of a stale-version 409', async () => {
    const robot = await givenRobot();
    await t
      .as(office)
      .patch(api(`/units/${jxw}/contacts/${robot.body.id}`))
      .send({ name: '经信委群', version: robot.body.version })
      .expect(200);
    const stale = await t
      .as(office)
      .patch(api(`/units/${jxw}/contacts/${robot.body.id}`))
      .send({ name: '旧名', version: robot.body.version })
      .expect(409);
    expect(stale.body.current).toMatchObject({ name: '经信委群', address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=5f3c…' });
    const all = await t.as(office).get(api('/contacts')).query({ unitId: jxw }).expect(200);
    expect(JSON.stringify([robot.body, stale.body, all.body])).not.toContain('secret-part');
  });

  it('checks the address again when a change moves a robot to email', async () => {
    await givenRobot();
    const list = (
      await t
        .as(office)
        .get(api(`/units/${jxw}/contacts`))
        .expect(200)
    ).body as { id: number; channel: string; version: number }[];
    const robot = list.find((c) => c.channel === 'wecom')!;
    const res = await t
      .as(office)
      .patch(api(`/units/${jxw}/contacts/${robot.id}`))
      .send({ channel: 'email', version: robot.version })
      .expect(400);
    expect(res.body.errors[0].field).toBe('address');
  });

  it('treats a unit of another plan as not found', async () => {
    const res = await t
      .as(office)
      .get(api(`/units/${foshanUnit}/contacts`))
      .expect(404);
    expect(res.body.message).toContain(String(foshanUnit));
    await t
      .as(office)
      .post(api(`/units/${foshanUnit}/contacts`))
      .send({ role: 'liaison', channel: 'email', address: 'x@example.org' })
      .expect(404);
    expect((await t.as(office).get(api('/contacts')).query({ unitId: foshanUnit }).expect(200)).body).toEqual([]);
  });

  it('lets neither the leader nor a unit add a contact', async () => {
    const body = { role: 'liaison', channel: 'email', address: 'someone@example.org' };
    await t
      .as(await t.login('jiangjin-leader'))
      .post(api(`/units/${jxw}/contacts`))
      .send(body)
      .expect(403);
    await t
      .as(await t.login('jiangjin-jxw'))
      .post(api(`/units/${jxw}/contacts`))
      .send(body)
      .expect(403);
  });
});
