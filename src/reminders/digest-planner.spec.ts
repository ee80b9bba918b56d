import type { Plan } from '../plans/plan.entity.js';
import { type Light, type MilestoneStatus, recurringStatus, type Status } from '../status/status.js';
import type { Unit } from '../units/unit.entity.js';
import { digestSection } from './digest-planner.js';
import type { PlanSnapshot, SnapshotItem } from './plan-snapshot.js';

const plan = { id: 2, name: '江津区方案', timeZone: 'Asia/Shanghai' } as Plan;
const units = new Map([7, 8].map((id) => [id, { id, name: id === 7 ? '区经济信息委' : '区生态环境局' } as Unit]));

function item(seq: number, lead: number, due: string | null, status: Status, overdue: boolean, light: Light, closedOn: string | null = null): SnapshotItem {
  const m: MilestoneStatus = { status, overdue, light, dueDate: due, baselineDate: due, percent: null, closedOn, suspendedReason: null };
  return {
    itemType: 'task',
    itemId: seq,
    code: `任务${seq}`,
    title: `第${seq}项`,
    link: `http://x/tasks/${seq}`,
    leadUnitIds: [lead],
    supportUnitIds: [],
    paused: false,
    instructions: [],
    signedUnitIds: [],
    status,
    overdue,
    light,
    milestones: [{ id: seq * 10, phrase: '', status: m }],
  };
}

const snapshot = (asOf: string, items: SnapshotItem[]): PlanSnapshot => ({
  plan,
  asOf,
  planLink: 'http://x/plans/2/overview',
  myLink: 'http://x/plans/2/my',
  items,
  units,
  contacts: new Map(),
  officeUsers: [],
  leaderUsers: [],
});

describe('the digest of one plan', () => {
  const now = snapshot('2026-11-23', [
    item(1, 7, '2025-12-31', 'in_progress', true, 'red'),
    item(2, 8, '2026-11-20', 'not_started', true, 'red'),
    item(3, 7, '2026-06-30', 'closed', false, 'grey', '2026-11-20'),
    item(4, 7, '2026-11-28', 'in_progress', false, 'yellow'),
    item(5, 8, '2026-01-31', 'in_progress', true, 'red'),
  ]);
  const lastWeek = snapshot('2026-11-16', [
    item(1, 7, '2025-12-31', 'in_progress', true, 'red'),
    item(2, 8, '2026-11-20', 'not_started', false, 'yellow'),
    item(3, 7, '2026-06-30', 'in_progress', true, 'red'),
    item(4, 7, '2026-11-28', 'in_progress', false, 'yellow'),
    item(5, 8, '2026-01-31', 'in_progress', true, 'red'),
  ]);
  // Worked out inside each case (not when the file loads), so mutation testing can tell which case covers what.
  const digest = () => digestSection(now, lastWeek, 14);

  it('groups overdue items by lead unit, the unit with the longest delay first, each unit most overdue first', () => {
    expect(digest().overdueByUnit.map((u) => [u.unitName, u.items.map((l) => `${l.code} ${l.daysOverdue}`)])).toEqual([
      ['区经济信息委', ['任务1 327']],
      ['区生态环境局', ['任务5 296', '任务2 3']],
    ]);
  });

  it('lists as newly overdue only what was not overdue on the previous digest’s date', () => {
    expect(digest().newlyOverdue.map((l) => l.code)).toEqual(['任务2']);
  });

  it('lists milestones due within the window and those closed out in the past seven days', () => {
    expect(digest().dueSoon.map((l) => `${l.code} ${l.daysLeft}`)).toEqual(['任务4 5']);
    expect(digest().closedLastWeek.map((l) => l.code)).toEqual(['任务3']);
  });

  it('counts each list by traffic light', () => {
    expect(digest().summary).toEqual([{ itemType: 'task', total: 5, red: 3, yellow: 1, green: 0, grey: 1, closed: 1 }]);
  });
});

