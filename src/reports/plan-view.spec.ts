import type { MilestoneStatus } from '../status/status.js';
import { checkpoints, namesOf, NO_GROUP, planView, rate, type ViewMilestone } from './plan-view.js';
import { emptyFacts, type ReportFacts } from './report-facts.js';

const PLAN = { periodStart: '2024-01-01', periodEnd: '2025-12-31' };

function facts(): ReportFacts {
  return {
    ...emptyFacts('2024-06-30'),
    items: [
      { itemType: 'task', itemId: 5, seq: 2, title: '建立\n  工业固废   台账', group: '  二、固废  ' },
      { itemType: 'task', itemId: 9, seq: 10, title: '长'.repeat(81), group: '' },
      { itemType: 'project', itemId: 3, seq: 1, title: '分拣中心', group: '再生资源' },
      { itemType: 'indicator', itemId: 4, seq: 3, title: '综合利用率', group: ' 目标 ' },
    ],
    milestones: [
      { id: 51, itemType: 'task', itemId: 5, seq: 1, dueDate: '2024-03-31', baselineDate: '2024-03-31', periodStart: null, recurrence: null, phrase: '2024年一季度' },
      { id: 52, itemType: 'task', itemId: 5, seq: 2, dueDate: '2024-12-31', baselineDate: '2024-12-31', periodStart: null, recurrence: null, phrase: '2024年底前' },
      { id: 31, itemType: 'project', itemId: 3, seq: 1, dueDate: '2024-07-10', baselineDate: '2024-07-10', periodStart: null, recurrence: null, phrase: '7月10日前' },
    ],
    standing: [{ id: 1, itemType: 'project', itemId: 3, milestoneId: null, percent: 95, state: 'in_progress', submittedDate: '2024-06-01', occurrence: null }],
    events: [{ id: 1, itemType: 'task', itemId: 5, milestoneId: 51, kind: 'closed', date: '2024-03-20', toDate: null, reason: null, occurrence: null }],
    assignments: [
      { itemType: 'task', itemId: 5, unitId: 2, role: 'support' },
      { itemType: 'task', itemId: 5, unitId: 1, role: 'lead' },
      { itemType: 'task', itemId: 5, unitId: 3, role: 'support' },
      { itemType: 'project', itemId: 3, unitId: 2, role: 'lead' },
    ],
    units: [
      { id: 1, name: '市发改委', kind: 'agency' },
      { id: 2, name: '市生态环境局', kind: 'agency' },
    ],
  };
}

describe('the plan view', () => {
  it('lists tasks, then projects, then indicators, each coded by its list and number', () => {
    const view = planView(facts(), PLAN, 30);
    expect(view.asOf).toBe('2024-06-30');
    expect(view.items.map((i) => [i.itemType, i.itemId, i.seq, i.code])).toEqual([
      ['task', 5, 2, '任务2'],
      ['task', 9, 10, '任务10'],
      ['project', 3, 1, '项目1'],
      ['indicator', 4, 3, '指标3'],
    ]);
  });

  it('shows the title on one line, cut at 80 characters', () => {
    const [t5, t9] = planView(facts(), PLAN, 30).items;
    expect(t5.title).toBe('建立 工业固废 台账');
    expect(t9.title).toBe(`${'长'.repeat(80)}…`);
  });

  it('groups by chapter, category or level-1 category, trimmed; a blank one is 未分章节', () => {
    expect(planView(facts(), PLAN, 30).items.map((i) => i.group)).toEqual(['二、固废', NO_GROUP, '再生资源', '目标']);
    expect(NO_GROUP).toBe('（未分章节）');
  });

  it('names lead and supporting units in the order they were assigned', () => {
    const view = planView(facts(), PLAN, 30);
    const [t5, t9, p3] = view.items;
    expect([t5.leadUnitIds, t5.supportUnitIds]).toEqual([[1], [2, 3]]);
    expect([t9.leadUnitIds, t9.supportUnitIds]).toEqual([[], []]);
    expect([p3.leadUnitIds, p3.supportUnitIds]).toEqual([[2], []]);
    expect(namesOf(view, [2, 3, 1])).toEqual(['市生态环境局', '#3', '市发改委']);
  });

  it('gives each item and milestone its status on the day', () => {
    const [t5, t9, p3, i4] = planView(facts(), PLAN, 30).items;
    // 51 closed on 03-20; 52 due 12-31 and not begun, 184 days away, with half the time (181 of 365 days) gone and
    // nothing reported: more than 10 points behind, yellow. One milestone closed: the item is in progress.
    expect(t5.milestones).toEqual([
      { id: 51, phrase: '2024年一季度', status: expect.objectContaining({ status: 'closed', closedOn: '2024-03-20', light: 'grey' }) },
      { id: 52, phrase: '2024年底前', status: expect.objectContaining({ status: 'not_started', overdue: false, light: 'yellow', dueDate: '2024-12-31' }) },
    ]);
    expect([t5.status.status, t5.status.overdue, t5.status.light]).toEqual(['in_progress', false, 'yellow']);
    // Due 07-10, 10 days away, 95% done (not behind): yellow when "due soon" is within 10 days or more, else green.
    expect(p3.status.light).toBe('yellow');
    expect(planView(facts(), PLAN, 10).items[2].status.light).toBe('yellow');
    expect(planView(facts(), PLAN, 9).items[2].status.light).toBe('green');
    // No milestones: no deadline, grey.
    expect([t9.milestones, t9.status.status, t9.status.light]).toEqual([[], 'not_started', 'grey']);
    expect(i4.status.light).toBe('grey');
  });

  it('names every unit of the plan', () => {
    expect([...planView(facts(), PLAN, 30).unitNames]).toEqual([
      [1, '市发改委'],
      [2, '市生态环境局'],
    ]);
  });
});

describe('rate', () => {
  it('is a percentage with one decimal, rounded half up', () => {
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(1, 8)).toBe(12.5);
    expect(rate(1, 16)).toBe(6.3);
    expect(rate(3, 3)).toBe(100);
    expect(rate(0, 7)).toBe(0);
  });

  it('is null when there is nothing to share out', () => {
    expect(rate(0, 0)).toBeNull();
  });
});

describe('checkpoints', () => {
  const status = (over: Partial<MilestoneStatus>): MilestoneStatus => ({
    status: 'in_progress',
    overdue: false,
    light: 'green',
    dueDate: '2024-12-31',
    baselineDate: '2024-12-31',
    percent: null,
    closedOn: null,
    suspendedReason: null,
    ...over,
  });
  const occurrence = (key: string, over: Partial<MilestoneStatus> = {}) => ({ ...status({ dueDate: key, baselineDate: key, ...over }), key, label: key.slice(0, 4), start: `${key.slice(0, 4)}-01-01` });

  it('are the milestones, and each occurrence of a recurring one except those waived', () => {
    const plain: ViewMilestone = { id: 1, phrase: '2024年底前', status: status({}) };
    const yearly: ViewMilestone = {
      id: 2,
      phrase: '每年',
      status: status({
        occurrences: [occurrence('2022-12-31', { status: 'closed', closedOn: '2022-12-01' }), occurrence('2023-12-31', { status: 'closed', waivedReason: '政策调整' }), occurrence('2024-12-31')],
      }),
    };
    expect(checkpoints([plain, yearly]).map((c) => c.baselineDate)).toEqual(['2024-12-31', '2022-12-31', '2024-12-31']);
    expect(checkpoints([])).toEqual([]);
  });
});
