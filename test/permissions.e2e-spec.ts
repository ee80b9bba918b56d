import {
  call,
  type Cell,
  type Ctx,
  documentedRoutes,
  MATRIX,
  makeFixtures,
  outcome,
  PDF,
  seedIds,
  servedRoutes,
  signIn,
  url,
  WHO,
  type Who,
} from './helpers/permission-matrix.js';
import { once } from './helpers/once.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** Non-GET routes a leader may call: signing in and out, its own password, API tokens, reading a deadline phrase, and leaving a 批示. */
const LEADER_MAY_POST = [
  'POST /auth/login',
  'POST /auth/logout',
  'POST /auth/password',
  'POST /auth/tokens',
  'DELETE /auth/tokens/{id}',
  'POST /deadlines/parse',
  'POST /plans/{planId}/instructions',
];

/** Routes open without a token whatever is published: health, login, and the list of (published) plans. */
const OPEN_WITHOUT_TOKEN = ['GET /health', 'POST /auth/login', 'GET /plans'];

/** Once a plan is published, the public reads its four lists (and exports them); nothing else of it. */
const PUBLIC_WHEN_PUBLISHED = [
  'GET /plans/{planId}',
  'GET /plans/{planId}/units',
  'GET /plans/{planId}/units/{id}',
  'GET /plans/{planId}/tasks',
  'GET /plans/{planId}/tasks/{id}',
  'GET /plans/{planId}/projects',
  'GET /plans/{planId}/projects/{id}',
  'GET /plans/{planId}/indicators',
  'GET /plans/{planId}/indicators/{id}',
  'GET /plans/{planId}/responsibilities',
  'GET /plans/{planId}/export/{list}',
];

const rowOf = (route: string) => {
  const found = MATRIX.find((r) => r.route === route);
  if (!found) throw new Error(`no matrix row for ${route}`);
  return found;
};