describe('the digest and a recurring duty', () => {
  // A yearly duty whose 2025 occurrence was closed out on 2026-01-20 and whose 2026 occurrence is due 2026-12-31:
  // in the week of 2026-01-26 the milestone speaks for 2026, but last year's close-out happened this week.
  const schedule = [2025, 2026].map((y) => ({
    key: `${y}-12-31`,
    start: `${y}-01-01`,
    label: `${y}年度`,
    events: y === 2025 ? [{ kind: 'closed' as const, date: '2026-01-20', seq: 1 }] : [],
    progress: [],
  }));
  const status = recurringStatus(schedule, { asOf: '2026-01-26', dueSoonDays: 14 });
  const duty: SnapshotItem = {
    itemType: 'task',
    itemId: 53,
    code: '任务53',
    title: '每年定期组织召开工作会',
    link: 'http://x/tasks/53',
    leadUnitIds: [8],
    supportUnitIds: [],
    paused: false,
    instructions: [],
    signedUnitIds: [],
    status: 'not_started',
    overdue: false,
    light: 'green',
    milestones: [{ id: 530, phrase: '每年', status }],
  };

  it("lists last year's occurrence closed out this week, named by its year", () => {
    const section = digestSection(snapshot('2026-01-26', [duty]), snapshot('2026-01-19', [duty]), 14);
    expect(section.closedLastWeek.map((l) => [l.code, l.phrase, l.closedOn])).toEqual([['任务53', '每年（2025年度）', '2026-01-20']]);
  });
});

describe("the leaders' 批示 in the digest", () => {
  const note = (date: string, content: string) => ({ date, author: '江津区领导（演示）', content });
  const withNotes = (i: SnapshotItem, notes: ReturnType<typeof note>[]): SnapshotItem => ({ ...i, instructions: notes });
  const now = snapshot('2026-11-23', [
    // Overdue, one 批示 this week and one a month ago.
    withNotes(item(1, 7, '2025-12-31', 'in_progress', true, 'red'), [note('2026-10-20', '旧批示'), note('2026-11-18', '请月底前报送推进计划')]),
    // On track, four 批示 this week: the latest three are listed, one more counted.
    withNotes(item(2, 8, '2026-12-31', 'in_progress', false, 'green'), [
      note('2026-11-17', '一'),
      note('2026-11-19', '二'),
      note('2026-11-20', '三'),
      note('2026-11-23', '四'),
    ]),
    // Seven days ago exactly is last week's digest.
    withNotes(item(3, 7, '2026-12-31', 'in_progress', false, 'green'), [note('2026-11-16', '上周一的批示')]),
  ]);
  const digest = () => digestSection(now, now, 14);

  it('lists the items given a 批示 in the past seven days, the latest first, each with those 批示', () => {
    expect(digest().instructed.map((l) => [l.code, l.instructions?.map((i) => i.content), l.moreInstructions])).toEqual([
      ['任务2', ['二', '三', '四'], 1],
      ['任务1', ['请月底前报送推进计划'], 0],
    ]);
  });

  it('leaves the overdue lines as they were: the 批示 are listed once, in their own block', () => {
    expect(
      digest()
        .overdueByUnit.flatMap((u) => u.items)
        .every((l) => l.instructions === undefined),
    ).toBe(true);
  });
});

