import { createApp } from '../src/app.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/** The smoke start's frozen clock, and the real date the demo was written for. */
const DAYS = ['2026-11-23', '2026-11-30'];

interface Lights {
  red: number;
  yellow: number;
  green: number;
  grey: number;
}

async function lights(t: TestApp, plan: number, asOf: string): Promise<Lights> {
  return (await t.http().get(`/api/v1/plans/${plan}/reports/progress`).query({ asOf }).expect(200)).body.totals.lights as Lights;
}

/** The codes ("任务19") of a plan's items showing this light on a date, read from the list endpoints. */
async function codesWithLight(t: TestApp, plan: number, light: string, asOf: string): Promise<string[]> {
  const codes: string[] = [];
  for (const [path, name] of [
    ['tasks', '任务'],
    ['projects', '项目'],
    ['indicators', '指标'],
  ] as const) {
    const res = await t.http().get(`/api/v1/plans/${plan}/${path}`).query({ light, asOf, limit: 1000 }).expect(200);
    for (const item of res.body.items as { seq: number }[]) codes.push(`${name}${item.seq}`);
  }
  return codes;
}

describe('demo progress (DEMO ONLY) with the demo users', () => {
  let t: TestApp;
  let jiangjin: number;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_PROGRESS: 'true' });
    jiangjin = await planId(t, 'jiangjin');
  }, 120_000);
  afterAll(() => t.close());

  it.each(DAYS)('the Jiangjin progress report as of %s shows red, yellow, green and grey', async (asOf) => {
    const counts = await lights(t, jiangjin, asOf);
    expect(counts.red).toBeGreaterThan(0);
    expect(counts.yellow).toBe(2);
    expect(counts.green).toBe(2);
    expect(counts.grey).toBeGreaterThanOrEqual(4);
    // Moved into 2026-12 (office override) and 2027 (extension, 30% done): yellow; extension with 90% done, and a
    // "done" report awaiting review before a deadline moved to 2027: green; accepted close-outs: grey.
    expect(await codesWithLight(t, jiangjin, 'yellow', asOf)).toEqual(['任务19', '任务43']);
    expect(await codesWithLight(t, jiangjin, 'green', asOf)).toEqual(['任务18', '项目12']);
    const grey = await codesWithLight(t, jiangjin, 'grey', asOf);
    for (const code of ['任务2', '任务5', '任务15', '项目9']) expect(grey).toContain(code);
    expect(await codesWithLight(t, jiangjin, 'red', asOf)).toContain('任务11');
  });

  it("leaves task 11's 2023 milestone (3个) open and overdue, with a report in progress on its 2025 one", async () => {
    const tasks = (await t.http().get(`/api/v1/plans/${jiangjin}/tasks`).query({ limit: 100 }).expect(200)).body.items as {
      seq: number;
      milestones: { phrase: string; quantity: string | null; status: string; overdue: boolean }[];
    }[];
    const task11 = tasks.find((x) => x.seq === 11)!;
    expect(task11.milestones.map((m) => [m.phrase, m.quantity, m.status, m.overdue])).toEqual([
      ['到2023年', '3个', 'not_started', true],
      ['到2025年', '10个', 'in_progress', true],
    ]);
  });

  it('holds each kind of record, by the demo accounts, marked 演示数据', async () => {
    const office = await t.login('jiangjin-office');
    const api = (path: string) => `/api/v1/plans/${jiangjin}${path}`;
    const reports = (await t.as(office).get(api('/progress')).expect(200)).body as { status: string; narrative: string; reviewComment: string | null }[];
    // Task 11's 2023 milestone (3个) is left open and overdue and task 11 not signed for: the unit's browser journey
    // signs for it and reports on that milestone.
    expect(reports.length).toBe(11);
    expect(reports.every((r) => r.narrative.startsWith('【演示数据】'))).toBe(true);
    expect(reports.filter((r) => r.status === 'accepted')).toHaveLength(4);
    expect(reports.filter((r) => r.status === 'returned').map((r) => r.reviewComment)).toEqual(['【演示数据】佐证材料不全，请补充已摸底单位名单后重新提交。']);
    const notices = (await t.as(office).get(api('/notices')).expect(200)).body.items as { status: string; answer: string | null; unit: { name: string } }[];
    // One answered by 区生态环境局; one still open for 区经济信息委 to answer in the web app.
    expect(notices.map((n) => [n.unit.name, n.status, n.answer])).toEqual([
      ['区生态环境局', 'answered', '【演示数据】已完成抽查120家，合格率96%，11月底前报送评估报告。'],
      ['区经济信息委', 'open', null],
    ]);
    const extensions = (await t.as(office).get(api('/extensions')).expect(200)).body.items as { status: string; requestedDueDate: string }[];
    expect(extensions.map((e) => [e.status, e.requestedDueDate])).toEqual([
      ['approved', '2027-06-30'],
      ['approved', '2027-12-31'],
    ]);
    const instructions = (await t.as(office).get(api('/instructions')).expect(200)).body.items as { author: { name: string }; issuedDate: string }[];
    expect(instructions.map((i) => [i.author.name, i.issuedDate])).toEqual([
      ['江津区领导（演示）', '2026-11-18'],
      ['江津区领导（演示）', '2026-11-16'],
    ]);
    const signed = (await t.as(office).get(api('/signatures')).query({ signed: true }).expect(200)).body.items as {
      unit: { name: string };
      code: string;
      signedDate: string;
    }[];
    expect(signed.map((s) => `${s.unit.name} ${s.code} ${s.signedDate}`).sort()).toEqual(
      [
        '区发展改革委 任务10 2026-09-04',
        '区生态环境局 任务3 2026-09-03',
        '区生态环境局 任务5 2026-09-03',
        '区生态环境局 项目12 2026-09-03',
        '区经济信息委 任务15 2026-09-02',
        '区经济信息委 任务18 2026-09-02',
        '区经济信息委 任务2 2026-09-01',
      ].sort(),
    );
    const values = (await t.as(office).get(api('/indicators')).query({ limit: 10 }).expect(200)).body.items as { seq: number; id: number }[];
    const indicator2 = values.find((i) => i.seq === 2)!.id;
    const recorded = (
      await t
        .as(office)
        .get(api(`/indicators/${indicator2}/values`))
        .expect(200)
    ).body as { period: string; value: number }[];
    expect(recorded.map((v) => [v.period, v.value])).toEqual([
      ['2024', 87.9],
      ['2025', 88.6],
    ]);
    const foshan = await planId(t, 'foshan');
    const foshanReports = (await t.http().get(`/api/v1/plans/${foshan}/progress`).expect(200)).body as { status: string }[];
    expect(foshanReports.map((r) => r.status).sort()).toEqual(['accepted', 'submitted']);
  });

  it('is loaded once: a second start on the same database adds nothing', async () => {
    const count = async () => ((await t.http().get(`/api/v1/plans/${jiangjin}/progress`).expect(200)).body as unknown[]).length;
    const before = await count();
    const second = await createApp(t.config, { logger: false, docsUi: false });
    await second.init();
    await second.close();
    expect(await count()).toBe(before);
  }, 60_000);
});

describe('demo progress with DEMO_USERS=false', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_USERS: 'false', DEMO_PROGRESS: 'true' });
  }, 120_000);
  afterAll(() => t.close());

  it('none of it exists: no reports, notices, extensions, 批示 or 签收, and no yellow or green light', async () => {
    for (const key of ['jiangjin', 'foshan']) {
      const plan = await planId(t, key);
      const api = (path: string) => `/api/v1/plans/${plan}${path}`;
      expect((await t.http().get(api('/progress')).expect(200)).body).toEqual([]);
      expect((await t.http().get(api('/notices')).expect(200)).body.total).toBe(0);
      expect((await t.http().get(api('/extensions')).expect(200)).body.total).toBe(0);
      expect((await t.http().get(api('/instructions')).expect(200)).body.total).toBe(0);
      expect((await t.http().get(api('/signatures')).query({ signed: true }).expect(200)).body.total).toBe(0);
      for (const asOf of DAYS) {
        const counts = await lights(t, plan, asOf);
        expect([counts.yellow, counts.green]).toEqual([0, 0]);
      }
    }
    const users = (await t.http().get('/api/v1/users').expect(200)).body as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(['admin']);
  });
});