describe('permission matrix: every role against every endpoint (Jiangjin, unpublished)', () => {
  let t: TestApp;
  let c: Ctx;
  let tokens: Record<Who, string | null>;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    t.clock.set('2024-06-30T10:00:00+08:00');
    tokens = await signIn(t);
    c = await makeFixtures(t, tokens);
  });
  afterAll(() => t.close());

  it('the matrix has exactly one row for every route the server answers and the OpenAPI document names, and no row for a route that does not exist', async () => {
    const documented = await documentedRoutes(t);
    const served = servedRoutes(t);
    expect(served.length).toBeGreaterThan(70);
    const listed = MATRIX.map((r) => r.route);
    expect(listed.filter((route, i) => listed.indexOf(route) !== i)).toEqual([]);
    const known = [...new Set([...served, ...documented])];
    expect({
      missingFromMatrix: known.filter((r) => !listed.includes(r)),
      notServed: listed.filter((r) => !served.includes(r)),
      undocumented: served.filter((r) => !documented.includes(r)),
    }).toEqual({ missingFromMatrix: [], notServed: [], undocumented: [] });
    for (const r of MATRIX) expect([r.route, r.expect.length]).toEqual([r.route, WHO.length]);
  });

  it.each(MATRIX.map((r) => [`${r.route}: ${WHO.map((who, i) => `${who} ${r.expect[i]}`).join(', ')}`, r] as const))('%s', async (_name, r) => {
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const [i, who] of WHO.entries()) {
      const res = await call(t, c, r, who, tokens);
      got[who] = outcome(r.expect[i], res.status);
      want[who] = r.expect[i];
    }
    expect(got).toEqual(want);
  });

  describe("unit A's draft on its own item is invisible and untouchable for unit B, the office and leaders", () => {
    let draft: { id: number; version: number };
    const api = (path: string) => `/api/v1/plans/${c.plan}${path}`;
    const listIds = async (who: Who) =>
      (
        (
          await t
            .as(tokens[who]!)
            .get(api(`/progress?itemType=task&itemId=${c.task11}`))
            .expect(200)
        ).body as { id: number }[]
      ).map((r) => r.id);

    beforeAll(async () => {
      const res = await t
        .as(tokens.unitLead!)
        .post(api('/progress'))
        .send({ itemType: 'task', itemId: c.task11, milestoneId: c.m2, state: 'in_progress', narrative: '已完成5家绿色工厂创建。', quantityDone: 5 })
        .expect(201);
      expect(res.body).toMatchObject({ status: 'draft', role: 'lead' });
      draft = res.body;
    });
    /** Unit A submits the draft (the cases before this step see it as a draft). */
    const givenSubmitted = once(() =>
      t
        .as(tokens.unitLead!)
        .post(api(`/progress/${draft.id}/submit`))
        .expect(200),
    );

    it('unit A reads its draft and finds it in its list', async () => {
      await t
        .as(tokens.unitLead!)
        .get(api(`/progress/${draft.id}`))
        .expect(200);
      expect(await listIds('unitLead')).toContain(draft.id);
    });

    it.each(['unitOther', 'office', 'leader', 'admin'] as const)('%s gets 404 reading the draft and does not see it in the progress list', async (who) => {
      const res = await t
        .as(tokens[who]!)
        .get(api(`/progress/${draft.id}`))
        .expect(404);
      expect(res.body.message).toContain('进展填报');
      expect(await listIds(who)).not.toContain(draft.id);
      // Filtering for drafts does not reveal it either.
      const drafts = (await t.as(tokens[who]!).get(api('/progress?status=draft')).expect(200)).body as { id: number }[];
      expect(drafts.map((r) => r.id)).not.toContain(draft.id);
    });

    it('unit B cannot report on task 11 (403 naming the item)', async () => {
      const res = await t
        .as(tokens.unitOther!)
        .post(api('/progress'))
        .send({ itemType: 'task', itemId: c.task11, state: 'in_progress', narrative: '代为填报' })
        .expect(403);
      expect(res.body.message).toContain('任务11');
    });

    it("unit B cannot change, submit, or add or remove evidence on A's draft: 404, the draft does not exist for it", async () => {
      const other = t.as(tokens.unitOther!);
      await other
        .patch(api(`/progress/${draft.id}`))
        .send({ version: draft.version, narrative: '篡改' })
        .expect(404);
      await other.post(api(`/progress/${draft.id}/submit`)).expect(404);
      await other
        .post(api(`/progress/${draft.id}/evidence`))
        .attach('file', PDF, '伪造.pdf')
        .expect(404);
      await other.delete(api(`/progress/${draft.id}/evidence/1`)).expect(404);
      const mine = await t
        .as(tokens.unitLead!)
        .get(api(`/progress/${draft.id}`))
        .expect(200);
      expect(mine.body).toMatchObject({ status: 'draft', narrative: '已完成5家绿色工厂创建。', version: draft.version, evidence: [] });
    });

    it('once submitted, the office and leaders read it, and unit B (not holding task 11) still cannot read or change it', async () => {
      await givenSubmitted();
      await t
        .as(tokens.office!)
        .get(api(`/progress/${draft.id}`))
        .expect(200);
      await t
        .as(tokens.leader!)
        .get(api(`/progress/${draft.id}`))
        .expect(200);
      expect(await listIds('office')).toContain(draft.id);
      expect(await listIds('leader')).toContain(draft.id);
      await t
        .as(tokens.unitOther!)
        .get(api(`/progress/${draft.id}`))
        .expect(404);
      expect(await listIds('unitOther')).not.toContain(draft.id);
      await t
        .as(tokens.unitOther!)
        .patch(api(`/progress/${draft.id}`))
        .send({ version: draft.version + 1, narrative: '篡改' })
        .expect(404);
    });

    it("a unit supporting task 11 reads A's submitted report but may not change it (403), and never sees A's drafts (404)", async () => {
      await givenSubmitted();
      const units = (await t.as(tokens.office!).get(api('/units')).expect(200)).body.items as { id: number; name: string }[];
      const park = units.find((u) => u.name === '各工业园区发展中心')!;
      await t
        .as(tokens.office!)
        .post('/api/v1/users')
        .send({ username: 'matrix-park', password: 'matrix-password-1', role: 'unit', unitId: park.id })
        .expect(201);
      const support = t.as(await t.login('matrix-park', 'matrix-password-1'));
      const submitted = await support.get(api(`/progress/${draft.id}`)).expect(200);
      const refused = await support
        .patch(api(`/progress/${draft.id}`))
        .send({ version: submitted.body.version, narrative: '篡改' })
        .expect(403);
      expect(refused.body.message).toContain('填报单位');
      await support
        .post(api(`/progress/${draft.id}/evidence`))
        .attach('file', PDF, '伪造.pdf')
        .expect(403);
      await support.get(api(`/progress/${c.draft}`)).expect(404);
      expect(((await support.get(api('/progress')).expect(200)).body as { id: number }[]).map((r) => r.id)).not.toContain(c.draft);
    });
  });

  it('a leader cannot write anywhere: every non-GET route answers 403, except sign-in/out, own password, API tokens, reading a deadline phrase and leaving a 批示', async () => {
    const got: Record<string, Cell> = {};
    const want: Record<string, Cell> = {};
    for (const r of MATRIX.filter((x) => !x.route.startsWith('GET '))) {
      want[r.route] = LEADER_MAY_POST.includes(r.route) ? 'ok' : 403;
      got[r.route] = outcome(want[r.route], (await call(t, c, r, 'leader', tokens)).status);
    }
    expect(got).toEqual(want);
    expect(Object.keys(got).length).toBeGreaterThan(40);
  });

  it("an office of another plan gets 403 on every route under Jiangjin's /plans/:planId", async () => {
    const got: Record<string, number> = {};
    const scoped = MATRIX.filter((r) => r.route.includes('{planId}'));
    for (const r of scoped) got[r.route] = (await call(t, c, r, 'otherOffice', tokens)).status;
    expect(got).toEqual(Object.fromEntries(scoped.map((r) => [r.route, 403])));
    expect(scoped.length).toBeGreaterThan(55);
  });

  it('without a token every route answers 401, except health, login and the list of published plans (empty here)', async () => {
    const got: Record<string, Cell> = {};
    const want: Record<string, Cell> = {};
    for (const r of MATRIX) {
      want[r.route] = OPEN_WITHOUT_TOKEN.includes(r.route) ? 'ok' : 401;
      got[r.route] = outcome(want[r.route], (await call(t, c, r, 'anon', tokens)).status);
    }
    expect(got).toEqual(want);
    const plans = await t.anon().get('/api/v1/plans').expect(200);
    expect(plans.body).toEqual([]);
  });

  it('a bad or forged token is 401, not treated as no token, even where the public may read', async () => {
    await t.anon().get('/api/v1/plans').set('Authorization', 'Bearer qd_forged').expect(401);
    await t.anon().get('/api/v1/plans').set('Authorization', 'Basic abc').expect(401);
  });

  it('a revoked API token gets 401 everywhere it worked before', async () => {
    const created = await t.as(tokens.office!).post('/api/v1/auth/tokens').send({ name: '矩阵测试对接' }).expect(201);
    const api = t.as(created.body.token as string);
    await api.get('/api/v1/auth/me').expect(200);
    await api.get(`/api/v1/plans/${c.plan}/tasks`).expect(200);
    await t.as(tokens.office!).delete(`/api/v1/auth/tokens/${created.body.id}`).expect(204);
    await api.get('/api/v1/auth/me').expect(401);
    await api.get(`/api/v1/plans/${c.plan}/tasks`).expect(401);
    await api.get('/api/v1/plans').expect(401);
  });

  it("one user cannot revoke another user's API token: it does not exist for them (404)", async () => {
    const created = await t.as(tokens.office!).post('/api/v1/auth/tokens').send({ name: '无废办对接' }).expect(201);
    await t.as(tokens.leader!).delete(`/api/v1/auth/tokens/${created.body.id}`).expect(404);
    await t
      .as(created.body.token as string)
      .get('/api/v1/auth/me')
      .expect(200);
  });
});

