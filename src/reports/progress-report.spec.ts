import type { EventRow, MilestoneRow, StandingRow } from './report-facts.js';
import { emptyFacts, type ReportFacts } from './report-facts.js';
import { planView, type PlanHeader } from './plan-view.js';
import { buildProgressReport, type ProgressReport, type StatusCounts } from './progress-report.js';
import { progressSheets } from './report-sheets.js';

/*
 * One small plan on 2024-06-30 (yellow: due within 30 days). Every expected number below is worked out by hand
 * from the rules in the README, "状态与红黄绿灯" (status from events; overdue = past due and not closed/suspended; light red for
 * overdue, yellow for due soon or more than 10 points behind time, grey for closed/suspended/no deadline).
 *
 * 任务清单
 *   T1 一、章A  m101 due 03-31, nothing done             → not started, overdue, red        lead 甲局, support 乙局
 *   T2 一、章A  m201 due 05-31, closed 05-31 (on the day)  → closed, grey                     lead 甲局
 *   T3 二、章B  m301 due 12-31 started, 80%; m302 due 06-29 nothing; m303 due 09-30 closed 06-20; m304 due 06-30;
 *               m305 without a date
 *                                                       → in progress, overdue (m302), red   lead 乙局
 *   T4 (blank)  m401 due 07-15                           → not started, yellow (15 days)    no lead (各镇街 supports)
 *   T5 二、章B  m501 due 04-30 extended to 09-30 and submitted; m502 suspended
 *                                                       → submitted, green                 lead 乙局
 *   T6 二、章B  m601 due 10-31 suspended                 → suspended, grey                  lead 甲局
 * 项目清单
 *   P1 固废  (id 3, as task 3) 100.1万元; m1100 without a date; m1101 due 12-31 started, 65% (latest report);
 *            m1102 due 2025-06-30 → in progress, green; lead 甲局; 40.25 done
 *   P2 固废  no plan figure; m1200 due 02-29 closed 02-20; m1201 due 06-01, reported done 05-20 (submitted)
 *                                                       → submitted, overdue, red; lead 乙局
 *   P3 (blank) 50.2万元; m1301 due 02-28, closed 03-05 (late)                 → closed, grey; lead 甲局; 50 done
 * 目标清单
 *   I1 资源化利用, no milestones → not started, grey; leads 甲局 and #9 (a unit not in the plan's list)
 *   I2 (blank), m2201 due 2025-12-31 started, no percent: 0% + 10 < 69.9% of time gone → in progress, yellow; leads 乙局, 丁局
 *   I3 资源化利用, no milestones, no lead → not started, grey
 */