describe('the digest’s order, edges and counts', () => {
  // As of Monday 2026-11-23: "due soon" runs to 12-07 (14 days), "closed last week" is after 11-16 up to today.
  const unassigned = (i: SnapshotItem): SnapshotItem => ({ ...i, leadUnitIds: [] });
  const note = (date: string) => [{ date, author: '李区长', content: '请加快推进' }];
  const waived = (i: SnapshotItem): SnapshotItem => ({
    ...i,
    milestones: i.milestones.map((m) => ({ ...m, status: { ...m.status, waivedReason: '本年度不再要求' } })),
  });
  const items = [
    unassigned(item(1, 7, '2026-10-01', 'in_progress', true, 'red')), // 53 days overdue, no lead unit
    item(2, 99, '2026-11-13', 'in_progress', true, 'red'), // 10 days, a lead unit the plan does not know
    { ...item(3, 7, '2026-10-24', 'in_progress', true, 'red'), instructions: note('2026-11-20') }, // 30 days
    item(10, 7, '2026-10-24', 'in_progress', true, 'red'), // 30 days
    item(4, 8, '2026-10-24', 'in_progress', true, 'red'), // 30 days
    item(5, 8, '2026-11-20', 'in_progress', true, 'red'), // 3 days
    item(6, 8, '2026-11-22', 'in_progress', true, 'red'), // 1 day
    { ...item(20, 7, '2026-12-07', 'in_progress', false, 'yellow'), instructions: note('2026-11-20') }, // the last day of the window
    { ...item(21, 7, '2026-12-08', 'in_progress', false, 'green'), instructions: note('2026-11-24') }, // one day past it; a 批示 dated tomorrow
    item(22, 7, '2026-11-23', 'in_progress', false, 'yellow'), // due today
    item(24, 7, '2026-11-30', 'not_started', false, 'yellow'),
    item(23, 7, '2026-11-30', 'submitted', false, 'yellow'),
    item(25, 7, '2026-11-30', 'closed', false, 'grey', '2026-11-01'),
    item(26, 7, '2026-11-30', 'suspended', false, 'grey'),
    item(30, 7, '2026-11-30', 'closed', false, 'grey', '2026-11-17'), // closed six days ago
    item(31, 7, '2026-11-30', 'closed', false, 'grey', '2026-11-16'), // seven days ago: last week's digest had it
    item(32, 7, '2026-11-30', 'closed', false, 'grey', '2026-11-23'), // today
    waived(item(33, 7, '2026-11-30', 'closed', false, 'grey', '2026-11-20')), // waived, not done
    { ...item(1, 7, '2026-12-31', 'in_progress', false, 'green'), itemType: 'project' as const, code: '项目1' },
  ];
  const lastWeek = snapshot('2026-11-16', [unassigned(item(1, 7, '2026-10-01', 'in_progress', true, 'red'))]);
  const digest = () => digestSection(snapshot('2026-11-23', items), lastWeek, 14);

  it('groups items with no known lead unit under 暂未明确; units tied on the longest delay are ordered by how many items are late', () => {
    expect(digest().overdueByUnit.map((u) => [u.unitName, u.items.map((l) => `${l.code} ${l.daysOverdue}`)])).toEqual([
      ['暂未明确', ['任务1 53', '任务2 10']],
      ['区生态环境局', ['任务4 30', '任务5 3', '任务6 1']],
      ['区经济信息委', ['任务3 30', '任务10 30']],
    ]);
  });

  it('lists the newly overdue most overdue first, ties in number order', () => {
    expect(digest().newlyOverdue.map((l) => l.code)).toEqual(['任务3', '任务4', '任务10', '任务2', '任务5', '任务6']);
  });

  it('counts due soon from today to the 14th day inclusive, soonest first, open milestones only (submitted ones still count)', () => {
    expect(digest().dueSoon.map((l) => `${l.code} ${l.daysLeft}`)).toEqual(['任务22 0', '任务23 7', '任务24 7', '任务20 14']);
  });

  it('lists as closed last week what was closed after last Monday up to today, and not what was waived', () => {
    expect(digest().closedLastWeek.map((l) => `${l.code} ${l.closedOn}`)).toEqual(['任务30 2026-11-17', '任务32 2026-11-23']);
  });

  it('orders the week’s 批示 by date, ties in number order, and leaves out one dated after the digest', () => {
    expect(digest().instructed.map((l) => l.code)).toEqual(['任务3', '任务20']);
  });

  it('counts each list that has items by light and close-out, and leaves out a list with none', () => {
    expect(digest().summary).toEqual([
      { itemType: 'task', total: 18, red: 7, yellow: 4, green: 1, grey: 6, closed: 5 },
      { itemType: 'project', total: 1, red: 0, yellow: 0, green: 1, grey: 0, closed: 0 },
    ]);
  });
});