describe('permission matrix: a published plan opens its lists to the public, and nothing else', () => {
  let t: TestApp;
  let c: Ctx;
  let tokens: Record<Who, string | null>;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    tokens = await signIn(t);
    // No reports, notices or extensions here: their ids are placeholders, answered 401 before they are looked up.
    c = { ...(await seedIds(t)), draft: 1, accepted: 1, acceptedFile: 1, notice: 1, extPending: 1, extRefused: 1 };
    const plan = await t.as(tokens.office!).get(`/api/v1/plans/${c.plan}`).expect(200);
    await t.as(tokens.office!).patch(`/api/v1/plans/${c.plan}`).send({ published: true, version: plan.body.version }).expect(200);
  });
  afterAll(() => t.close());

  it('the public reads the plan, its units, tasks, projects, indicators, responsibilities and exports (200)', async () => {
    const got: Record<string, number> = {};
    for (const route of PUBLIC_WHEN_PUBLISHED) got[route] = (await call(t, c, rowOf(route), 'anon', tokens)).status;
    expect(got).toEqual(Object.fromEntries(PUBLIC_WHEN_PUBLISHED.map((route) => [route, 200])));
    const plans = (await t.anon().get('/api/v1/plans').expect(200)).body as { id: number }[];
    expect(plans.map((p) => p.id)).toEqual([c.plan]);
  });

  it('progress, evidence, notices, extensions, indicator values, audit and every write stay 401 for the public', async () => {
    const closed = MATRIX.filter((r) => r.route.includes('{planId}') && !PUBLIC_WHEN_PUBLISHED.includes(r.route));
    const got: Record<string, number> = {};
    for (const r of closed) got[r.route] = (await call(t, c, r, 'anon', tokens)).status;
    expect(got).toEqual(Object.fromEntries(closed.map((r) => [r.route, 401])));
    for (const route of [
      'GET /plans/{planId}/progress',
      'GET /plans/{planId}/notices',
      'GET /plans/{planId}/extensions',
      'GET /plans/{planId}/indicators/{id}/values',
      'GET /plans/{planId}/audit',
    ]) {
      expect([route, got[route]]).toEqual([route, 401]);
    }
  });

  it("an office of another plan reads Jiangjin's published lists as the public does, and nothing more", async () => {
    const r = rowOf('GET /plans/{planId}/tasks');
    await t
      .as(tokens.otherOffice!)
      .get(url(c, r, 'otherOffice'))
      .expect(200);
    await t
      .anon()
      .get(url(c, r, 'anon'))
      .expect(200);
    await t
      .as(tokens.otherOffice!)
      .get(url(c, rowOf('GET /plans/{planId}/progress'), 'otherOffice'))
      .expect(403);
    const units = await t.as(tokens.otherOffice!).get(`/api/v1/plans/${c.plan}/units`).expect(200);
    expect(units.body.items.length).toBeGreaterThan(0);
    expect(units.body.items.every((u: { liaisonName: string | null }) => u.liaisonName === null)).toBe(true);
  });
});