const PLAN: PlanHeader = { id: 7, name: '测试方案', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const ASOF = '2024-06-30';

function ms(id: number, itemType: MilestoneRow['itemType'], itemId: number, dueDate: string | null, extra: Partial<MilestoneRow> = {}): MilestoneRow {
  return { id, itemType, itemId, seq: id, dueDate, baselineDate: dueDate, periodStart: null, recurrence: null, phrase: `${dueDate}前`, ...extra };
}
let eventId = 0;
function ev(itemType: EventRow['itemType'], itemId: number, milestoneId: number | null, kind: EventRow['kind'], date: string, toDate: string | null = null): EventRow {
  return { id: ++eventId, itemType, itemId, milestoneId, kind, date, toDate, reason: kind === 'suspended' ? '资金未落实' : null, occurrence: null };
}
function rep(id: number, itemType: StandingRow['itemType'], itemId: number, milestoneId: number | null, percent: number | null, date: string, state = 'in_progress'): StandingRow {
  return { id, itemType, itemId, milestoneId, percent, state, submittedDate: date, occurrence: null };
}

const TASKS = [
      { id: 1, seq: 1, chapter: '一、章A', content: '建立固废台账' },
      { id: 2, seq: 2, chapter: '一、章A', content: '出台实施方案' },
      { id: 3, seq: 3, chapter: '二、章B', content: '建设回收站点' },
      { id: 4, seq: 4, chapter: '   ', content: '开展宣传' },
      { id: 5, seq: 5, chapter: '二、章B', content: '完成评估' },
      { id: 6, seq: 6, chapter: '二、章B', content: '建设填埋场' },
];

/** The facts' items, as the items statement reads them from each list's rows. */
function itemsOf(facts: ReportFacts): ReportFacts['items'] {
  return [
    ...TASKS.map((t) => ({ itemType: 'task' as const, itemId: t.id, seq: t.seq, title: t.content, group: t.chapter })),
    ...facts.projects.map((p) => ({ itemType: 'project' as const, itemId: p.id, seq: p.seq, title: p.name, group: p.category })),
    ...facts.indicators.map((i) => ({ itemType: 'indicator' as const, itemId: i.id, seq: i.seq, title: i.name, group: i.level1 })),
  ];
}

function planFacts(): ReportFacts {
  const facts: ReportFacts = {
    ...emptyFacts(ASOF),
    projects: [
      { id: 3, seq: 1, category: '固废', name: '资源化利用中心', investment: 100.1 },
      { id: 12, seq: 2, category: '固废', name: '分拣中心', investment: null },
      { id: 13, seq: 3, category: '', name: '焚烧厂改造', investment: 50.2 },
    ],
    indicators: [
      {
        id: 21, seq: 1, level1: '资源化利用', name: '一般工业固废综合利用率', mark: null, unit: '%', direction: 'higher',
        baselineYear: 2020, baselineText: '85%', baselineValue: 85,
        targets: JSON.stringify([{ year: 2023, text: '88%', value: 88, scope: null }, { year: 2025, text: '≥92%', value: 92, scope: null }]),
      },
      {
        id: 22, seq: 2, level1: '', name: '生活垃圾人均产生量', mark: null, unit: 'kg/人·日', direction: 'lower',
        baselineYear: null, baselineText: '', baselineValue: null,
        targets: JSON.stringify([{ year: null, text: '逐年下降', value: null, scope: null }]),
      },
      {
        id: 23, seq: 3, level1: '资源化利用', name: '危废规范化管理达标率', mark: null, unit: '%', direction: 'higher',
        baselineYear: null, baselineText: '', baselineValue: null,
        targets: JSON.stringify([
          { year: 2025, text: '≥50%', value: 50, scope: null },
          { year: 2025, text: '100%（重点单位）', value: 100, scope: '重点单位' },
          { year: 2023, text: '40%', value: 40, scope: null },
        ]),
      },
    ],
    milestones: [
      ms(101, 'task', 1, '2024-03-31'),
      ms(201, 'task', 2, '2024-05-31'),
      ms(301, 'task', 3, '2024-12-31', { periodStart: '2024-01-01' }),
      ms(302, 'task', 3, '2024-06-29'),
      ms(303, 'task', 3, '2024-09-30'),
      ms(304, 'task', 3, '2024-06-30'),
      ms(305, 'task', 3, null),
      ms(401, 'task', 4, '2024-07-15'),
      ms(501, 'task', 5, '2024-04-30'),
      ms(502, 'task', 5, '2024-06-15'),
      ms(601, 'task', 6, '2024-10-31'),
      ms(1100, 'project', 3, null),
      ms(1101, 'project', 3, '2024-12-31', { periodStart: '2024-01-01' }),
      ms(1102, 'project', 3, '2025-06-30', { periodStart: '2025-01-01' }),
      ms(1200, 'project', 12, '2024-02-29'),
      ms(1201, 'project', 12, '2024-06-01'),
      ms(1301, 'project', 13, '2024-02-28'),
      ms(2201, 'indicator', 22, '2025-12-31'),
    ],
    events: [
      ev('task', 2, 201, 'closed', '2024-05-31'),
      ev('task', 3, 301, 'started', '2024-02-01'),
      ev('task', 3, 303, 'closed', '2024-06-20'),
      ev('task', 5, 501, 'due_changed', '2024-04-20', '2024-09-30'),
      ev('task', 5, 501, 'submitted', '2024-06-10'),
      ev('task', 5, 502, 'suspended', '2024-06-01'),
      ev('task', 6, 601, 'suspended', '2024-03-01'),
      ev('project', 3, 1101, 'started', '2024-03-01'),
      ev('project', 12, 1200, 'started', '2024-01-10'),
      ev('project', 12, 1200, 'closed', '2024-02-20'),
      ev('project', 12, 1201, 'submitted', '2024-05-20'),
      ev('project', 13, 1301, 'started', '2024-01-10'),
      ev('project', 13, 1301, 'closed', '2024-03-05'),
      ev('indicator', 22, 2201, 'started', '2022-01-01'),
    ],
    standing: [
      rep(6, 'task', 3, 301, 80, '2024-06-01'),
      rep(1, 'project', 3, null, 30, '2024-03-01'),
      rep(3, 'project', 3, 1101, 65, '2024-05-01'),
      rep(2, 'project', 3, 1101, 60, '2024-05-01'),
      rep(5, 'project', 12, null, 95, '2024-05-20', 'done'),
    ],
    investments: [
      { itemId: 3, investmentDone: 40.25 },
      { itemId: 13, investmentDone: 50 },
    ],
    assignments: [
      { itemType: 'task', itemId: 1, unitId: 1, role: 'lead' },
      { itemType: 'task', itemId: 1, unitId: 2, role: 'support' },
      { itemType: 'task', itemId: 2, unitId: 1, role: 'lead' },
      { itemType: 'task', itemId: 3, unitId: 2, role: 'lead' },
      { itemType: 'task', itemId: 4, unitId: 3, role: 'support' },
      { itemType: 'task', itemId: 5, unitId: 2, role: 'lead' },
      { itemType: 'task', itemId: 6, unitId: 1, role: 'lead' },
      { itemType: 'project', itemId: 3, unitId: 1, role: 'lead' },
      { itemType: 'project', itemId: 12, unitId: 2, role: 'lead' },
      { itemType: 'project', itemId: 13, unitId: 1, role: 'lead' },
      { itemType: 'indicator', itemId: 21, unitId: 1, role: 'lead' },
      { itemType: 'indicator', itemId: 21, unitId: 9, role: 'lead' },
      { itemType: 'indicator', itemId: 22, unitId: 2, role: 'lead' },
      { itemType: 'indicator', itemId: 22, unitId: 8, role: 'lead' },
    ],
    units: [
      { id: 1, name: '甲局', kind: 'agency' },
      { id: 2, name: '乙局', kind: 'agency' },
      { id: 3, name: '各镇街', kind: 'group' },
      { id: 4, name: '丙局', kind: 'agency' },
      { id: 8, name: '丁局', kind: 'agency' },
    ],
    indicatorValues: [
      { indicatorId: 21, period: '2024', value: 93, text: null, judgement: null },
      { indicatorId: 21, period: '2024-07', value: 99, text: null, judgement: null },
      { indicatorId: 21, period: '2024-06', value: 91.5, text: null, judgement: null },
      { indicatorId: 21, period: 'abc', value: 1, text: null, judgement: null },
      { indicatorId: 21, period: '2023', value: 89, text: null, judgement: null },
      { indicatorId: 21, period: '2024-05', value: 90, text: null, judgement: null },
      { indicatorId: 22, period: '2023', value: 0.9, text: null, judgement: 'met' },
      { indicatorId: 22, period: '2023-12', value: 0.95, text: null, judgement: null },
    ],
  };
  return { ...facts, items: itemsOf(facts) };
}

function counts(total: number, s: [number, number, number, number, number], overdue: number, l: [number, number, number, number], closedRate: number | null, overdueRate: number | null): StatusCounts {
  return {
    total,
    byStatus: { not_started: s[0], in_progress: s[1], submitted: s[2], closed: s[3], suspended: s[4] },
    overdue,
    lights: { red: l[0], yellow: l[1], green: l[2], grey: l[3] },
    closedRate,
    overdueRate,
  };
}

describe('the progress report of a small plan on 2024-06-30', () => {
  let report: ProgressReport;
  // beforeEach, not beforeAll: mutation testing switches a mutant on per test, after beforeAll has run.
  beforeEach(() => {
    const facts = planFacts();
    report = buildProgressReport(PLAN, planView(facts, PLAN, 30), facts);
  });

  it('says which plan and day it is about', () => {
    expect(report.plan).toBe(PLAN);
    expect(report.asOf).toBe('2024-06-30');
  });

  it('counts the whole plan by status, overdue and light', () => {
    // 12 items: not started T1 T4 I1 I3; in progress T3 P1 I2; submitted T5 P2; closed T2 P3; suspended T6.
    // Overdue T1 T3 P2 (3 of 12 = 25%); closed 2 of 12 = 16.7%. Red T1 T3 P2; yellow T4 I2; green T5 P1; grey T2 T6 P3 I1 I3.
    expect(report.totals).toEqual(counts(12, [4, 3, 2, 2, 1], 3, [3, 2, 2, 5], 16.7, 25));
  });

  it('counts each list, in the order 任务, 项目, 目标', () => {
    expect(report.lists.map((l) => [l.list, l.name])).toEqual([
      ['task', '任务清单'],
      ['project', '项目清单'],
      ['indicator', '目标清单'],
    ]);
    const [tasks, projects, indicators] = report.lists;
    expect({ ...tasks, list: undefined, name: undefined, chapters: undefined }).toEqual({
      ...counts(6, [2, 1, 1, 1, 1], 2, [2, 1, 1, 2], 16.7, 33.3),
      list: undefined,
      name: undefined,
      chapters: undefined,
    });
    expect(projects).toMatchObject(counts(3, [0, 1, 1, 1, 0], 1, [1, 0, 1, 1], 33.3, 33.3));
    expect(indicators).toMatchObject(counts(3, [2, 1, 0, 0, 0], 0, [0, 1, 0, 2], 0, 0));
  });

  it('groups each list by chapter (category, level-1 category) in order of first appearance; a blank one is 未分章节', () => {
    const [tasks, projects, indicators] = report.lists;
    expect(tasks.chapters).toEqual([
      { name: '一、章A', ...counts(2, [1, 0, 0, 1, 0], 1, [1, 0, 0, 1], 50, 50) },
      { name: '二、章B', ...counts(3, [0, 1, 1, 0, 1], 1, [1, 0, 1, 1], 0, 33.3) },
      { name: '（未分章节）', ...counts(1, [1, 0, 0, 0, 0], 0, [0, 1, 0, 0], 0, 0) },
    ]);
    expect(projects.chapters).toEqual([
      { name: '固废', ...counts(2, [0, 1, 1, 0, 0], 1, [1, 0, 1, 0], 0, 50) },
      { name: '（未分章节）', ...counts(1, [0, 0, 0, 1, 0], 0, [0, 0, 0, 1], 100, 0) },
    ]);
    expect(indicators.chapters.map((c) => [c.name, c.total, c.byStatus.in_progress, c.lights.yellow])).toEqual([
      ['资源化利用', 2, 0, 0],
      ['（未分章节）', 1, 1, 1],
    ]);
  });

  it('gives each lead unit its items led, closed and overdue, and milestones closed by their original deadline, most overdue first', () => {
    // 乙局 leads T3 T5 P2 I2; overdue T3 P2. Due: m302 (06-29, open), m303 (closed early on 06-20: on time), m501 (original
    // 04-30, extended), m502 (06-15, suspended), m1200 (closed 02-20 by 02-29: on time), m1201 (06-01): 6, of them 2 on
    // time = 33.3%. m301 (12-31) and m304 (due today, still open) are not due yet; m305 has no date.
    // 甲局 leads T1 T2 T6 P1 P3 I1; closed T2 P3; overdue T1. Due: m101 (open), m201 (closed on its day, 05-31), m1301
    // (closed 03-05 after 02-28): 3, 1 on time = 33.3%.
    // 丁局 (I2) and #9 (I1) lead nothing overdue and nothing due: no rate; equal, so by id.
    expect(report.units).toEqual([
      { unitId: 2, name: '乙局', led: 4, closed: 0, overdue: 2, due: 6, closedOnTime: 2, onTimeRate: 33.3 },
      { unitId: 1, name: '甲局', led: 6, closed: 2, overdue: 1, due: 3, closedOnTime: 1, onTimeRate: 33.3 },
      { unitId: 8, name: '丁局', led: 1, closed: 0, overdue: 0, due: 0, closedOnTime: 0, onTimeRate: null },
      { unitId: 9, name: '#9', led: 1, closed: 0, overdue: 0, due: 0, closedOnTime: 0, onTimeRate: null },
    ]);
  });

  it('lists the items no unit leads, a supporting group notwithstanding', () => {
    expect(report.unassigned).toEqual([
      { itemType: 'task', itemId: 4, code: '任务4', title: '开展宣传' },
      { itemType: 'indicator', itemId: 23, code: '指标3', title: '危废规范化管理达标率' },
    ]);
  });

  it('gives each project its planned and reported investment, the latest percent and the next open deadline', () => {
    expect(report.projects).toEqual([
      // Two reports on 05-01: the later made (id 3, 65%) stands (task 3's report of 06-01 is another item's); the next
      // open deadline is m1101's, not m1102's, and m1100 has none.
      { itemId: 3, code: '项目1', name: '资源化利用中心', category: '固废', investment: 100.1, reportedInvestment: 40.25, percent: 65, status: 'in_progress', light: 'green', overdue: false, dueDate: '2024-12-31' },
      // Reported done: 100%, although the office has not closed it out; m1200, closed, is no longer the next deadline.
      { itemId: 12, code: '项目2', name: '分拣中心', category: '固废', investment: null, reportedInvestment: null, percent: 100, status: 'submitted', light: 'red', overdue: true, dueDate: '2024-06-01' },
      // Closed: 100% without any report of a percent; nothing open, so its last deadline.
      { itemId: 13, code: '项目3', name: '焚烧厂改造', category: '（未分章节）', investment: 50.2, reportedInvestment: 50, percent: 100, status: 'closed', light: 'grey', overdue: false, dueDate: '2024-02-28' },
    ]);
  });

  it('adds the investment up to the cent: 100.1 + 50.2 planned, 40.25 + 50 reported', () => {
    expect(report.investment).toEqual({ planned: 150.3, reported: 90.25 });
  });

  it('gives each indicator its baseline, final target and the latest value whose period has ended', () => {
    const [i1, i2, i3] = report.indicators;
    // 2024 (ends 12-31) and 2024-07 (ends 07-31) have not ended on 06-30; of 2023, 2024-05 and 2024-06 the latest is 2024-06.
    expect(i1).toEqual({
      itemId: 21,
      code: '指标1',
      name: '一般工业固废综合利用率',
      unit: '%',
      direction: 'higher',
      baseline: { year: 2020, text: '85%', value: 85 },
      finalTarget: { year: 2025, text: '≥92%' },
      latest: { period: '2024-06', value: 91.5, text: null },
      attainment: { targetYear: 2025, target: { text: '≥92%', value: 92 }, status: 'not_met', by: 'rule', reason: '实际值 91.5 未满足2025年目标“≥92”' },
      status: 'not_started',
      light: 'grey',
    });
    // A year's value comes after its months: 2023 (judged 达标 by the office) is the latest, not 2023-12.
    expect(i2.latest).toEqual({ period: '2023', value: 0.9, text: null });
    expect(i2.finalTarget).toEqual({ year: null, text: '逐年下降' });
    expect(i2.attainment).toMatchObject({ status: 'met', by: 'office' });
    expect(i2.baseline).toEqual({ year: null, text: '', value: null });
    expect([i2.status, i2.light]).toEqual(['in_progress', 'yellow']);
    // Two targets in the last year are shown together; no value yet.
    expect(i3.finalTarget).toEqual({ year: 2025, text: '≥50%；100%（重点单位）' });
    expect(i3.latest).toBeNull();
    expect(i3.attainment).toBeNull();
  });

  it('gives a project nobody reported on no percent, and one without milestones no deadline', () => {
    const facts = planFacts();
    facts.standing = [];
    facts.milestones = facts.milestones.filter((m) => !(m.itemType === 'project' && m.itemId === 12));
    const one = buildProgressReport(PLAN, planView(facts, PLAN, 30), facts);
    expect(one.projects.map((p) => [p.code, p.percent, p.dueDate])).toEqual([
      ['项目1', null, '2024-12-31'],
      ['项目2', null, null],
      ['项目3', 100, '2024-02-28'],
    ]);
  });

  it("takes a project's percent from its latest report: by date, and of two on one day the later made, whatever order they come in", () => {
    const facts = planFacts();
    facts.standing = [
      rep(2, 'project', 3, 1101, 60, '2024-05-01'),
      rep(3, 'project', 3, 1101, 65, '2024-05-01'),
      rep(7, 'project', 3, 1101, 20, '2024-04-01'),
    ];
    const one = buildProgressReport(PLAN, planView(facts, PLAN, 30), facts);
    expect(one.projects[0].percent).toBe(65);
  });

  it("takes the final target from the last dated year even when an undated target is written too", () => {
    const facts = planFacts();
    facts.indicators = [{ ...facts.indicators[0], targets: JSON.stringify([{ year: 2025, text: '≥92%', value: 92, scope: null }, { year: null, text: '持续提高', value: null, scope: null }]) }];
    const one = buildProgressReport(PLAN, planView(facts, PLAN, 30), facts);
    expect(one.indicators[0].finalTarget).toEqual({ year: 2025, text: '≥92%' });
  });

  it('shows an indicator without targets with none', () => {
    const facts = planFacts();
    facts.indicators = [{ ...facts.indicators[2], targets: '' }];
    facts.indicatorValues = [];
    const one = buildProgressReport(PLAN, planView(facts, PLAN, 30), facts);
    expect(one.indicators[0].finalTarget).toBeNull();
  });
});

describe('the progress report as sheets (CSV sections, XLSX sheets)', () => {
  let sheets: ReturnType<typeof progressSheets>;
  // beforeEach, not beforeAll: mutation testing switches a mutant on per test, after beforeAll has run.
  beforeEach(() => {
    const facts = planFacts();
    sheets = progressSheets(buildProgressReport(PLAN, planView(facts, PLAN, 30), facts));
  });

  it('has the five tables in order', () => {
    expect(sheets.map((s) => s.title)).toEqual(['分清单分章节进展', '牵头单位', '目标指标', '项目投资与完成', '未明确牵头单位']);
    for (const sheet of sheets) {
      expect(sheet.widths).toHaveLength(sheet.header.length);
      for (const row of sheet.rows) expect(row).toHaveLength(sheet.header.length);
    }
  });

  it('puts each list total, its chapters and the plan total in the status table, with rates as percentages', () => {
    const [status] = sheets;
    expect(status.header).toEqual(['清单', '章节', '事项数', '未开始', '推进中', '已报完成', '已销号', '已暂停', '逾期', '销号率', '逾期率', '红灯', '黄灯', '绿灯', '灰灯']);
    expect(status.rows.map((r) => r.slice(0, 2))).toEqual([
      ['任务清单', '合计'],
      ['任务清单', '一、章A'],
      ['任务清单', '二、章B'],
      ['任务清单', '（未分章节）'],
      ['项目清单', '合计'],
      ['项目清单', '固废'],
      ['项目清单', '（未分章节）'],
      ['目标清单', '合计'],
      ['目标清单', '资源化利用'],
      ['目标清单', '（未分章节）'],
      ['全部清单', '合计'],
    ]);
    expect(status.widths).toEqual([12, 40, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9]);
    expect(status.rows[0]).toEqual(['任务清单', '合计', '6', '2', '1', '1', '1', '1', '2', '16.7%', '33.3%', '2', '1', '1', '2']);
    expect(status.rows[10]).toEqual(['全部清单', '合计', '12', '4', '3', '2', '2', '1', '3', '16.7%', '25%', '3', '2', '2', '5']);
  });

  it('lists the lead units with an empty rate where nothing was due', () => {
    const [, units] = sheets;
    expect(units.header).toEqual(['牵头单位', '牵头事项', '已销号', '逾期事项', '应完成节点', '按期销号节点', '按期完成率']);
    expect(units.rows).toEqual([
      ['乙局', '4', '0', '2', '6', '2', '33.3%'],
      ['甲局', '6', '2', '1', '3', '1', '33.3%'],
      ['丁局', '1', '0', '0', '0', '0', ''],
      ['#9', '1', '0', '0', '0', '0', ''],
    ]);
  });

  it('lists the indicators with their latest value and attainment in words', () => {
    const [, , indicators] = sheets;
    expect(indicators.rows).toEqual([
      ['指标1', '一般工业固废综合利用率', '%', '2020', '85%', '2025', '≥92%', '2024-06', '91.5', '未达标', '实际值 91.5 未满足2025年目标“≥92”', '未开始'],
      ['指标2', '生活垃圾人均产生量', 'kg/人·日', '', '', '', '逐年下降', '2023', '0.9', '达标', '无废办判定：达标', '推进中'],
      ['指标3', '危废规范化管理达标率', '%', '', '', '2025', '≥50%；100%（重点单位）', '', '', '暂无数据', '', '未开始'],
    ]);
  });

  it('shows a text value where the value is not a number', () => {
    const facts = planFacts();
    facts.indicatorValues = [{ indicatorId: 22, period: '2023', value: null, text: '明显下降', judgement: null }];
    const [, , indicators] = progressSheets(buildProgressReport(PLAN, planView(facts, PLAN, 30), facts));
    expect(indicators.rows[1].slice(8, 10)).toEqual(['明显下降', '待判定']);
    expect(indicators.rows[0].slice(7, 10)).toEqual(['', '', '暂无数据']);
  });

  it('lists the projects with investment in 万元, percent, status in Chinese and 是/否 for overdue', () => {
    const [, , , projects] = sheets;
    expect(projects.rows).toEqual([
      ['项目1', '资源化利用中心', '固废', '100.1', '40.25', '65%', '推进中', '否', '2024-12-31'],
      ['项目2', '分拣中心', '固废', '', '', '100%', '已报完成', '是', '2024-06-01'],
      ['项目3', '焚烧厂改造', '（未分章节）', '50.2', '50', '100%', '已销号', '否', '2024-02-28'],
    ]);
  });

  it('leaves the target cells blank for an indicator without targets', () => {
    const facts = planFacts();
    facts.indicators = [{ ...facts.indicators[2], targets: '' }];
    const [, , indicators] = progressSheets(buildProgressReport(PLAN, planView(facts, PLAN, 30), facts));
    expect(indicators.rows[0].slice(5, 7)).toEqual(['', '']);
  });

  it('heads the indicator and project tables in Chinese', () => {
    const [, , indicators, projects] = sheets;
    expect(indicators.header).toEqual(['编号', '指标名称', '单位', '基准年', '基准值', '目标年', '目标值', '最新期间', '最新值', '达标情况', '说明', '状态']);
    expect(projects.header).toEqual(['编号', '项目名称', '类别', '计划投资（万元）', '已完成投资（万元）', '完成进度', '状态', '逾期', '完成时限']);
  });

  it('lists the items without a lead unit', () => {
    const [, , , , unassigned] = sheets;
    expect(unassigned.header).toEqual(['编号', '事项']);
    expect(unassigned.rows).toEqual([
      ['任务4', '开展宣传'],
      ['指标3', '危废规范化管理达标率'],
    ]);
  });
});
