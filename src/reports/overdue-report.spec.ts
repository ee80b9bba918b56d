import type { MilestoneStatus } from '../status/status.js';
import { buildOverdueReport, overduePhrase, type OverdueReport } from './overdue-report.js';
import type { PlanHeader, PlanView, ViewItem } from './plan-view.js';
import { emptyFacts, type NoticeRow, type ReportFacts } from './report-facts.js';

const PLAN: PlanHeader = { id: 3, name: '测试方案', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const ASOF = '2024-06-30';

function ms(id: number, phrase: string, over: Partial<MilestoneStatus>): ViewItem['milestones'][number] {
  const overdue = over.overdue ?? false;
  return {
    id,
    phrase,
    status: { status: 'not_started', overdue, light: overdue ? 'red' : 'green', dueDate: '2024-12-31', baselineDate: '2024-12-31', percent: null, closedOn: null, suspendedReason: null, ...over },
  };
}

function item(itemType: ViewItem['itemType'], itemId: number, group: string, lead: number[], support: number[], milestones: ViewItem['milestones']): ViewItem {
  const overdue = milestones.some((m) => m.status.overdue);
  return {
    itemType,
    itemId,
    seq: itemId,
    code: `${({ task: '任务', project: '项目', indicator: '指标' } as Record<string, string>)[itemType]}${itemId}`,
    title: `事项${itemId}`,
    group,
    leadUnitIds: lead,
    supportUnitIds: support,
    status: { status: 'in_progress', overdue, light: overdue ? 'red' : 'green', milestones: new Map() },
    milestones,
  };
}

/*
 * On 2024-06-30:
 *   任务1 (甲局 leads, 乙局 supports): m11 due 06-20 → 10 days; m12 due 2024-05-31 after an extension from 03-31 → 30 days;
 *          m13 not overdue.
 *   任务2 (乙局 leads): m23 and m21 due 06-20 → 10 days. Two notices, one still open.
 *   (The view lists them out of order: 项目1, 任务2, 任务1, 指标1, 任务3.)
 *   项目1 (丙局 leads): m31 due 06-20 → 10 days.
 *   指标1 (甲局 leads): yearly m41, its 2023 occurrence due 2023-12-31 still open (182 days), 2 occurrences missed.
 *   任务3 (甲局 leads): nothing overdue.
 */
const view: PlanView = {
  asOf: ASOF,
  unitNames: new Map([
    [1, '甲局'],
    [2, '乙局'],
    [3, '丙局'],
  ]),
  items: [
    item('project', 1, '固废', [3], [], [ms(31, '6月20日前', { overdue: true, dueDate: '2024-06-20', baselineDate: '2024-06-20' })]),
    item('task', 2, '二、章', [2], [], [
      ms(23, '6月20日前', { overdue: true, dueDate: '2024-06-20', baselineDate: '2024-06-20' }),
      ms(21, '6月20日前', { overdue: true, dueDate: '2024-06-20', baselineDate: '2024-06-20' }),
    ]),
    item('task', 1, '一、章', [1], [2], [
      ms(11, '6月20日前', { overdue: true, dueDate: '2024-06-20', baselineDate: '2024-06-20', status: 'in_progress' }),
      ms(12, '一季度', { overdue: true, dueDate: '2024-05-31', baselineDate: '2024-03-31', status: 'submitted' }),
      ms(13, '年底前', {}),
    ]),
    item('indicator', 1, '指标', [1, 4], [], [
      ms(41, '每年', { overdue: true, dueDate: '2023-12-31', baselineDate: '2023-12-31', occurrence: { key: '2023-12-31', label: '2023年度' }, missedOccurrences: 2 }),
    ]),
    item('task', 3, '一、章', [1], [], [ms(31, '年底前', {})]),
  ],
};

function notice(id: number, itemId: number, issuedDate: string, status: string): NoticeRow {
  return { id, itemType: 'task', itemId, unitId: 2, issuedDate, answerBy: null, status, answeredDate: status === 'open' ? null : issuedDate };
}

function facts(): ReportFacts {
  return {
    ...emptyFacts(ASOF),
    reported: [
      { itemType: 'task', itemId: 1, unitId: 1, lastDate: '2024-05-10' },
      { itemType: 'task', itemId: 1, unitId: 2, lastDate: '2024-06-02' },
      { itemType: 'task', itemId: 1, unitId: 5, lastDate: '2024-04-01' },
      { itemType: 'task', itemId: 2, unitId: 2, lastDate: null },
      { itemType: 'project', itemId: 1, unitId: 3, lastDate: null },
      { itemType: 'project', itemId: 1, unitId: 7, lastDate: '2024-01-15' },
    ],
    notices: [notice(1, 2, '2024-05-01', 'answered'), notice(2, 2, '2024-06-05', 'open'), notice(3, 3, '2024-06-06', 'open')],
  };
}

describe('the overdue report', () => {
  let report: OverdueReport;
  // beforeEach, not beforeAll: mutation testing switches a mutant on per test, after beforeAll has run.
  beforeEach(() => {
    report = buildOverdueReport(PLAN, view, facts(), {});
  });

  it('lists every overdue milestone, longest overdue first, then tasks before projects before indicators, by item and milestone', () => {
    expect(report.rows.map((r) => [r.code, r.milestoneId, r.daysOverdue])).toEqual([
      ['指标1', 41, 182],
      ['任务1', 12, 30],
      ['任务1', 11, 10],
      ['任务2', 21, 10],
      ['任务2', 23, 10],
      ['项目1', 31, 10],
    ]);
  });

  it('counts overdue milestones, the items they belong to, and milestones per list', () => {
    expect([report.plan, report.asOf, report.filter]).toEqual([PLAN, ASOF, {}]);
    expect(report.milestones).toBe(6);
    expect(report.items).toBe(4);
    expect(report.byList).toEqual({ task: 4, project: 1, indicator: 1 });
  });

  it('gives a row the due date that stood and the original one only when an extension moved it', () => {
    const row = report.rows.find((r) => r.milestoneId === 12)!;
    expect(row).toEqual({
      itemType: 'task',
      itemId: 1,
      code: '任务1',
      title: '事项1',
      group: '一、章',
      milestoneId: 12,
      phrase: '一季度',
      occurrence: null,
      missedOccurrences: 0,
      dueDate: '2024-05-31',
      baselineDate: '2024-03-31',
      daysOverdue: 30,
      status: 'submitted',
      leadUnits: ['甲局'],
      supportUnits: ['乙局'],
      lastReportDate: '2024-06-02',
      notices: { count: 0, open: 0, lastIssuedDate: null },
    });
    expect(report.rows.find((r) => r.milestoneId === 11)!.baselineDate).toBeNull();
  });

  it('gives the last day any unit reported, or none, and the supervision notices issued', () => {
    const t2 = report.rows.find((r) => r.code === '任务2')!;
    expect(t2.lastReportDate).toBeNull();
    expect(t2.notices).toEqual({ count: 2, open: 1, lastIssuedDate: '2024-06-05' });
    expect(report.rows.find((r) => r.code === '项目1')!.lastReportDate).toBe('2024-01-15');
  });

  it('names a recurring milestone by its overdue occurrence and says how many others are overdue', () => {
    const row = report.rows[0];
    expect(row.code).toBe('指标1');
    expect([row.occurrence, row.missedOccurrences, row.leadUnits]).toEqual(['2023年度', 2, ['甲局', '#4']]);
    expect(overduePhrase(row)).toBe('每年（2023年度；另有1期逾期未销号）');
    expect(overduePhrase(report.rows[1])).toBe('一季度');
  });

  it('keeps to one list when asked', () => {
    const tasks = buildOverdueReport(PLAN, view, facts(), { list: 'task' });
    expect(tasks.rows.map((r) => r.milestoneId)).toEqual([12, 11, 21, 23]);
    expect([tasks.milestones, tasks.items, tasks.byList, tasks.filter]).toEqual([4, 2, { task: 4, project: 0, indicator: 0 }, { list: 'task' }]);
    expect(buildOverdueReport(PLAN, view, facts(), { list: 'project' }).rows.map((r) => r.code)).toEqual(['项目1']);
  });

  it('keeps to the items a unit leads or supports when asked', () => {
    expect(buildOverdueReport(PLAN, view, facts(), { unitId: 2 }).rows.map((r) => r.milestoneId)).toEqual([12, 11, 21, 23]);
    expect(buildOverdueReport(PLAN, view, facts(), { unitId: 1 }).rows.map((r) => r.milestoneId)).toEqual([41, 12, 11]);
    expect(buildOverdueReport(PLAN, view, facts(), { unitId: 1, list: 'indicator' }).rows.map((r) => r.milestoneId)).toEqual([41]);
    expect(buildOverdueReport(PLAN, view, facts(), { unitId: 9 }).rows).toEqual([]);
  });

  it('is empty when nothing is overdue', () => {
    const calm = buildOverdueReport(PLAN, { ...view, items: [view.items.find((i) => i.code === '任务3')!] }, facts(), {});
    expect([calm.milestones, calm.items, calm.byList, calm.rows]).toEqual([0, 0, { task: 0, project: 0, indicator: 0 }, []]);
  });

  it('counts only the notices still open as unanswered, and dates the last one issued', () => {
    const more = facts();
    more.notices = [notice(1, 2, '2024-05-01', 'answered'), notice(2, 2, '2024-06-05', 'open'), notice(4, 2, '2024-06-20', 'answered')];
    const t2 = buildOverdueReport(PLAN, view, more, { list: 'task' }).rows.find((r) => r.code === '任务2')!;
    expect(t2.notices).toEqual({ count: 3, open: 1, lastIssuedDate: '2024-06-20' });
  });
});
