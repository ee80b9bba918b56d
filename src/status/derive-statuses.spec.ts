import { deriveStatuses, type EventInput, itemKey, type MilestoneInput, type StandingInput } from './derive-statuses.js';
import type { StatusEventKind } from './status-event.entity.js';

// Every expected value below is worked out by hand from the README's "状态与红黄绿灯":
// red = overdue (due date passed, not closed out); yellow = due within 14 days, or progress more than 10 points behind
// the share of time elapsed (from the milestone's period start, else the plan's start, to its due date); green
// otherwise; grey = closed out, suspended or no due date.
const plan = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const on = (asOf: string) => ({ asOf, dueSoonDays: 14 });

const milestone = (id: number, itemType: string, itemId: number, over: Partial<MilestoneInput> = {}): MilestoneInput => ({
  id,
  itemType,
  itemId,
  dueDate: '2023-12-31',
  baselineDate: null,
  periodStart: null,
  recurrence: null,
  ...over,
});
const event = (
  id: number,
  item: [string, number],
  milestoneId: number | null,
  kind: StatusEventKind,
  date: string,
  over: Partial<EventInput> = {},
): EventInput => ({ id, itemType: item[0], itemId: item[1], milestoneId, kind, date, toDate: null, reason: null, occurrence: null, ...over });
const report = (
  id: number,
  item: [string, number],
  milestoneId: number | null,
  percent: number | null,
  submittedDate: string,
  over: Partial<StandingInput> = {},
): StandingInput => ({ id, itemType: item[0], itemId: item[1], milestoneId, percent, state: 'in_progress', submittedDate, occurrence: null, ...over });

const derive = (
  items: [string, number][],
  rows: { milestones?: MilestoneInput[]; events?: EventInput[]; standing?: StandingInput[] },
  asOf: string,
  period = plan,
) =>
  deriveStatuses(
    items.map(([itemType, itemId]) => ({ itemType, itemId })),
    { milestones: rows.milestones ?? [], events: rows.events ?? [], standing: rows.standing ?? [] },
    period,
    on(asOf),
  );

