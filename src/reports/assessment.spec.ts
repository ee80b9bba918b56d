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
