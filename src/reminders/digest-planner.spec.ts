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

const snapshot = (asOf: string, items: SnapshotItem[]): PlanSnapshot => ({ plan, asOf, planLink: 'http://x/plans/2/overview', myLink: 'http://x/plans/2/my', items, units, contacts: new Map(), officeUsers: [], leaderUsers: [] });

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

  it('lists last year\'s occurrence closed out this week, named by its year', () => {
    const section = digestSection(snapshot('2026-01-26', [duty]), snapshot('2026-01-19', [duty]), 14);
    expect(section.closedLastWeek.map((l) => [l.code, l.phrase, l.closedOn])).toEqual([['任务53', '每年（2025年度）', '2026-01-20']]);
  });
});

describe('the leaders\' 批示 in the digest', () => {
  const note = (date: string, content: string) => ({ date, author: '江津区领导（演示）', content });
  const withNotes = (i: SnapshotItem, notes: ReturnType<typeof note>[]): SnapshotItem => ({ ...i, instructions: notes });
  const now = snapshot('2026-11-23', [
    // Overdue, one 批示 this week and one a month ago.
    withNotes(item(1, 7, '2025-12-31', 'in_progress', true, 'red'), [note('2026-10-20', '旧批示'), note('2026-11-18', '请月底前报送推进计划')]),
    // On track, four 批示 this week: the latest three are listed, one more counted.
    withNotes(item(2, 8, '2026-12-31', 'in_progress', false, 'green'), [note('2026-11-17', '一'), note('2026-11-19', '二'), note('2026-11-20', '三'), note('2026-11-23', '四')]),
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
    expect(digest().overdueByUnit.flatMap((u) => u.items).every((l) => l.instructions === undefined)).toBe(true);
  });
});