describe('deriveStatuses: one-off milestones', () => {
  const task: [string, number] = ['task', 7];
  const rows = {
    milestones: [milestone(70, 'task', 7)],
    events: [event(1, task, 70, 'started', '2022-03-01')],
    standing: [report(10, task, 70, 30, '2022-03-01'), report(11, task, null, 55, '2022-06-01')],
  };

  it('counts a report on the item as a whole toward its milestone, and the latest report stands', () => {
    // 2021-01-01 .. 2023-12-31 is 1094 days; 2022-07-02 is day 547: half the time gone. The item-wide 55% (+10) keeps up.
    const status = derive([task], rows, '2022-07-02').get(itemKey('task', 7))!;
    expect(status).toMatchObject({ status: 'in_progress', overdue: false, light: 'green' });
    expect(status.milestones.get(70)).toMatchObject({ status: 'in_progress', percent: 55, dueDate: '2023-12-31', baselineDate: '2023-12-31', light: 'green' });
  });

  it('before the item-wide report the milestone report stands, and 30% is behind 44% of the time', () => {
    // 2022-05-01 is day 485 of 1094 (44.3%); 30 + 10 < 44.3: behind time, yellow.
    const status = derive([task], rows, '2022-05-01').get(itemKey('task', 7))!;
    expect(status.milestones.get(70)).toMatchObject({ percent: 30, light: 'yellow' });
    expect(status).toMatchObject({ status: 'in_progress', light: 'yellow' });
  });

  it('before anything happened the milestone is not started and the item too', () => {
    // 2022-02-01 is day 396 of 1094 (36%); nothing reported counts as 0%: behind time.
    const status = derive([task], rows, '2022-02-01').get(itemKey('task', 7))!;
    expect(status.milestones.get(70)).toMatchObject({ status: 'not_started', percent: null, light: 'yellow' });
    expect(status.status).toBe('not_started');
  });

  it('shares events and reports out to the milestone they are on, and rolls the item up from them', () => {
    const item: [string, number] = ['task', 8];
    const derived = derive(
      [item],
      {
        milestones: [milestone(80, 'task', 8), milestone(81, 'task', 8, { dueDate: '2025-12-31' })],
        events: [event(1, item, 80, 'closed', '2022-06-30'), event(2, item, null, 'suspended', '2022-01-01', { reason: '旧事件' })],
        standing: [report(20, item, 81, 90, '2022-06-01')],
      },
      '2022-07-02',
    ).get(itemKey('task', 8))!;
    expect(derived.milestones.get(80)).toMatchObject({ status: 'closed', closedOn: '2022-06-30', percent: 100, light: 'grey', overdue: false });
    // The event on the item as a whole does not suspend its milestones; 90% is far ahead of 547/1825 days (30%).
    expect(derived.milestones.get(81)).toMatchObject({ status: 'not_started', percent: 90, light: 'green', suspendedReason: null });
    expect(derived).toMatchObject({ status: 'in_progress', overdue: false, light: 'green' });
    expect([...derived.milestones.keys()].sort()).toEqual([80, 81]);
  });

  it('a report on one milestone does not count toward another of the same item', () => {
    const item: [string, number] = ['task', 9];
    const derived = derive(
      [item],
      { milestones: [milestone(90, 'task', 9), milestone(91, 'task', 9, { dueDate: '2025-12-31' })], standing: [report(21, item, 91, 90, '2022-06-01')] },
      '2022-07-02',
    ).get(itemKey('task', 9))!;
    // Milestone 90 has nothing at half time: yellow; the item takes the worst light and is still not started.
    expect(derived.milestones.get(90)).toMatchObject({ percent: null, light: 'yellow' });
    expect(derived.milestones.get(91)).toMatchObject({ percent: 90, light: 'green' });
    expect(derived).toMatchObject({ status: 'not_started', light: 'yellow', overdue: false });
  });

  it('an overdue milestone makes the item overdue and red though another is closed', () => {
    const item: [string, number] = ['project', 4];
    const derived = derive(
      [item],
      {
        milestones: [milestone(40, 'project', 4, { dueDate: '2022-12-31' }), milestone(41, 'project', 4, { dueDate: '2023-06-30' })],
        events: [event(1, item, 40, 'started', '2022-03-01'), event(2, item, 41, 'closed', '2023-01-04')],
      },
      '2023-01-05',
    ).get(itemKey('project', 4))!;
    expect(derived.milestones.get(40)).toMatchObject({ status: 'in_progress', overdue: true, light: 'red' });
    expect(derived).toMatchObject({ status: 'in_progress', overdue: true, light: 'red' });
  });

  it('measures time elapsed from the milestone period start when it has one, else from the plan start', () => {
    const item: [string, number] = ['task', 12];
    const milestones = [milestone(120, 'task', 12, { periodStart: '2022-01-01' }), milestone(121, 'task', 12)];
    const standing = [report(30, item, 120, 20, '2022-06-01'), report(31, item, 121, 20, '2022-06-01')];
    const derived = derive([item], { milestones, standing }, '2022-07-02').get(itemKey('task', 12))!;
    // 120: 2022-01-01 .. 2023-12-31 is 729 days, 182 gone (25%): 20 + 10 keeps up. 121: half the plan-start span gone.
    expect(derived.milestones.get(120)!.light).toBe('green');
    expect(derived.milestones.get(121)!.light).toBe('yellow');
  });

  it('uses the plan start of the plan it is given', () => {
    const item: [string, number] = ['task', 13];
    const derived = derive([item], { milestones: [milestone(130, 'task', 13)], standing: [report(32, item, 130, 20, '2022-06-01')] }, '2022-07-02', {
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
    }).get(itemKey('task', 13))!;
    // As the milestone with its own period start above: 25% of the time gone, 20% done: green.
    expect(derived.milestones.get(130)!.light).toBe('green');
  });

  it('keeps the baseline as first set while an extension moves the due date from the day it was approved', () => {
    const item: [string, number] = ['task', 14];
    const milestones = [
      milestone(140, 'task', 14, { dueDate: '2024-06-30', baselineDate: '2023-12-31' }),
      milestone(141, 'task', 14, { dueDate: '2023-12-31', baselineDate: null }),
    ];
    const events = [event(1, item, 140, 'due_changed', '2023-10-10', { toDate: '2024-06-30' })];
    const before = derive([item], { milestones, events }, '2023-10-09').get(itemKey('task', 14))!;
    expect(before.milestones.get(140)).toMatchObject({ dueDate: '2023-12-31', baselineDate: '2023-12-31' });
    const after = derive([item], { milestones, events }, '2024-01-15').get(itemKey('task', 14))!;
    expect(after.milestones.get(140)).toMatchObject({ dueDate: '2024-06-30', baselineDate: '2023-12-31', overdue: false });
    // Without a baseline of its own the due date is the baseline; it has passed.
    expect(after.milestones.get(141)).toMatchObject({ dueDate: '2023-12-31', baselineDate: '2023-12-31', overdue: true, light: 'red' });
    expect(after).toMatchObject({ overdue: true, light: 'red' });
  });
});

