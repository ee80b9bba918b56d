import type { LoggerService } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { User } from '../src/auth/user.entity.js';
import { RawReader } from '../src/database/raw-reader.js';
import { DEMO_PASSWORD, planId, startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

/** Keeps every line the service logs, to prove what is (and is not) written there. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (...parts: unknown[]) => void this.lines.push(parts.map((p) => (p instanceof Error ? `${p.message} ${p.stack}` : String(p))).join(' '));
  log = this.keep;
  warn = this.keep;
  error = this.keep;
  debug = this.keep;
  verbose = this.keep;
}

/** The stored password hash of a user, read straight from the database. */
async function storedHash(t: TestApp, username: string): Promise<string> {
  const rows = await t.app.get(RawReader).all<{ passwordHash: string }>('SELECT "passwordHash" FROM users WHERE username = ?', [username]);
  return rows[0].passwordHash;
}

describe('login limit under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('twenty wrong passwords at once, then the right one while they are still being checked: only three are checked, the rest get 429', async () => {
    t.clock.set('2024-05-06T09:00:00+08:00');
    const server = t.app.getHttpServer();
    const attempt = (password: string) =>
      request(server)
        .post('/api/v1/auth/login')
        .send({ username: 'jiangjin-leader', password })
        .then((res) => res);
    const wrong = Array.from({ length: 20 }, (_, i) => attempt(`guess-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const right = attempt(DEMO_PASSWORD);
    const answers = await Promise.all([...wrong, right]);
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(18);
    expect(statuses[20]).toBe(429);
    for (const held of answers.filter((res) => res.status === 429)) expect(held.body.message).toContain('登录失败次数过多');
    // The name stays held back afterwards, right password or not.
    await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-leader', password: DEMO_PASSWORD }).expect(429);
  });

  it('a forged X-Forwarded-For does not dodge the limit: with no trusted proxy the connection is the address counted', async () => {
    t.clock.set('2024-07-01T09:00:00+08:00');
    const attempt = (forwardedFor: string, password: string) =>
      t.anon().post('/api/v1/auth/login').set('X-Forwarded-For', forwardedFor).send({ username: 'foshan-gxj', password });
    for (let i = 0; i < 3; i++) await attempt(`198.51.100.${i + 1}`, `guess-${i}`).expect(401);
    await attempt('198.51.100.99', DEMO_PASSWORD).expect(429);
  });

  it('a held-back sign-in says when to come back, in the message and in the Retry-After header', async () => {
    t.clock.set('2024-06-03T09:00:00+08:00');
    for (let i = 0; i < 3; i++)
      await t
        .anon()
        .post('/api/v1/auth/login')
        .send({ username: 'jiangjin-office', password: `guess-${i}` })
        .expect(401);
    // The clock stands still: the first failure leaves the 15-minute window in 900 s, shown as 15 minutes.
    const held = await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-office', password: DEMO_PASSWORD }).expect(429);
    expect(held.headers['retry-after']).toBe('900');
    expect(held.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 900, message: '登录失败次数过多，请 15 分钟后再试' });
  });

  it('concurrent right passwords within the limit all get in, and a success leaves nothing counted against the address', async () => {
    t.clock.set('2024-05-07T09:00:00+08:00');
    const server = t.app.getHttpServer();
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => request(server).post('/api/v1/auth/login').send({ username: 'jiangjin-fgw', password: DEMO_PASSWORD })),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
    // Twelve more good sign-ins from the same address (four times the limit) are never held back.
    for (let i = 0; i < 12; i++) await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-sthj', password: DEMO_PASSWORD }).expect(200);
  });
});

describe('passwords are not truncated and old hashes are upgraded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // 27 Chinese characters: 81 bytes in UTF-8, beyond bcrypt's 72.
  const LONG = '无废城市建设清单管理系统登录密码测试用例长度超过七十二';
  const LONG_OTHER_END = '无废城市建设清单管理系统登录密码测试用例长度超过七十三';

  it('a password differing only after byte 72 does not sign in', async () => {
    expect(Buffer.byteLength(LONG)).toBe(81);
    await t.http().post('/api/v1/users').send({ username: 'long-password', password: LONG, role: 'leader' }).expect(201);
    await t.anon().post('/api/v1/auth/login').send({ username: 'long-password', password: LONG_OTHER_END }).expect(401);
    await t.anon().post('/api/v1/auth/login').send({ username: 'long-password', password: LONG }).expect(200);
  });

  it('new hashes are scrypt with their parameters and salt; the first admin and demo users get them too', async () => {
    await t.http().post('/api/v1/users').send({ username: 'scrypt-user', password: 'scrypt-password-1', role: 'leader' }).expect(201);
    for (const username of ['scrypt-user', TEST_ADMIN.username, 'jiangjin-office']) {
      expect(await storedHash(t, username)).toMatch(/^\$scrypt\$ln=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    }
    // Same password, different salt.
    await t.http().post('/api/v1/users').send({ username: 'scrypt-user-2', password: 'scrypt-password-1', role: 'leader' }).expect(201);
    expect(await storedHash(t, 'scrypt-user-2')).not.toBe(await storedHash(t, 'scrypt-user'));
  });

  it('an old bcrypt hash still signs in with the right password and is replaced by scrypt at that login', async () => {
    await t.http().post('/api/v1/users').send({ username: 'legacy-user', password: 'placeholder-1', role: 'leader' }).expect(201);
    // bcrypt (cost 4) of "legacy-password-1", as an older release stored it.
    const legacy = '$2b$04$NsnKjC0ARwe4XLvZp.zWwutwsp35vFdZXeGUvUdpSnJ/yRlDrfr7.';
    await t.app.get(DataSource).createQueryBuilder().update(User).set({ passwordHash: legacy }).where({ username: 'legacy-user' }).execute();
    await t.anon().post('/api/v1/auth/login').send({ username: 'legacy-user', password: 'legacy-password-2' }).expect(401);
    expect(await storedHash(t, 'legacy-user')).toBe(legacy);
    await t.anon().post('/api/v1/auth/login').send({ username: 'legacy-user', password: 'legacy-password-1' }).expect(200);
    expect(await storedHash(t, 'legacy-user')).toMatch(/^\$scrypt\$/);
    await t.anon().post('/api/v1/auth/login').send({ username: 'legacy-user', password: 'legacy-password-1' }).expect(200);
    await t.anon().post('/api/v1/auth/login').send({ username: 'legacy-user', password: 'legacy-password-2' }).expect(401);
  });
});

describe('API tokens', () => {
  let t: TestApp;
  let jiangjin: number;
  beforeAll(async () => {
    t = await startTestApp();
    jiangjin = await planId(t, 'jiangjin');
  });
  afterAll(() => t.close());

  it('an API token cannot mint tokens, revoke tokens or change the password: only a password session can (403)', async () => {
    const session = await t.login('jiangjin-office');
    const api = (await t.as(session).post('/api/v1/auth/tokens').send({ name: '数据中心对接' }).expect(201)).body.token as string;
    const other = (await t.as(session).post('/api/v1/auth/tokens').send({ name: '另一个对接' }).expect(201)).body as { id: string };
    await t.as(api).get(`/api/v1/plans/${jiangjin}/tasks?limit=1`).expect(200);

    const mint = await t.as(api).post('/api/v1/auth/tokens').send({ name: '令牌再生令牌' }).expect(403);
    expect(mint.body.message).toBe('API 令牌不能创建或吊销令牌、不能修改密码，请用密码登录后操作');
    const revoke = await t.as(api).delete(`/api/v1/auth/tokens/${other.id}`).expect(403);
    expect(revoke.body.message).toBe(mint.body.message);
    const password = await t.as(api).post('/api/v1/auth/password').send({ currentPassword: DEMO_PASSWORD, newPassword: 'taken-over-1' }).expect(403);
    expect(password.body.message).toBe(mint.body.message);
    // Nothing changed: the session, the other token and the password all still work.
    await t.as(session).get('/api/v1/auth/me').expect(200);
    const listed = (await t.as(session).get('/api/v1/auth/tokens').expect(200)).body as { id: string; name: string; revokedAt: string | null }[];
    expect(listed.filter((x) => x.name === '令牌再生令牌')).toEqual([]);
    expect(listed.find((x) => x.id === other.id)?.revokedAt).toBeNull();
    await t.login('jiangjin-office', DEMO_PASSWORD);
  });

  it('token ids are random handles; another user, the admin included, gets 404 for them and never sees them listed', async () => {
    const office = await t.login('jiangjin-office');
    const created = (await t.as(office).post('/api/v1/auth/tokens').send({ name: '随机标识' }).expect(201)).body as { id: string; token: string };
    expect(typeof created.id).toBe('string');
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = (await t.as(office).post('/api/v1/auth/tokens').send({ name: '随机标识二' }).expect(201)).body as { id: string };
    expect(second.id).not.toBe(created.id);

    const foshanOffice = await t.login('foshan-office');
    const missing = await t.as(foshanOffice).delete(`/api/v1/auth/tokens/${created.id}`).expect(404);
    expect(missing.body.message).toBe(`令牌不存在：${created.id}`);
    await t.http().delete(`/api/v1/auth/tokens/${created.id}`).expect(404);
    for (const lister of [t.as(foshanOffice), t.http()]) {
      const ids = ((await lister.get('/api/v1/auth/tokens').expect(200)).body as { id: string }[]).map((x) => x.id);
      expect(ids).not.toContain(created.id);
    }
    // A number (what an old, sequential id looked like) is no handle either.
    await t.as(office).delete('/api/v1/auth/tokens/1').expect(404);
    await t.as(created.token).get('/api/v1/auth/me').expect(200);
    await t.as(office).delete(`/api/v1/auth/tokens/${created.id}`).expect(204);
    await t.as(created.token).get('/api/v1/auth/me').expect(401);
  });

  it('revoking an API token leaves nothing it made behind, because it could make nothing', async () => {
    const office = await t.login('jiangjin-leader');
    const created = (await t.as(office).post('/api/v1/auth/tokens').send({ name: '领导驾驶舱' }).expect(201)).body as { id: string; token: string };
    await t.as(created.token).post('/api/v1/auth/tokens').send({ name: '子令牌' }).expect(403);
    await t.as(office).delete(`/api/v1/auth/tokens/${created.id}`).expect(204);
    await t.as(created.token).get('/api/v1/auth/me').expect(401);
    const listed = (await t.as(office).get('/api/v1/auth/tokens').expect(200)).body as { id: string; name: string; revokedAt: string | null }[];
    expect(listed.map((x) => x.name)).toEqual(['领导驾驶舱']);
    expect(listed[0].revokedAt).not.toBeNull();
  });
});

describe('security headers and secrets in URLs', () => {
  const logger = new CapturingLogger();
  let t: TestApp;
  let jiangjin: number;
  const APP_CSP =
    "default-src 'self';base-uri 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';object-src 'none';form-action 'self';frame-ancestors 'self'";
  const REPORT_CSP = "default-src 'none';style-src 'unsafe-inline';img-src data:;base-uri 'none';form-action 'none';frame-ancestors 'self'";

  beforeAll(async () => {
    t = await startTestApp({}, logger);
    jiangjin = await planId(t, 'jiangjin');
  });
  afterAll(() => t.close());

  it('every answer, an error too, carries nosniff, a referrer policy, frame protection and the app CSP', async () => {
    for (const res of [
      await t.anon().get('/api/v1/health').expect(200),
      await t.anon().get('/api/v1/no-such-route').expect(404),
      await t.anon().get(`/api/v1/plans/${jiangjin}/tasks`).expect(401),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toBe(APP_CSP);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('the HTML report gets a strict CSP: no scripts, no outside resources, inline styles only', async () => {
    const res = await t.http().get(`/api/v1/plans/${jiangjin}/reports/progress?format=html&asOf=2024-06-30`).expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toBe(REPORT_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).not.toContain('<script');
    const json = await t.http().get(`/api/v1/plans/${jiangjin}/reports/progress?asOf=2024-06-30`).expect(200);
    expect(json.headers['content-security-policy']).toBe(APP_CSP);
  });

  it('sign-in and token answers are never cached', async () => {
    const login = await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-office', password: DEMO_PASSWORD }).expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const failed = await t.anon().post('/api/v1/auth/login').send({ username: 'jiangjin-office', password: 'wrong-password' }).expect(401);
    expect(failed.headers['cache-control']).toBe('no-store');
    const created = await t.as(login.body.token).post('/api/v1/auth/tokens').send({ name: '缓存检查' }).expect(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const listed = await t.as(login.body.token).get('/api/v1/auth/tokens').expect(200);
    expect(listed.headers['cache-control']).toBe('no-store');
  });

  it('a token in the query string is refused (400) and never written to the log', async () => {
    const token = await t.login('jiangjin-office');
    const before = logger.lines.length;
    for (const name of ['access_token', 'token']) {
      const res = await t.anon().get(`/api/v1/plans/${jiangjin}/tasks?limit=1&${name}=${token}`).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'TOKEN_IN_URL',
        message: `不接受在网址中传递令牌（参数 ${name}），请使用 Authorization: Bearer 请求头`,
      });
      expect(res.body.errors).toEqual([{ field: name, value: '[已隐藏]', message: '令牌只能放在 Authorization 请求头中' }]);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // Even with a valid header the URL is refused: the token may already sit in a proxy's log.
    await t.as(token).get(`/api/v1/plans/${jiangjin}/tasks?access_token=${token}`).expect(400);
    const written = logger.lines.slice(before).join('\n');
    expect(written).toContain('access_token=[已隐藏]');
    expect(written).not.toContain(token);
    expect(written).not.toContain(token.slice(3, 20));
  });
});

describe('names and texts refuse control, zero-width and bidirectional characters', () => {
  let t: TestApp;
  let jiangjin: number;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    jiangjin = await planId(t, 'jiangjin');
    office = await t.login('jiangjin-office');
  });
  afterAll(() => t.close());

  const units = async () =>
    (await t.as(office).get(`/api/v1/plans/${jiangjin}/units`).expect(200)).body.items as { id: number; name: string; aliases: string[]; version: number }[];

  it('a lookalike unit name (right-to-left override, zero-width space, NUL, line break) is refused and nothing is written', async () => {
    const before = await units();
    const cases: [string, string][] = [
      ['区生态\u202E环境局', 'U+202E'],
      ['区生态环境局\u200B', 'U+200B'],
      ['\uFEFF区生态环境局', 'U+FEFF'],
      ['区生态环境局\u2066', 'U+2066'],
      ['区生态\u0000环境局', 'U+0000'],
      ['区生态\r\n环境局', 'U+000D'],
      ['区生态\n环境局', 'U+000A'],
    ];
    for (const [name, code] of cases) {
      const res = await t.as(office).post(`/api/v1/plans/${jiangjin}/units`).send({ name }).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'name', value: name });
      expect(res.body.errors[0].message).toMatch(new RegExp(`^含有(不可见|控制)字符 ${code.replace('+', '\\+')}`));
      expect(res.body.message).toContain('name');
    }
    const alias = await t
      .as(office)
      .post(`/api/v1/plans/${jiangjin}/units`)
      .send({ name: '区新设局', aliases: ['江津区新设局', '区新\u200D设局'] })
      .expect(400);
    expect(alias.body.errors[0]).toMatchObject({ field: 'aliases', message: '含有不可见字符 U+200D（零宽连接符）' });
    expect(await units()).toEqual(before);
  });

  it('renaming a unit or adding an alias with an invisible character is refused and the unit stays as it was', async () => {
    const unit = (await units()).find((u) => u.name === '区生态环境局')!;
    const rename = await t
      .as(office)
      .patch(`/api/v1/plans/${jiangjin}/units/${unit.id}`)
      .send({ version: unit.version, name: '区生态环境局\u2060' })
      .expect(400);
    expect(rename.body.errors[0]).toMatchObject({ field: 'name', message: '含有不可见字符 U+2060（零宽不换行符）' });
    const alias = await t
      .as(office)
      .patch(`/api/v1/plans/${jiangjin}/units/${unit.id}`)
      .send({ version: unit.version, aliases: ['江津区\u202D生态环境局'] })
      .expect(400);
    expect(alias.body.errors[0]).toMatchObject({ field: 'aliases', message: '含有不可见字符 U+202D（从左至右强制符）' });
    const after = (await t.as(office).get(`/api/v1/plans/${jiangjin}/units/${unit.id}`).expect(200)).body;
    expect(after).toMatchObject({ name: unit.name, aliases: unit.aliases, version: unit.version });
  });

  it('user names and display names refuse them too', async () => {
    const username = await t.as(office).post('/api/v1/users').send({ username: 'jj\u200Bleader', password: 'password-123', role: 'leader' }).expect(400);
    expect(username.body.errors[0]).toMatchObject({ field: 'username', message: '含有不可见字符 U+200B（零宽空格）' });
    const display = await t
      .as(office)
      .post('/api/v1/users')
      .send({ username: 'jj-new-leader', password: 'password-123', role: 'leader', displayName: '区领导\u202E' })
      .expect(400);
    expect(display.body.errors[0]).toMatchObject({ field: 'displayName', message: '含有不可见字符 U+202E（从右至左强制符）' });
    const listed = (await t.as(office).get('/api/v1/users').expect(200)).body as { username: string }[];
    expect(listed.map((u) => u.username)).not.toContain('jj-new-leader');

    const me = (await t.as(office).get('/api/v1/users').expect(200)).body.find((u: { username: string }) => u.username === 'jiangjin-leader');
    const patch = await t.as(office).patch(`/api/v1/users/${me.id}`).send({ version: me.version, displayName: '区领导\u0007' }).expect(400);
    expect(patch.body.errors[0]).toMatchObject({ field: 'displayName', message: '含有控制字符 U+0007' });
    const after = (await t.as(office).get(`/api/v1/users/${me.id}`).expect(200)).body;
    expect(after).toMatchObject({ displayName: me.displayName, version: me.version });
  });

  it('task content may hold line breaks and tabs but no other control or invisible character; titles hold none', async () => {
    const before = (await t.as(office).get(`/api/v1/plans/${jiangjin}/tasks?limit=500`).expect(200)).body.total as number;
    const bad = await t.as(office).post(`/api/v1/plans/${jiangjin}/tasks`).send({ seq: 901, content: '建设\u202E回收站点' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'content', message: '含有不可见字符 U+202E（从右至左强制符）' });
    const control = await t.as(office).post(`/api/v1/plans/${jiangjin}/tasks`).send({ seq: 901, content: '建设回收站点\u001B[31m' }).expect(400);
    expect(control.body.errors[0]).toMatchObject({ field: 'content', message: '含有控制字符 U+001B' });
    const chapter = await t
      .as(office)
      .post(`/api/v1/plans/${jiangjin}/tasks`)
      .send({ seq: 901, content: '建设回收站点', chapter: '第一章\n第二章' })
      .expect(400);
    expect(chapter.body.errors[0]).toMatchObject({ field: 'chapter', message: '含有控制字符 U+000A' });
    expect((await t.as(office).get(`/api/v1/plans/${jiangjin}/tasks?limit=500`).expect(200)).body.total).toBe(before);

    const ok = await t.as(office).post(`/api/v1/plans/${jiangjin}/tasks`).send({ seq: 901, content: '建设回收站点：\n\t1. 城区\r\n\t2. 乡镇' }).expect(201);
    const patch = await t
      .as(office)
      .patch(`/api/v1/plans/${jiangjin}/tasks/${ok.body.id}`)
      .send({ version: ok.body.version, content: '建设\u200C回收站点' })
      .expect(400);
    expect(patch.body.errors[0]).toMatchObject({ field: 'content', message: '含有不可见字符 U+200C（零宽不连字）' });
    const after = (await t.as(office).get(`/api/v1/plans/${jiangjin}/tasks/${ok.body.id}`).expect(200)).body;
    expect(after).toMatchObject({ content: '建设回收站点：\n\t1. 城区\r\n\t2. 乡镇', version: ok.body.version });
  });

  it('project and indicator names refuse them, and nothing is written', async () => {
    const projects = (await t.as(office).get(`/api/v1/plans/${jiangjin}/projects?limit=500`).expect(200)).body.total as number;
    const project = await t.as(office).post(`/api/v1/plans/${jiangjin}/projects`).send({ seq: 901, name: '餐厨垃圾\u2067处理项目' }).expect(400);
    expect(project.body.errors[0]).toMatchObject({ field: 'name', message: '含有不可见字符 U+2067（从右至左隔离符）' });
    expect((await t.as(office).get(`/api/v1/plans/${jiangjin}/projects?limit=500`).expect(200)).body.total).toBe(projects);

    const indicators = (await t.as(office).get(`/api/v1/plans/${jiangjin}/indicators?limit=500`).expect(200)).body.total as number;
    const indicator = await t.as(office).post(`/api/v1/plans/${jiangjin}/indicators`).send({ seq: 901, name: '一般工业固体废物\u200B综合利用率' }).expect(400);
    expect(indicator.body.errors[0]).toMatchObject({ field: 'name', message: '含有不可见字符 U+200B（零宽空格）' });
    expect((await t.as(office).get(`/api/v1/plans/${jiangjin}/indicators?limit=500`).expect(200)).body.total).toBe(indicators);
  });
});

describe('login limit behind a load balancer (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The suite's requests come from loopback, which stands for the load balancer here.
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', TRUST_PROXY: '127.0.0.1, ::1' });
  });
  afterAll(() => t.close());

  it('counts each client by the address the load balancer forwards: one client held back, another with the same name gets in', async () => {
    t.clock.set('2024-07-01T09:00:00+08:00');
    const attempt = (client: string, password: string) =>
      t.anon().post('/api/v1/auth/login').set('X-Forwarded-For', client).send({ username: 'jiangjin-fgw', password });
    for (let i = 0; i < 3; i++) await attempt('203.0.113.7', `guess-${i}`).expect(401);
    await attempt('203.0.113.7', DEMO_PASSWORD).expect(429);
    await attempt('203.0.113.8', DEMO_PASSWORD).expect(200);
  });
});
