import type { MilestoneStatus, Status } from '../status/status.js';
import type { PlanHeader, PlanView, ViewItem } from './plan-view.js';
import { emptyFacts, type ReportFacts } from './report-facts.js';
import { buildUnitsReport, type UnitsReport } from './unit-report.js';

const PLAN: PlanHeader = { id: 3, name: '测试方案', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const ASOF = '2024-06-30';

function ms(id: number, phrase: string, over: Partial<MilestoneStatus>): ViewItem['milestones'][number] {
  return {
    id,
    phrase,
    status: { status: 'in_progress', overdue: false, light: 'green', dueDate: null, baselineDate: null, percent: null, closedOn: null, suspendedReason: null, ...over },
  };
}

function item(itemId: number, lead: number[], support: number[], status: Status, overdue: boolean, milestones: ViewItem['milestones']): ViewItem {
  return {
    itemType: 'task',
    itemId,
    seq: itemId,
    code: `任务${itemId}`,
    title: `事项${itemId}`,
    group: '一、章',
    leadUnitIds: lead,
    supportUnitIds: support,
    status: { status, overdue, light: overdue ? 'red' : status === 'closed' ? 'grey' : 'green', milestones: new Map() },
    milestones,
  };
}

/*
 * Units: 1 甲局, 2 乙局, 3 各镇街 (a group), 4 丙局 (holds nothing).
 *   任务1 甲局 leads, 乙局 and 各镇街 support: milestones due 09-30 (40%), 2024-07-31 (55%), 2024-05-31 suspended (10%),
 *         one without a date → in progress; next due 07-31 (the earliest open one, though listed second); 35%.
 *   任务2 甲局 leads: closed → 100%, nothing due next.
 *   任务3 乙局 leads, overdue, due 06-15, no percent reported.
 *   任务4 甲局 both leads and supports (lead wins): 3 milestones at 10%, 10%, 11% → 10.33 → 10%.
 * Reported: 甲局 on 任务1 05-10 and 任务4 06-01; 乙局 on 任务1 06-02 (as supporter) but never on 任务3; 甲局 never on 任务2;
 * 各镇街 never — but a group is never called silent.
 */
const view: PlanView = {
  asOf: ASOF,
  unitNames: new Map(),
  items: [
    item(1, [1], [2, 3], 'in_progress', false, [
      ms(11, '三季度', { dueDate: '2024-09-30', percent: 40 }),
      ms(12, '7月底前', { dueDate: '2024-07-31', percent: 55 }),
      ms(13, '5月底前', { dueDate: '2024-05-31', status: 'suspended', percent: 10 }),
      ms(14, '长期坚持', {}),
    ]),
    item(2, [1], [], 'closed', false, [ms(21, '一季度', { dueDate: '2024-03-31', status: 'closed', percent: 100, closedOn: '2024-03-20' })]),
    item(3, [2], [], 'not_started', true, [ms(31, '6月15日前', { dueDate: '2024-06-15', status: 'not_started', overdue: true, light: 'red' })]),
    item(4, [1], [1], 'in_progress', false, [
      ms(41, 'a', { dueDate: '2024-12-31', percent: 10 }),
      ms(42, 'b', { dueDate: '2024-12-31', percent: 10 }),
      ms(43, 'c', { dueDate: '2024-12-31', percent: 11 }),
    ]),
  ],
};

function facts(): ReportFacts {
  return {
    ...emptyFacts(ASOF),
    units: [
      { id: 1, name: '甲局', kind: 'agency' },
      { id: 2, name: '乙局', kind: 'agency' },
      { id: 3, name: '各镇街', kind: 'group' },
      { id: 4, name: '丙局', kind: 'agency' },
    ],
    reported: [
      { itemType: 'task', itemId: 1, unitId: 1, lastDate: '2024-05-10' },
      { itemType: 'task', itemId: 1, unitId: 2, lastDate: '2024-06-02' },
      { itemType: 'task', itemId: 1, unitId: 3, lastDate: null },
      // (No row at all for 甲局 on 任务2: as silent as a row without a date.)
      { itemType: 'task', itemId: 3, unitId: 2, lastDate: null },
      { itemType: 'task', itemId: 4, unitId: 1, lastDate: '2024-06-01' },
      // Another list's item with the same id is another item.
      { itemType: 'project', itemId: 3, unitId: 2, lastDate: '2024-06-20' },
    ],
  };
}

describe('the units report (责任清单)', () => {
  let report: UnitsReport;
  // beforeEach, not beforeAll: mutation testing switches a mutant on per test, after beforeAll has run.
  beforeEach(() => {
    report = buildUnitsReport(PLAN, view, facts());
  });

  it('lists the units that hold items, in the plan order, with their counts', () => {
    expect([report.plan, report.asOf]).toEqual([PLAN, ASOF]);
    expect(report.units.map(({ items: _items, ...u }) => u)).toEqual([
      { unitId: 1, name: '甲局', kind: 'agency', lead: 3, support: 0, closed: 1, overdue: 0, silent: 1 },
      { unitId: 2, name: '乙局', kind: 'agency', lead: 1, support: 1, closed: 0, overdue: 1, silent: 1 },
      { unitId: 3, name: '各镇街', kind: 'group', lead: 0, support: 1, closed: 0, overdue: 0, silent: 0 },
    ]);
  });

  it("gives each line the unit's role, the next open deadline, the mean percent and the unit's own last report", () => {
    const jia = report.units[0].items;
    expect(jia.map((i) => i.code)).toEqual(['任务1', '任务2', '任务4']);
    expect(jia[0]).toEqual({
      itemType: 'task',
      itemId: 1,
      code: '任务1',
      title: '事项1',
      role: 'lead',
      status: 'in_progress',
      light: 'green',
      overdue: false,
      nextDue: { dueDate: '2024-07-31', phrase: '7月底前' },
      // (40 + 55 + 10) / 3 = 35
      percent: 35,
      lastReportDate: '2024-05-10',
      silent: false,
    });
    expect(jia[1]).toMatchObject({ role: 'lead', status: 'closed', nextDue: null, percent: 100, lastReportDate: null, silent: true });
    expect(jia[2]).toMatchObject({ role: 'lead', nextDue: { dueDate: '2024-12-31', phrase: 'a' }, percent: 10, lastReportDate: '2024-06-01', silent: false });
    const yi = report.units[1].items;
    expect(yi.map((i) => [i.code, i.role, i.lastReportDate, i.silent, i.percent, i.overdue, i.nextDue?.dueDate])).toEqual([
      ['任务1', 'support', '2024-06-02', false, 35, false, '2024-07-31'],
      ['任务3', 'lead', null, true, null, true, '2024-06-15'],
    ]);
    expect(report.units[2].items.map((i) => [i.code, i.role, i.silent])).toEqual([['任务1', 'support', false]]);
  });

  it('names the units that never reported on an item they hold, with those items', () => {
    expect(report.silentUnits).toEqual([
      { unitId: 1, name: '甲局', items: ['任务2'] },
      { unitId: 2, name: '乙局', items: ['任务3'] },
    ]);
  });

  it('shows one unit alone when asked, even one holding nothing', () => {
    const one = buildUnitsReport(PLAN, view, facts(), 2);
    expect(one.units.map((u) => [u.unitId, u.items.length])).toEqual([[2, 2]]);
    expect(one.silentUnits).toEqual([{ unitId: 2, name: '乙局', items: ['任务3'] }]);
    const none = buildUnitsReport(PLAN, view, facts(), 4);
    expect(none.units).toEqual([{ unitId: 4, name: '丙局', kind: 'agency', lead: 0, support: 0, closed: 0, overdue: 0, silent: 0, items: [] }]);
    expect(none.silentUnits).toEqual([]);
  });

  it('gives a line with only an undated deadline no next deadline, and an item closed as a whole 100%', () => {
    const undated = item(5, [1], [], 'in_progress', false, [ms(51, '长期坚持', { dueDate: null })]);
    const closedWhole = item(6, [1], [], 'closed', false, []);
    const report = buildUnitsReport(PLAN, { ...view, items: [undated, closedWhole] }, facts(), 1);
    expect(report.units[0].items.map((i) => [i.code, i.nextDue, i.percent])).toEqual([
      ['任务5', null, null],
      ['任务6', null, 100],
    ]);
  });
});