describe('deriveStatuses: which report stands', () => {
  const item: [string, number] = ['task', 15];
  const milestones = [milestone(150, 'task', 15)];

  it('of two reports made the same day, the later one (higher id) stands, whatever order the rows come in', () => {
    const derived = derive([item], { milestones, standing: [report(31, item, 150, 70, '2022-06-01'), report(30, item, 150, 20, '2022-06-01')] }, '2022-07-02');
    expect(derived.get(itemKey('task', 15))!.milestones.get(150)!.percent).toBe(70);
    const reversed = derive([item], { milestones, standing: [report(30, item, 150, 70, '2022-06-01'), report(31, item, 150, 20, '2022-06-01')] }, '2022-07-02');
    expect(reversed.get(itemKey('task', 15))!.milestones.get(150)!.percent).toBe(20);
  });

  it('a report of the later date stands over one made earlier', () => {
    const derived = derive([item], { milestones, standing: [report(41, item, 150, 80, '2022-07-01'), report(40, item, 150, 45, '2022-08-01')] }, '2022-09-01');
    expect(derived.get(itemKey('task', 15))!.milestones.get(150)!.percent).toBe(45);
  });

  it('a report that says done counts as 100%', () => {
    const derived = derive([item], { milestones, standing: [report(50, item, 150, null, '2022-06-01', { state: 'done' })] }, '2022-07-02');
    expect(derived.get(itemKey('task', 15))!.milestones.get(150)!.percent).toBe(100);
  });

  it('a report without a share done leaves the earlier share standing', () => {
    const derived = derive(
      [item],
      { milestones, standing: [report(60, item, 150, 40, '2022-03-01'), report(61, item, 150, null, '2022-05-01')] },
      '2022-07-02',
    );
    expect(derived.get(itemKey('task', 15))!.milestones.get(150)!.percent).toBe(40);
  });
});

describe('deriveStatuses: items without milestones and items side by side', () => {
  it('an item without milestones carries its own events, has no deadline so is grey, and is never overdue', () => {
    const item: [string, number] = ['task', 5];
    const events = [
      event(1, item, null, 'started', '2022-02-01'),
      event(2, item, null, 'submitted', '2022-09-01'),
      // An event on a milestone the item no longer has does not speak for the item as a whole.
      event(3, item, 999, 'closed', '2022-10-01'),
    ];
    const derived = derive([item], { events, standing: [report(70, item, null, 100, '2022-09-01', { state: 'done' })] }, '2022-12-01').get(itemKey('task', 5))!;
    expect(derived).toMatchObject({ status: 'submitted', overdue: false, light: 'grey' });
    expect(derived.milestones.size).toBe(0);
    expect(derive([item], { events }, '2022-08-31').get(itemKey('task', 5))!.status).toBe('in_progress');
    expect(derive([item], { events }, '2022-01-31').get(itemKey('task', 5))!.status).toBe('not_started');
  });

  it('an item without milestones is closed out by its own close-out event', () => {
    const item: [string, number] = ['indicator', 6];
    const events = [event(1, item, null, 'submitted', '2022-09-01'), event(2, item, null, 'closed', '2022-09-20')];
    expect(derive([item], { events }, '2022-09-20').get(itemKey('indicator', 6))).toMatchObject({ status: 'closed', overdue: false, light: 'grey' });
  });

  it('answers exactly the items asked for, keeps items of different lists with the same id apart, and an item with no rows is not started', () => {
    const task: [string, number] = ['task', 1];
    const project: [string, number] = ['project', 1];
    const derived = derive(
      [task, project, ['indicator', 2]],
      {
        milestones: [milestone(11, 'project', 1, { dueDate: '2022-12-31' }), milestone(12, 'task', 1, { dueDate: '2025-12-31' }), milestone(13, 'task', 99)],
        events: [event(1, project, 11, 'started', '2022-03-01'), event(2, task, 12, 'submitted', '2022-12-01')],
      },
      '2023-01-05',
    );
    expect([...derived.keys()].sort((a, b) => a - b)).toEqual([itemKey('task', 1), itemKey('project', 1), itemKey('indicator', 2)].sort((a, b) => a - b));
    expect(derived.get(itemKey('project', 1))).toMatchObject({ status: 'in_progress', overdue: true, light: 'red' });
    expect([...derived.get(itemKey('project', 1))!.milestones.keys()]).toEqual([11]);
    // The task's own milestone is reported done and not yet due: green (a unit's done report is not judged behind).
    expect(derived.get(itemKey('task', 1))).toMatchObject({ status: 'submitted', overdue: false, light: 'green' });
    expect([...derived.get(itemKey('task', 1))!.milestones.keys()]).toEqual([12]);
    expect(derived.get(itemKey('indicator', 2))).toMatchObject({ status: 'not_started', overdue: false, light: 'grey' });
    expect(derived.get(itemKey('indicator', 2))!.milestones.size).toBe(0);
  });

  it('keys items by list and id: the same id in two lists is two items', () => {
    const keys = ['task', 'project', 'indicator', 'stage'].flatMap((kind) => [12, 13].map((id) => itemKey(kind, id)));
    expect(new Set(keys).size).toBe(8);
    expect(itemKey('project', 12)).toBe(itemKey('project', 12));
    expect(() => itemKey('plan', 12)).toThrow('Unknown item kind: plan');
  });
});

