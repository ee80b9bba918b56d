import type { MilestoneStatus } from '../status/status.js';
import { assessedMonths, buildAssessment, DEFAULT_ASSESSMENT_RULE, scoreOf } from './assessment.js';
import type { PlanHeader, PlanView, ViewItem } from './plan-view.js';
import { emptyFacts, type ReportFacts } from './report-facts.js';

const PLAN: PlanHeader = { id: 1, name: '测试方案', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' };

function milestone(id: number, status: Partial<MilestoneStatus>): ViewItem['milestones'][number] {
  return {
    id,
    phrase: '2024年底前',
    status: { status: 'in_progress', overdue: false, light: 'green', dueDate: '2024-12-31', baselineDate: '2024-12-31', percent: null, closedOn: null, suspendedReason: null, ...status },
  };
}

function item(itemId: number, lead: number, milestones: ViewItem['milestones'], closed = false): ViewItem {
  return {
    itemType: 'task',
    itemId,
    seq: itemId,
    code: `任务${itemId}`,
    title: `任务${itemId}`,
    group: '一、章',
    leadUnitIds: [lead],
    supportUnitIds: [],
    status: { status: closed ? 'closed' : 'in_progress', overdue: false, light: 'green', milestones: new Map() },
    milestones,
  };
}

function facts(partial: Partial<ReportFacts>): ReportFacts {
  const units = [
    { id: 1, name: '甲局', kind: 'agency' },
    { id: 2, name: '乙局', kind: 'agency' },
  ];
  return { ...emptyFacts('2024-12-31'), units, ...partial };
}

describe('the assessment score', () => {
  it('is the weighted mean of the parts that measured something, in points of 100', () => {
    expect(scoreOf([{ weight: 50, rate: 100 }, { weight: 30, rate: 50 }, { weight: 20, rate: 0 }], 0, 2)).toBe(65);
  });

  it('gives a part with nothing to measure its weight to the others', () => {
    expect(scoreOf([{ weight: 50, rate: 80 }, { weight: 30, rate: null }, { weight: 20, rate: 80 }], 0, 2)).toBe(80);
  });

  it('takes points off per silent item and never goes below zero', () => {
    expect(scoreOf([{ weight: 100, rate: 90 }], 3, 2)).toBe(84);
    expect(scoreOf([{ weight: 100, rate: 10 }], 30, 2)).toBe(0);
  });

  it('is null when nothing could be measured', () => {
    expect(scoreOf([{ weight: 50, rate: null }, { weight: 0, rate: 100 }], 5, 2)).toBeNull();
  });
});

describe('assessed months', () => {
  it('are the months of the year that have ended by asOf, within the plan period', () => {
    expect(assessedMonths(2024, '2024-04-15', PLAN)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(assessedMonths(2024, '2024-04-30', PLAN)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(assessedMonths(2026, '2026-12-31', PLAN)).toEqual([]);
    expect(assessedMonths(2021, '2021-03-01', { ...PLAN, periodStart: '2021-02-01' })).toEqual(['2021-02']);
    // A month counts when its last day is on or after the plan's start and its first day on or before the plan's end.
    expect(assessedMonths(2024, '2024-12-31', { ...PLAN, periodStart: '2024-01-31', periodEnd: '2024-03-01' })).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(assessedMonths(2024, '2024-12-31', { ...PLAN, periodStart: '2024-02-01', periodEnd: '2024-02-29' })).toEqual(['2024-02']);
  });
});

describe('buildAssessment', () => {
  const view = (items: ViewItem[]): PlanView => ({ asOf: '2024-12-31', items, unitNames: new Map([[1, '甲局'], [2, '乙局']]) });
  const noUnits = { plan: PLAN, asOf: '2024-12-31', units: [], silentUnits: [] };

  it('counts a close-out as on time only by the original deadline, whatever an extension allowed', () => {
    const items = [
      item(1, 1, [milestone(11, { status: 'closed', closedOn: '2024-06-30', baselineDate: '2024-06-30' })]),
      // Extended to 2025-06-30 and closed in 2025-03: not on time against 2024-09-30.
      item(2, 1, [milestone(21, { status: 'in_progress', dueDate: '2025-06-30', baselineDate: '2024-09-30' })]),
      // Due in another year: not this year's business.
      item(3, 1, [milestone(31, { dueDate: '2023-12-31', baselineDate: '2023-12-31', overdue: true })]),
    ];
    const report = buildAssessment(PLAN, 2024, view(items), facts({}), noUnits, DEFAULT_ASSESSMENT_RULE);
    expect(report.units.find((u) => u.unitId === 1)!.onTime).toEqual({ counted: 2, met: 1, rate: 50 });
  });

  it('expects a report every month on each open item led, and counts notices answered by their date', () => {
    const items = [item(1, 2, [milestone(11, { dueDate: '2025-12-31', baselineDate: '2025-12-31' })])];
    const reportMonths = ['2024-01', '2024-02', '2024-05'].map((month) => ({ itemType: 'task' as const, itemId: 1, unitId: 2, month }));
    const notices = [
      { id: 1, itemType: 'task' as const, itemId: 1, unitId: 2, issuedDate: '2024-03-01', answerBy: '2024-03-10', status: 'answered', answeredDate: '2024-03-09' },
      { id: 2, itemType: 'task' as const, itemId: 1, unitId: 2, issuedDate: '2024-05-01', answerBy: '2024-05-10', status: 'answered', answeredDate: '2024-05-20' },
      { id: 3, itemType: 'task' as const, itemId: 1, unitId: 2, issuedDate: '2023-05-01', answerBy: '2023-05-10', status: 'open', answeredDate: null },
    ];
    const report = buildAssessment(PLAN, 2024, view(items), facts({ reportMonths, notices }), noUnits, DEFAULT_ASSESSMENT_RULE);
    const unit = report.units.find((u) => u.unitId === 2)!;
    expect(unit.reporting).toEqual({ counted: 12, met: 3, rate: 25 });
    expect(unit.notices).toEqual({ counted: 2, met: 1, rate: 50 });
    // No milestone due in 2024: on-time gives its 50 points to the other two (30 × 25% + 20 × 50%) / 50.
    expect(unit.score).toBe(35);
    expect(unit.rank).toBe(1);
  });
});

describe('buildAssessment of five units in 2024', () => {
  // 甲局 (1): one milestone closed on its original deadline, another due on asOf itself (not yet due), one without a
  //   date; reported 6 of 12 months; notices: 4 due (answered, or past their answer-by date), 3 answered in time.
  // 乙局 (2): an item closed out in May (its milestones closed 03-15 and 05-10, both in time): reports expected
  //   January to May only, 4 came (and one in July, after the close-out, which does not count); a suspended item
  //   is expected nothing; one silent item.
  // 戊局 (5) and 己局 (6): one milestone missed, every month reported: equal scores.
  // 庚局 (7): its only item was closed in 2023: nothing to measure in 2024.
  // 各镇街 (3, a group) leads an item but is not assessed; 丙局 (4) leads nothing.
  const units = [
    { id: 1, name: '甲局', kind: 'agency' },
    { id: 2, name: '乙局', kind: 'agency' },
    { id: 3, name: '各镇街', kind: 'group' },
    { id: 4, name: '丙局', kind: 'agency' },
    { id: 6, name: '己局', kind: 'agency' },
    { id: 5, name: '戊局', kind: 'agency' },
    { id: 7, name: '庚局', kind: 'agency' },
  ];
  const suspended: ViewItem = { ...item(3, 2, [milestone(31, {})]), status: { status: 'suspended', overdue: false, light: 'grey', milestones: new Map() } };
  const items = [
    item(1, 1, [
      milestone(11, { dueDate: '2024-12-31', baselineDate: '2024-12-31' }),
      milestone(12, { status: 'closed', closedOn: '2024-03-31', baselineDate: '2024-03-31' }),
      milestone(13, { dueDate: null, baselineDate: null }),
    ]),
    // The later close-out listed first: the item was closed out when its last milestone was.
    item(2, 2, [milestone(22, { status: 'closed', closedOn: '2024-05-10', baselineDate: '2024-05-31' }), milestone(21, { status: 'closed', closedOn: '2024-03-15', baselineDate: '2024-03-31' })], true),
    suspended,
    item(4, 5, [milestone(41, { baselineDate: '2024-06-30', dueDate: '2024-06-30', overdue: true })]),
    item(5, 6, [milestone(51, { baselineDate: '2024-06-30', dueDate: '2024-06-30', overdue: true })]),
    item(6, 7, [milestone(61, { status: 'closed', closedOn: '2023-06-01', baselineDate: '2023-06-30' })], true),
    item(7, 3, [milestone(71, { baselineDate: '2024-02-28' })]),
  ];
  const months = (unitId: number, itemId: number, list: string[]) => list.map((month) => ({ itemType: 'task' as const, itemId, unitId, month }));
  const all = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
  const notice = (id: number, unitId: number, issuedDate: string, answerBy: string | null, answeredDate: string | null) => ({
    id,
    itemType: 'task' as const,
    itemId: 1,
    unitId,
    issuedDate,
    answerBy,
    status: answeredDate ? 'answered' : 'open',
    answeredDate,
  });
  const reportFacts = (): ReportFacts => ({
    ...emptyFacts('2024-12-31'),
    units,
    reportMonths: [
      ...months(1, 1, all.slice(0, 6)),
      ...months(2, 2, ['2024-01', '2024-02', '2024-03', '2024-04', '2024-07']),
      ...months(5, 4, all),
      ...months(6, 5, all),
      // Reported on another unit's item: not its own.
      ...months(7, 1, all),
    ],
    notices: [
      notice(1, 1, '2024-02-01', '2024-02-10', '2024-02-09'),
      notice(2, 1, '2024-03-01', null, '2024-04-01'),
      notice(3, 1, '2024-04-01', '2024-04-10', null),
      notice(4, 1, '2024-12-20', '2024-12-31', null),
      notice(5, 1, '2024-06-01', null, null),
      notice(6, 1, '2024-06-01', '2024-06-10', '2024-06-10'),
      notice(7, 1, '2023-12-01', '2023-12-10', '2023-12-20'),
    ],
  });
  const unitsReport = { plan: PLAN, asOf: '2024-12-31', units: [], silentUnits: [{ unitId: 2, name: '乙局', items: ['任务9'] }] };
  const planView: PlanView = { asOf: '2024-12-31', items, unitNames: new Map() };
  const build = () => buildAssessment(PLAN, 2024, planView, reportFacts(), unitsReport, DEFAULT_ASSESSMENT_RULE);

  it('assesses the units that lead something, not groups, highest score first, equal scores sharing a rank, nothing measured last', () => {
    const report = build();
    expect([report.plan, report.year, report.asOf, report.rule]).toEqual([PLAN, 2024, '2024-12-31', DEFAULT_ASSESSMENT_RULE]);
    // 乙局: (50 × 100 + 30 × 80) / 80 = 92.5, less 2 for its silent item = 90.5.
    // 甲局: (50 × 100 + 30 × 50 + 20 × 75) / 100 = 80.
    // 戊局, 己局: (50 × 0 + 30 × 100) / 80 = 37.5.
    expect(report.units.map((u) => [u.unitId, u.name, u.score, u.rank])).toEqual([
      [2, '乙局', 90.5, 1],
      [1, '甲局', 80, 2],
      [5, '戊局', 37.5, 3],
      [6, '己局', 37.5, 3],
      [7, '庚局', null, null],
    ]);
  });

  it('counts milestones due in the year by their original deadline, not one due on asOf itself or one without a date', () => {
    const byId = new Map(build().units.map((u) => [u.unitId, u]));
    expect(byId.get(1)!.onTime).toEqual({ counted: 1, met: 1, rate: 100 });
    expect(byId.get(2)!.onTime).toEqual({ counted: 2, met: 2, rate: 100 });
    expect(byId.get(5)!.onTime).toEqual({ counted: 1, met: 0, rate: 0 });
    expect(byId.get(7)!.onTime).toEqual({ counted: 0, met: 0, rate: null });
  });

  it('expects a monthly report on an item until the month it was closed out, and none on a suspended item', () => {
    const byId = new Map(build().units.map((u) => [u.unitId, u]));
    expect(byId.get(1)!.reporting).toEqual({ counted: 12, met: 6, rate: 50 });
    expect(byId.get(2)!.reporting).toEqual({ counted: 5, met: 4, rate: 80 });
    expect(byId.get(6)!.reporting).toEqual({ counted: 12, met: 12, rate: 100 });
    expect(byId.get(7)!.reporting).toEqual({ counted: 0, met: 0, rate: null });
  });

  it("counts the year's notices once answered or past their answer-by date; answered in time when by that date or none was set", () => {
    const byId = new Map(build().units.map((u) => [u.unitId, u]));
    // Due: 1 (answered in time), 2 (answered, no date set), 3 (unanswered after 04-10), 6 (answered on its date).
    // Not due: 4 (answer by asOf itself), 5 (no date, unanswered); 7 was issued in 2023.
    expect(byId.get(1)!.notices).toEqual({ counted: 4, met: 3, rate: 75 });
    expect(byId.get(2)!.notices).toEqual({ counted: 0, met: 0, rate: null });
  });

  it('names the silent items of each unit', () => {
    const byId = new Map(build().units.map((u) => [u.unitId, u]));
    expect(byId.get(2)!.silentItems).toEqual(['任务9']);
    expect(byId.get(1)!.silentItems).toEqual([]);
  });

  it('scores by the rule it is given', () => {
    const report = buildAssessment(PLAN, 2024, planView, reportFacts(), unitsReport, { onTimeWeight: 0, reportingWeight: 0, noticesWeight: 10, silencePenalty: 5 });
    // Only notices count: 甲局 75; the others have none to measure.
    expect(report.units.map((u) => [u.unitId, u.score, u.rank])).toEqual([
      [1, 75, 1],
      [2, null, null],
      [5, null, null],
      [6, null, null],
      [7, null, null],
    ]);
  });
});
