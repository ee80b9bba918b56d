import type { LoggerService } from '@nestjs/common';
import { DEMO_PASSWORD, planId, startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

/** Keeps every line the service logs, to prove no secret is ever written there. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (...parts: unknown[]) => void this.lines.push(parts.map((p) => (p instanceof Error ? `${p.message} ${p.stack}` : String(p))).join(' '));
  log = this.keep;
  warn = this.keep;
  error = this.keep;
  debug = this.keep;
  verbose = this.keep;
}

describe('sign-in, tokens and accounts', () => {
  const logger = new CapturingLogger();
  let t: TestApp;
  let jiangjin: number;
  let foshan: number;
  const secrets: string[] = [TEST_ADMIN.password, DEMO_PASSWORD];

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', SESSION_HOURS: '12' }, logger);
    jiangjin = await planId(t, 'jiangjin');
    foshan = await planId(t, 'foshan');
  });
  afterAll(() => t.close());

  it('a demo user signs in and gets a bearer token that expires after SESSION_HOURS', async () => {
    t.clock.set('2024-03-01T09:00:00+08:00');
    const res = await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-jxw', password: DEMO_PASSWORD }).expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresAt: '2024-03-01T13:00:00.000Z',
      user: { username: 'jiangjin-jxw', role: 'unit', planId: jiangjin },
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    secrets.push(res.body.token);
    const me = await t.as(res.body.token).get('/api/v1/auth/me').expect(200);
    expect(me.body).toMatchObject({ username: 'jiangjin-jxw', displayName: '区经济信息委联络员（演示）' });
    t.clock.set('2024-03-01T20:59:59+08:00');
    await t.as(res.body.token).get('/api/v1/auth/me').expect(200);
    t.clock.set('2024-03-01T21:00:00+08:00');
    const expired = await t.as(res.body.token).get('/api/v1/auth/me').expect(401);
    expect(expired.body.message).toContain('重新登录');
  });

  it('a wrong password and an unknown user get the same answer', async () => {
    const wrong = await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-leader', password: 'not-the-password' }).expect(401);
    const unknown = await t.anon().post('/api/v1/auth/login').send({ username: 'nobody', password: 'not-the-password' }).expect(401);
    expect(wrong.body.message).toBe('用户名或密码错误');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('after LOGIN_MAX_FAILURES failures the name is held back (429) even with the right password, then released after 15 minutes', async () => {
    t.clock.set('2024-03-02T09:00:00+08:00');
    for (let i = 0; i < 3; i++)
      await t
        .anon()
        .post('/api/v1/auth/login')
        .send({ username: 'jiangjin-fgw', password: `guess-${i}` })
        .expect(401);
    const held = await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-fgw', password: DEMO_PASSWORD }).expect(429);
    expect(held.body.message).toContain('登录失败次数过多');
    expect(held.body.retryAfterSeconds).toBeGreaterThan(0);
    await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-office', password: DEMO_PASSWORD }).expect(200);
    t.clock.set('2024-03-02T09:15:01+08:00');
    await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-fgw', password: DEMO_PASSWORD }).expect(200);
  });

  it('requests without a token get 401, with a malformed header too; health and login need none', async () => {
    await t.anon().get(`/api/v1/plans/${jiangjin}/tasks`).expect(401);
    const bad = await t.anon().get(`/api/v1/plans/${jiangjin}/tasks`).set('Authorization', 'Token abc').expect(401);
    expect(bad.body.message).toContain('Bearer');
    await t.anon().get(`/api/v1/plans/${jiangjin}/tasks`).set('Authorization', 'Bearer qd_forged').expect(401);
    await t.anon().get('/api/v1/health').expect(200);
    await t.anon().get('/api/docs-json').expect(200);
  });

  it('logging out ends that token only', async () => {
    const a = await t.login('jiangjin-leader');
    const b = await t.login('jiangjin-leader');
    await t.as(a).post('/api/v1/auth/logout').expect(204);
    await t.as(a).get('/api/v1/auth/me').expect(401);
    await t.as(b).get('/api/v1/auth/me').expect(200);
  });

  it('an API token for an integration is shown once, works until revoked, and never appears in listings', async () => {
    const office = await t.login('jiangjin-office');
    const created = await t.as(office).post('/api/v1/auth/tokens').send({ name: '区数据中心对接' }).expect(201);
    const token: string = created.body.token;
    secrets.push(token);
    expect(token).toMatch(/^qd_/);
    expect(created.body).toMatchObject({ kind: 'api', name: '区数据中心对接', expiresAt: null, prefix: token.slice(0, 10) });
    await t.as(token).get(`/api/v1/plans/${jiangjin}/tasks?limit=1`).expect(200);
    const listed = await t.as(office).get('/api/v1/auth/tokens').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body.map((x: { name: string }) => x.name)).toContain('区数据中心对接');
    // Another office cannot revoke it.
    const other = await t.login('foshan-office');
    await t.as(other).delete(`/api/v1/auth/tokens/${created.body.id}`).expect(404);
    await t.as(office).delete(`/api/v1/auth/tokens/${created.body.id}`).expect(204);
    await t.as(token).get(`/api/v1/plans/${jiangjin}/tasks?limit=1`).expect(401);
    await t.as(office).post('/api/v1/auth/tokens').send({ name: '过期', expiresAt: '2000-01-01T00:00:00Z' }).expect(400);
  });

  it('the office manages unit and leader accounts of its own plan only', async () => {
    const office = await t.login('jiangjin-office');
    const units = (await t.as(office).get(`/api/v1/plans/${jiangjin}/units`).expect(200)).body.items as { id: number; name: string }[];
    const jtj = units.find((u) => u.name === '区交通局')!;
    const created = await t
      .as(office)
      .post('/api/v1/users')
      .send({ username: 'jiangjin-jtj', password: 'jtj-password-1', role: 'unit', unitId: jtj.id, displayName: '区交通局联络员' })
      .expect(201);
    secrets.push('jtj-password-1');
    expect(created.body).toMatchObject({ role: 'unit', unitId: jtj.id, planId: jiangjin, active: true });
    expect(created.body).not.toHaveProperty('passwordHash');
    await t.as(office).post('/api/v1/users').send({ username: 'rogue-admin', password: 'rogue-password', role: 'admin' }).expect(403);
    await t.as(office).post('/api/v1/users').send({ username: 'foshan-x', password: 'foshan-password', role: 'leader', planId: foshan }).expect(403);
    await t.as(office).post('/api/v1/users').send({ username: 'no-unit', password: 'no-unit-password', role: 'unit' }).expect(400);
    const dup = await t.as(office).post('/api/v1/users').send({ username: 'JIANGJIN-JTJ', password: 'jtj-password-2', role: 'leader' }).expect(400);
    expect(dup.body.errors[0]).toMatchObject({ field: 'username', message: '用户名已存在' });
    const list = await t.as(office).get('/api/v1/users').expect(200);
    expect(list.body.map((u: { username: string }) => u.username)).toContain('jiangjin-jtj');
    expect(list.body.every((u: { planId: number; role: string }) => u.planId === jiangjin && ['unit', 'leader'].includes(u.role))).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain('passwordHash');

    const jtjToken = await t.login('jiangjin-jtj', 'jtj-password-1');
    await t.as(jtjToken).get('/api/v1/auth/me').expect(200);
    await t.as(office).patch(`/api/v1/users/${created.body.id}`).send({ active: false, version: created.body.version }).expect(200);
    await t.as(jtjToken).get('/api/v1/auth/me').expect(401);
    await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-jtj', password: 'jtj-password-1' }).expect(401);
  });

  it('changing the password ends the other sessions and needs the current password', async () => {
    const first = await t.login('jiangjin-sthj');
    const second = await t.login('jiangjin-sthj');
    await t.as(first).post('/api/v1/auth/password').send({ currentPassword: 'wrong-password', newPassword: 'sthj-new-password' }).expect(401);
    await t.as(first).post('/api/v1/auth/password').send({ currentPassword: DEMO_PASSWORD, newPassword: 'sthj-new-password' }).expect(204);
    secrets.push('sthj-new-password');
    await t.as(second).get('/api/v1/auth/me').expect(401);
    await t.as(first).get('/api/v1/auth/me').expect(200);
    await t.login('jiangjin-sthj', 'sthj-new-password');
  });

  it('a too-short password is refused without echoing it back', async () => {
    const office = await t.login('jiangjin-office');
    const res = await t.as(office).post('/api/v1/users').send({ username: 'short-pw', password: 'abc', role: 'leader' }).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'password', value: '[已隐藏]' });
    expect(JSON.stringify(res.body)).not.toContain('"abc"');
  });

  it('no password or token ever appears in the service log', async () => {
    // Its own failed sign-in, session and API token, so the log has them to keep out even when this case runs alone.
    const tried = 'probe-wrong-password-9';
    secrets.push(tried);
    await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-leader', password: tried }).expect(401);
    const office = await t.login('jiangjin-office');
    secrets.push(office);
    const api = await t.as(office).post('/api/v1/auth/tokens').send({ name: '日志检查' }).expect(201);
    secrets.push(api.body.token);
    await t.as(api.body.token).get(`/api/v1/plans/${jiangjin}/tasks?limit=1`).expect(200);
    const log = logger.lines.join('\n');
    expect(log).toContain('Failed login');
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/qd_[A-Za-z0-9_-]{43}/);
  });
});

describe('the first admin', () => {
  it('comes from ADMIN_USERNAME/ADMIN_PASSWORD on first start and is not created twice', async () => {
    const t = await startTestApp({ SEED: 'false' });
    try {
      const users = await t.http().get('/api/v1/users').expect(200);
      expect(users.body.filter((u: { role: string }) => u.role === 'admin').map((u: { username: string }) => u.username)).toEqual([TEST_ADMIN.username]);
      const { UsersService } = await import('../src/auth/users.service.js');
      expect(await t.app.get(UsersService).ensureAdmin('second-admin', 'second-password')).toBe(false);
    } finally {
      await t.close();
    }
  });
});