describe('deriveStatuses: recurring milestones', () => {
  // A yearly duty of the 2021-2025 plan, first due 2021-12-31: occurrences 2021-12-31 … 2025-12-31.
  const item: [string, number] = ['task', 3];
  const yearly = milestone(30, 'task', 3, { dueDate: '2021-12-31', baselineDate: '2021-12-31', recurrence: 'yearly' });
  const events = [
    // 2021's occurrence, closed out late (the event names it).
    event(1, item, 30, 'closed', '2022-01-10', { occurrence: '2021-12-31' }),
    // Not named: its date puts it in 2022's occurrence.
    event(2, item, 30, 'started', '2022-05-01'),
    // Names an occurrence the schedule does not have: the date it names (2023-06-30) falls in 2023's.
    event(3, item, 30, 'started', '2023-02-01', { occurrence: '2023-06-30' }),
  ];
  const standing = [
    report(10, item, 30, 30, '2023-02-01', { occurrence: '2023-12-31' }),
    // On the item as a whole, made in 2022: counts for 2022's occurrence.
    report(11, item, null, 60, '2022-11-01'),
  ];
  const rows = { milestones: [yearly], events, standing };

  it('shares events and reports out to their occurrences and speaks for the missed one', () => {
    const derived = derive([item], rows, '2023-03-01').get(itemKey('task', 3))!;
    const status = derived.milestones.get(30)!;
    // 2021 closed (late), 2022 started and past due, 2023 started with 30% at 59/364 days (16%): green.
    expect(status.occurrences!.map((o) => [o.key, o.status, o.overdue, o.light, o.percent])).toEqual([
      ['2021-12-31', 'closed', false, 'grey', 100],
      ['2022-12-31', 'in_progress', true, 'red', 60],
      ['2023-12-31', 'in_progress', false, 'green', 30],
    ]);
    expect(status.occurrences![0].closedOn).toBe('2022-01-10');
    expect(status).toMatchObject({
      status: 'in_progress',
      overdue: true,
      light: 'red',
      dueDate: '2022-12-31',
      percent: 60,
      missedOccurrences: 1,
      occurrence: { key: '2022-12-31', label: '2022年度' },
    });
    expect(derived).toMatchObject({ status: 'in_progress', overdue: true, light: 'red' });
  });

  it('before the late close-out, the first occurrence was the missed one', () => {
    const status = derive([item], rows, '2022-01-09').get(itemKey('task', 3))!.milestones.get(30)!;
    expect(status).toMatchObject({ overdue: true, dueDate: '2021-12-31', missedOccurrences: 1, occurrence: { label: '2021年度' } });
    expect(status.occurrences!.map((o) => [o.key, o.status])).toEqual([
      ['2021-12-31', 'not_started'],
      ['2022-12-31', 'not_started'],
    ]);
  });

  it('starts the first occurrence at the milestone period start, else the plan start', () => {
    const own = milestone(31, 'task', 3, { dueDate: '2021-12-31', periodStart: '2021-07-01', recurrence: 'yearly' });
    const derived = derive([item], { milestones: [own] }, '2021-08-01').get(itemKey('task', 3))!;
    expect(derived.milestones.get(31)!.occurrences!.map((o) => [o.key, o.start])).toEqual([['2021-12-31', '2021-07-01']]);
    const later = derive([item], { milestones: [yearly] }, '2021-08-01', { periodStart: '2021-03-01', periodEnd: '2025-12-31' }).get(itemKey('task', 3))!;
    expect(later.milestones.get(30)!.occurrences!.map((o) => o.start)).toEqual(['2021-03-01']);
  });

  it('runs its occurrences to the plan end: after it, every one not closed is counted missed', () => {
    const status = derive([item], { milestones: [yearly] }, '2026-03-01')
      .get(itemKey('task', 3))!
      .milestones.get(30)!;
    expect(status.occurrences!.map((o) => o.key)).toEqual(['2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31']);
    expect(status).toMatchObject({ missedOccurrences: 5, dueDate: '2025-12-31', occurrence: { label: '2025年度' } });
  });

  it('a milestone said to recur but without a due date is ongoing: grey, never overdue, no occurrences', () => {
    const ongoing = milestone(32, 'task', 3, { dueDate: null, recurrence: 'yearly' });
    const status = derive([item], { milestones: [ongoing] }, '2030-01-01')
      .get(itemKey('task', 3))!
      .milestones.get(32)!;
    expect(status).toMatchObject({ overdue: false, light: 'grey', dueDate: null });
    expect(status.occurrences).toBeUndefined();
  });
});
