import { DataSource } from 'typeorm';
import { RawReader } from '../src/database/raw-reader.js';
import { ReportCache } from '../src/reports/report-cache.js';
import { ReportsAheadService } from '../src/reports/reports-ahead.service.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { freshReport } from './helpers/fresh-report.js';
import { LogCatcher } from './helpers/log-catcher.js';
import { unitReportsOverdueProgress } from './helpers/unit-progress.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Each instance works out every plan's progress and overdue reports of today before anyone asks
 * (reports/reports-ahead.service.ts): after start, after a change, and when a new day begins. A report so worked out
 * is answered without reading the plan's facts, and is the bytes a computation from the database gives at that moment.
 */
describe('reports worked out ahead', () => {
  const TODAY = '2026-11-23';
  const NOW = '2026-11-23T09:30:00+08:00';
  let t: TestApp;
  let jiangjin: number;
  let office: string;
  const logs = new LogCatcher();
  /** The lines of one level logged from `mark` on. */
  const logged = (level: string, mark: number) =>
    logs
      .since(mark)
      .filter((l) => l.level === level)
      .map((l) => l.message);

  beforeAll(async () => {
    t = await startTestApp({ DEMO_PROGRESS: 'true', CLOCK: NOW }, logs);
    jiangjin = await planId(t, 'jiangjin');
    office = await t.login('jiangjin-office');
  });
  afterAll(() => t.close());

  type Kind = 'progress' | 'overdue';
  /** The report as the office is served it, and the SQL the service ran for it. */
  const ask = async (kind: Kind, asOf?: string, token = office) => {
    const reader = t.app.get(RawReader);
    const read = reader.all.bind(reader);
    const statements: string[] = [];
    reader.all = (sql, params, manager) => {
      statements.push(sql);
      return read(sql, params, manager);
    };
    try {
      const res = await t
        .as(token)
        .get(`/api/v1/plans/${jiangjin}/reports/${kind}${asOf ? `?asOf=${asOf}` : ''}`)
        .expect(200);
      return { text: res.text, statements };
    } finally {
      reader.all = read;
    }
  };
  /** Statements that read the plan's facts: its items, milestones, holders, reports and events. */
  const factReads = (statements: string[]) =>
    statements.filter((sql) => /\b(tasks|projects|indicators|milestones|assignments|progress_reports|status_events|standing)\b/.test(sql));
  const health = async () =>
    (await t.anon().get('/api/v1/health').expect(200)).body as { reportsAhead: { plans: number; ready: number; checkedAt: string | null } };
  const pass = () => t.app.get(ReportsAheadService).pass();

  it("after start, the health check says every plan's reports of today are worked out", async () => {
    const plans = ((await t.http().get('/api/v1/plans').expect(200)).body as unknown[]).length;
    expect(plans).toBe(4);
    // The first pass runs by itself right after start.
    for (let waited = 0; (await health()).reportsAhead.checkedAt === null && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect((await health()).reportsAhead).toEqual({ plans: 4, ready: 4, checkedAt: new Date(NOW).toISOString() });
  });

  it.each(['progress', 'overdue'] as Kind[])("a plan's first %s report of today reads none of its facts; one of another day reads them", async (kind) => {
    t.clock.set(NOW);
    await pass();
    const today = await ask(kind);
    expect(factReads(today.statements)).toEqual([]);
    expect(today.text).toBe(await freshReport(t, kind, jiangjin, TODAY));
    expect((await ask(kind, TODAY)).text).toBe(today.text);

    const otherDay = await ask(kind, '2026-11-20');
    expect(factReads(otherDay.statements).length).toBeGreaterThan(3);
    expect(otherDay.text).toBe(await freshReport(t, kind, jiangjin, '2026-11-20'));
  });

  it("after a unit reports progress, the next pass works the plan's reports out again with the report in them", async () => {
    t.clock.set(NOW);
    const before = await ask('progress');
    await unitReportsOverdueProgress(t, jiangjin);
    await pass();
    const after = await ask('progress');
    expect(factReads(after.statements)).toEqual([]);
    expect(after.text).not.toBe(before.text);
    expect(after.text).toBe(await freshReport(t, 'progress', jiangjin, TODAY));
  });

  it("when a new day begins, the next pass works out that day's reports: each overdue milestone one day later", async () => {
    t.clock.set(NOW);
    await pass();
    type Row = { milestoneId: number; dueDate: string; daysOverdue: number };
    const yesterday = JSON.parse((await ask('overdue')).text).rows as Row[];
    try {
      t.clock.set('2026-11-24T00:05:00+08:00');
      await pass();
      // The office signs in again: a session lasts 12 hours.
      const next = await ask('overdue', undefined, await t.login('jiangjin-office'));
      expect(factReads(next.statements)).toEqual([]);
      expect(next.text).toBe(await freshReport(t, 'overdue', jiangjin, '2026-11-24'));
      const rows = new Map((JSON.parse(next.text).rows as Row[]).map((r) => [r.milestoneId, r]));
      expect(yesterday.length).toBeGreaterThan(0);
      for (const row of yesterday) expect(rows.get(row.milestoneId)?.daysOverdue).toBe(row.daysOverdue + 1);
      // A milestone due on the 23rd is overdue by one day on the 24th.
      for (const row of rows.values()) if (row.dueDate === TODAY) expect(row.daysOverdue).toBe(1);
    } finally {
      t.clock.set(NOW);
    }
  });

  it("when today's reports would fill the report cache, a pass stops, says so once in the log, and the rest are worked out when asked", async () => {
    t.clock.set(NOW);
    const cache = new ReportCache(150 * 1024);
    const reports = new ReportsService(t.app.get(RawReader), t.app.get(DataSource), t.clock, cache, t.config);
    const ahead = new ReportsAheadService(reports, cache, t.clock, t.config);
    const mark = logs.lines.length;
    await ahead.pass();
    await ahead.pass();
    const warnings = logged('warn', mark);
    const { plans, ready } = ahead.status();
    expect(plans).toBe(4);
    expect(ready).toBeGreaterThan(0);
    expect(ready).toBeLessThan(4);
    expect(warnings).toEqual([`Reports ahead: today's reports of ${ready} of 4 plans fill the report cache; the others are worked out when asked`]);
  });

  it('a pass that cannot read the plans logs it once however many passes fail, and again when it fails anew after recovering', async () => {
    const dataSource = t.app.get(DataSource);
    const mark = logs.lines.length;
    const breakPlans = () => dataSource.query('ALTER TABLE plan_revisions RENAME TO plan_revisions_away');
    const mendPlans = () => dataSource.query('ALTER TABLE plan_revisions_away RENAME TO plan_revisions');
    await breakPlans();
    try {
      await pass();
      await pass();
    } finally {
      await mendPlans();
    }
    const errors = () => logged('error', mark);
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toMatch(/^Reports ahead: reading the plans failed: .*plan_revisions/);
    await pass();
    expect((await health()).reportsAhead).toMatchObject({ plans: 4, ready: 4 });
    await breakPlans();
    try {
      await pass();
    } finally {
      await mendPlans();
    }
    expect(errors()).toHaveLength(2);
  });
});

describe('reports not worked out ahead (REPORTS_AHEAD_SECONDS=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REPORTS_AHEAD_SECONDS: '0', CLOCK: '2026-11-23T09:30:00+08:00' });
  });
  afterAll(() => t.close());

  it('runs no pass: the health check says none has run', async () => {
    await new Promise((r) => setTimeout(r, 300));
    expect((await t.anon().get('/api/v1/health').expect(200)).body.reportsAhead).toEqual({ plans: 0, ready: 0, checkedAt: null });
  });
});
