import {
  BEHIND_TOLERANCE,
  type EventFact,
  itemStatus,
  LIGHTS,
  type MilestoneFacts,
  milestoneStatus,
  recurringStatus,
  STATUS_NAMES,
  STATUSES,
} from './status.js';

const options = (asOf: string) => ({ asOf, dueSoonDays: 14 });
const facts = (over: Partial<MilestoneFacts> = {}): MilestoneFacts => ({
  baselineDate: '2023-12-31',
  startDate: '2021-01-01',
  events: [],
  progress: [],
  ...over,
});
let seq = 0;
const event = (kind: EventFact['kind'], date: string, extra: Partial<EventFact> = {}): EventFact => ({ kind, date, seq: ++seq, ...extra });

describe('milestone status as of a date', () => {
  it('is not started and green early on when nothing was reported', () => {
    expect(milestoneStatus(facts(), options('2021-03-01'))).toMatchObject({ status: 'not_started', overdue: false, light: 'green', percent: null });
  });

  it('is overdue and red the day after its due date when not closed out', () => {
    const status = milestoneStatus(facts(), options('2024-01-01'));
    expect(status).toMatchObject({ overdue: true, light: 'red' });
    expect(milestoneStatus(facts(), options('2023-12-31')).overdue).toBe(false);
  });

  it('is yellow when due within the due-soon window', () => {
    expect(milestoneStatus(facts({ progress: [{ percent: 90, date: '2023-12-01' }] }), options('2023-12-20')).light).toBe('yellow');
  });

  it('is yellow when progress trails the time elapsed, green when it keeps up', () => {
    // Half-way through 2021-01-01 .. 2023-12-31.
    expect(milestoneStatus(facts({ progress: [{ percent: 20, date: '2022-06-01' }] }), options('2022-07-02')).light).toBe('yellow');
    expect(milestoneStatus(facts({ progress: [{ percent: 50, date: '2022-06-01' }] }), options('2022-07-02')).light).toBe('green');
  });

  it('counts only progress reported on or before the as-of date', () => {
    const reported = facts({ progress: [{ percent: 60, date: '2022-08-01' }] });
    expect(milestoneStatus(reported, options('2022-07-31')).percent).toBeNull();
    expect(milestoneStatus(reported, options('2022-08-01')).percent).toBe(60);
  });

  it('is closed and grey from the day of the close-out, and open the day before', () => {
    const closed = facts({ events: [event('started', '2023-03-01'), event('submitted', '2023-11-20'), event('closed', '2023-11-25')] });
    expect(milestoneStatus(closed, options('2023-11-24'))).toMatchObject({ status: 'submitted', light: 'green' });
    expect(milestoneStatus(closed, options('2023-11-25'))).toMatchObject({ status: 'closed', light: 'grey', closedOn: '2023-11-25', percent: 100 });
    expect(milestoneStatus(closed, options('2025-01-01')).overdue).toBe(false);
  });

  it('a submitted but not closed milestone past its date is still overdue', () => {
    const submitted = facts({ events: [event('submitted', '2023-12-30')] });
    expect(milestoneStatus(submitted, options('2024-01-02'))).toMatchObject({ status: 'submitted', overdue: true, light: 'red' });
  });

  it('a reopened close-out is in progress again; a returned report too', () => {
    const reopened = facts({ events: [event('closed', '2023-06-01'), event('reopened', '2023-07-01', { reason: '核查不符' })] });
    expect(milestoneStatus(reopened, options('2023-07-01')).status).toBe('in_progress');
    const returned = facts({ events: [event('submitted', '2023-06-01'), event('returned', '2023-06-03')] });
    expect(milestoneStatus(returned, options('2023-06-02')).status).toBe('submitted');
    expect(milestoneStatus(returned, options('2023-06-03')).status).toBe('in_progress');
  });

  it('an approved extension moves the due date from the day of approval; the baseline stays', () => {
    const extended = facts({ events: [event('due_changed', '2023-10-10', { toDate: '2024-06-30' })] });
    expect(milestoneStatus(extended, options('2023-10-09')).dueDate).toBe('2023-12-31');
    const after = milestoneStatus(extended, options('2024-01-15'));
    expect(after).toMatchObject({ dueDate: '2024-06-30', baselineDate: '2023-12-31', overdue: false });
  });

  it('a suspended milestone is grey and never overdue; resuming restores its status', () => {
    const suspended = facts({
      events: [event('started', '2022-01-01'), event('suspended', '2022-02-01', { reason: '政策调整' }), event('resumed', '2024-02-01')],
    });
    expect(milestoneStatus(suspended, options('2024-01-15'))).toMatchObject({
      status: 'suspended',
      overdue: false,
      light: 'grey',
      suspendedReason: '政策调整',
    });
    expect(milestoneStatus(suspended, options('2024-02-01'))).toMatchObject({ status: 'in_progress', overdue: true });
  });

  it('an ongoing milestone without a due date is grey and never overdue', () => {
    expect(milestoneStatus(facts({ baselineDate: null }), options('2030-01-01'))).toMatchObject({ overdue: false, light: 'grey' });
  });
});

describe('item status from its milestones', () => {
  const m = (status: string, light: string, overdue = false) => ({ status, light, overdue }) as never;

  it('is closed only when every milestone is closed', () => {
    expect(itemStatus([m('closed', 'grey'), m('closed', 'grey')]).status).toBe('closed');
    expect(itemStatus([m('closed', 'grey'), m('not_started', 'green')]).status).toBe('in_progress');
  });

  it('is submitted when every open milestone is submitted', () => {
    expect(itemStatus([m('closed', 'grey'), m('submitted', 'green')]).status).toBe('submitted');
  });

  it('takes the worst light and is overdue when any milestone is', () => {
    expect(itemStatus([m('closed', 'grey'), m('in_progress', 'red', true), m('not_started', 'yellow')])).toEqual({
      status: 'in_progress',
      overdue: true,
      light: 'red',
    });
  });

  it('is not started with nothing reported, and grey with no milestones', () => {
    expect(itemStatus([m('not_started', 'green')]).status).toBe('not_started');
    expect(itemStatus([])).toEqual({ status: 'not_started', overdue: false, light: 'grey' });
  });
});

describe('recurring milestone status as of a date', () => {
  // A yearly duty of a 2021-2025 plan: due 2021-12-31, 2022-12-31 … 2025-12-31.
  const years = [2021, 2022, 2023, 2024, 2025];
  const schedule = (facts: Record<number, { events?: EventFact[]; progress?: { percent: number; date: string }[] }> = {}) =>
    years.map((y) => ({ key: `${y}-12-31`, start: `${y}-01-01`, label: `${y}年度`, events: facts[y]?.events ?? [], progress: facts[y]?.progress ?? [] }));

  it('is due at the current occurrence, not at the first one', () => {
    const status = recurringStatus(schedule({ 2021: { events: [event('closed', '2021-12-20')] } }), options('2022-06-01'));
    expect(status).toMatchObject({
      dueDate: '2022-12-31',
      overdue: false,
      status: 'not_started',
      occurrence: { key: '2022-12-31', label: '2022年度' },
      missedOccurrences: 0,
    });
  });

  it('is open again the next year after the previous occurrence was closed out', () => {
    const closed2022 = schedule({ 2021: { events: [event('closed', '2021-12-20')] }, 2022: { events: [event('closed', '2022-12-15')] } });
    expect(recurringStatus(closed2022, options('2022-12-20'))).toMatchObject({ status: 'closed', light: 'grey', occurrence: { label: '2022年度' } });
    expect(recurringStatus(closed2022, options('2023-01-01'))).toMatchObject({ status: 'not_started', overdue: false, dueDate: '2023-12-31' });
  });

  it('counts overdue days from the latest missed occurrence and keeps the others counted', () => {
    // Nothing ever closed: on 2026-11-30 all five are missed; the one due now is 2025's.
    const status = recurringStatus(schedule(), options('2026-11-30'));
    expect(status).toMatchObject({ overdue: true, light: 'red', dueDate: '2025-12-31', occurrence: { label: '2025年度' }, missedOccurrences: 5 });
    expect(status.occurrences!.map((o) => o.overdue)).toEqual([true, true, true, true, true]);
  });

  it('keeps a missed occurrence overdue in the next period until it is closed or waived', () => {
    const missed2022 = schedule({ 2021: { events: [event('closed', '2021-12-01')] } });
    expect(recurringStatus(missed2022, options('2023-03-01'))).toMatchObject({
      overdue: true,
      dueDate: '2022-12-31',
      missedOccurrences: 1,
      occurrence: { label: '2022年度' },
    });
    const waived = schedule({
      2021: { events: [event('closed', '2021-12-01')] },
      2022: { events: [event('waived', '2023-03-02', { reason: '2022年度总结已并入省级报告' })] },
    });
    expect(recurringStatus(waived, options('2023-03-01')).overdue).toBe(true);
    const after = recurringStatus(waived, options('2023-03-02'));
    expect(after).toMatchObject({ overdue: false, dueDate: '2023-12-31', missedOccurrences: 0 });
    expect(after.occurrences![1]).toMatchObject({ key: '2022-12-31', status: 'closed', waivedReason: '2022年度总结已并入省级报告' });
  });

  it('answers any past day from its occurrences as they stood then', () => {
    const history = schedule({ 2021: { events: [event('closed', '2022-01-10')] } });
    // Before the late close-out, 2021 was overdue; after it, only the current year counts.
    expect(recurringStatus(history, options('2022-01-05'))).toMatchObject({ overdue: true, dueDate: '2021-12-31' });
    expect(recurringStatus(history, options('2022-01-10'))).toMatchObject({ overdue: false, dueDate: '2022-12-31' });
    expect(recurringStatus(history, options('2021-06-30')).occurrences!.map((o) => o.key)).toEqual(['2021-12-31']);
  });

  it('moves one occurrence by its extension and leaves the next ones where they were', () => {
    const extended = schedule({
      2022: { events: [event('due_changed', '2022-12-01', { toDate: '2023-03-31' })] },
      2021: { events: [event('closed', '2021-12-01')] },
    });
    expect(recurringStatus(extended, options('2023-02-01'))).toMatchObject({
      overdue: false,
      dueDate: '2023-03-31',
      baselineDate: '2022-12-31',
      occurrence: { label: '2022年度' },
    });
    expect(recurringStatus(extended, options('2023-04-01'))).toMatchObject({ overdue: true, dueDate: '2023-03-31', missedOccurrences: 1 });
  });
});

describe('the status rules at their edges', () => {
  // A milestone of 100 days: 2021-01-01 .. 2021-04-11. On 2021-02-20, 50 of them are gone (50% of the time).
  const hundredDays = (percent: number | null) =>
    facts({ startDate: '2021-01-01', baselineDate: '2021-04-11', progress: percent === null ? [] : [{ percent, date: '2021-01-05' }] });

  it('is yellow with exactly 14 days left, and not for being due soon with 15 days left', () => {
    const done90 = facts({ progress: [{ percent: 90, date: '2023-11-01' }] });
    expect(milestoneStatus(done90, options('2023-12-17')).light).toBe('yellow');
    expect(milestoneStatus(done90, options('2023-12-16')).light).toBe('green');
  });

  it('is yellow on its due date itself, which is not yet overdue', () => {
    expect(milestoneStatus(facts({ progress: [{ percent: 95, date: '2023-12-01' }] }), options('2023-12-31'))).toMatchObject({
      overdue: false,
      light: 'yellow',
    });
  });

  it('is green exactly 10 points behind the time elapsed, yellow 11 points behind', () => {
    expect(milestoneStatus(hundredDays(40), options('2021-02-20')).light).toBe('green');
    expect(milestoneStatus(hundredDays(39), options('2021-02-20')).light).toBe('yellow');
  });

  it('with nothing reported counts as 0% done: green while up to 10% of the time is gone, yellow after', () => {
    expect(milestoneStatus(hundredDays(null), options('2021-01-11')).light).toBe('green');
    expect(milestoneStatus(hundredDays(null), options('2021-01-12')).light).toBe('yellow');
  });

  it('is not behind time before its period starts', () => {
    expect(milestoneStatus(facts({ startDate: '2022-01-01' }), options('2021-06-01')).light).toBe('green');
  });

  it('whose due date falls before its period start is judged by the due date alone, never behind time', () => {
    // The office corrected the due date to before the period start: no span of time to be behind on.
    const corrected = facts({ startDate: '2024-01-01', baselineDate: '2023-12-31' });
    expect(milestoneStatus(corrected, options('2023-06-01')).light).toBe('green');
    expect(milestoneStatus(corrected, options('2023-12-20')).light).toBe('yellow');
  });

  it('reported done by the unit is green though due within days and with no share reported', () => {
    const submitted = facts({ events: [event('submitted', '2023-12-20')] });
    expect(milestoneStatus(submitted, options('2023-12-25'))).toMatchObject({ status: 'submitted', light: 'green', overdue: false });
  });

  it('takes events in date order, and events of one day in the order they were recorded, whatever order they come in', () => {
    const closeThenReopen = facts({
      events: [
        { kind: 'reopened', date: '2023-06-01', seq: 2, reason: '核查不符' },
        { kind: 'closed', date: '2023-06-01', seq: 1 },
        { kind: 'started', date: '2023-03-01', seq: 3 },
      ],
    });
    expect(milestoneStatus(closeThenReopen, options('2023-06-01'))).toMatchObject({ status: 'in_progress', closedOn: null });
    const reopenThenClose = facts({
      events: [
        { kind: 'closed', date: '2023-06-01', seq: 2 },
        { kind: 'reopened', date: '2023-06-01', seq: 1 },
      ],
    });
    expect(milestoneStatus(reopenThenClose, options('2023-06-01'))).toMatchObject({ status: 'closed', closedOn: '2023-06-01' });
    const closedLater = facts({
      events: [
        { kind: 'closed', date: '2023-07-01', seq: 1 },
        { kind: 'reopened', date: '2023-06-01', seq: 2 },
      ],
    });
    expect(milestoneStatus(closedLater, options('2023-07-01'))).toMatchObject({ status: 'closed', closedOn: '2023-07-01' });
  });

  it('further progress does not undo a done report or a close-out', () => {
    const submittedThenStarted = facts({ events: [event('submitted', '2023-05-01'), event('started', '2023-05-02')] });
    expect(milestoneStatus(submittedThenStarted, options('2023-05-03')).status).toBe('submitted');
    const closedThenStarted = facts({ events: [event('closed', '2023-05-01'), event('started', '2023-05-02')] });
    expect(milestoneStatus(closedThenStarted, options('2023-05-03')).status).toBe('closed');
  });

  it('a done report changes neither a close-out nor a suspension', () => {
    const closed = facts({ events: [event('closed', '2023-05-01'), event('submitted', '2023-05-02')] });
    expect(milestoneStatus(closed, options('2023-05-03'))).toMatchObject({ status: 'closed', light: 'grey' });
    const suspended = facts({ events: [event('suspended', '2023-05-01', { reason: '资金未落实' }), event('submitted', '2023-05-02')] });
    expect(milestoneStatus(suspended, options('2023-05-03'))).toMatchObject({ status: 'suspended', suspendedReason: '资金未落实' });
  });

  it('a close-out counts as 100% done whatever the last report said', () => {
    const closed = facts({ events: [event('closed', '2023-05-01')], progress: [{ percent: 60, date: '2023-04-01' }] });
    expect(milestoneStatus(closed, options('2023-05-01')).percent).toBe(100);
    expect(milestoneStatus(closed, options('2023-04-30')).percent).toBe(60);
  });

  it('the latest report by date stands, whatever order the reports come in', () => {
    const reports = facts({
      progress: [
        { percent: 70, date: '2022-09-01' },
        { percent: 40, date: '2022-05-01' },
        { percent: 55, date: '2022-07-01' },
      ],
    });
    expect(milestoneStatus(reports, options('2022-10-01')).percent).toBe(70);
    expect(milestoneStatus(reports, options('2022-08-01')).percent).toBe(55);
  });

  it('a waiver closes it with its reason; sent back, it is open again with neither close-out day nor waiver', () => {
    const waived = facts({ events: [event('waived', '2023-05-01', { reason: '并入省级考核' }), event('returned', '2023-06-01')] });
    expect(milestoneStatus(waived, options('2023-05-01'))).toMatchObject({
      status: 'closed',
      closedOn: '2023-05-01',
      waivedReason: '并入省级考核',
      light: 'grey',
    });
    const back = milestoneStatus(waived, options('2023-06-01'));
    expect(back).toMatchObject({ status: 'in_progress', closedOn: null });
    expect(back).not.toHaveProperty('waivedReason');
    const reopened = facts({ events: [event('waived', '2023-05-01', { reason: '并入省级考核' }), event('reopened', '2023-06-01')] });
    expect(milestoneStatus(reopened, options('2023-06-01'))).not.toHaveProperty('waivedReason');
  });

  it('a waiver without a reason still says it was waived; a plain close-out says nothing of a waiver', () => {
    expect(milestoneStatus(facts({ events: [event('waived', '2023-05-01')] }), options('2023-05-02')).waivedReason).toBe('');
    expect(milestoneStatus(facts({ events: [event('closed', '2023-05-01')] }), options('2023-05-02'))).not.toHaveProperty('waivedReason');
  });

  it('resuming after a repeated suspension restores the status from before the first one and clears the reason', () => {
    const twice = facts({
      events: [
        event('started', '2022-01-01'),
        event('suspended', '2022-02-01', { reason: '政策调整' }),
        event('suspended', '2022-03-01', { reason: '资金未落实' }),
        event('resumed', '2022-04-01'),
      ],
    });
    expect(milestoneStatus(twice, options('2022-03-01'))).toMatchObject({ status: 'suspended', suspendedReason: '资金未落实' });
    expect(milestoneStatus(twice, options('2022-04-01'))).toMatchObject({ status: 'in_progress', suspendedReason: null });
  });

  it('a suspension without a reason has none; resuming what is not suspended changes nothing', () => {
    expect(milestoneStatus(facts({ events: [event('suspended', '2022-02-01')] }), options('2022-02-01'))).toMatchObject({
      status: 'suspended',
      suspendedReason: null,
    });
    const notSuspended = facts({ events: [event('submitted', '2022-01-01'), event('resumed', '2022-02-01')] });
    expect(milestoneStatus(notSuspended, options('2022-02-01')).status).toBe('submitted');
  });

  it('suspended before any work and resumed, it is not started again', () => {
    const idle = facts({ events: [event('suspended', '2022-02-01', { reason: '政策调整' }), event('resumed', '2022-03-01')] });
    expect(milestoneStatus(idle, options('2022-03-01'))).toMatchObject({ status: 'not_started', suspendedReason: null });
  });

  it('a due date change without a new date leaves the due date standing', () => {
    const blank = facts({ events: [event('due_changed', '2023-10-10', { toDate: null })] });
    expect(milestoneStatus(blank, options('2024-01-01'))).toMatchObject({ dueDate: '2023-12-31', overdue: true });
  });
});

describe('item status: the roll-up rules', () => {
  const m = (status: string, light: string, overdue = false) => ({ status, light, overdue }) as never;

  it('is suspended when nothing is open but a suspended milestone; closed when all are closed', () => {
    expect(itemStatus([m('suspended', 'grey'), m('closed', 'grey')]).status).toBe('suspended');
    expect(itemStatus([m('closed', 'grey'), m('suspended', 'grey')]).status).toBe('suspended');
    expect(itemStatus([m('closed', 'grey'), m('closed', 'grey')])).toEqual({ status: 'closed', overdue: false, light: 'grey' });
  });

  it('is submitted when the open ones are all submitted though another is suspended; in progress while one is not', () => {
    expect(itemStatus([m('suspended', 'grey'), m('submitted', 'green')]).status).toBe('submitted');
    expect(itemStatus([m('submitted', 'green'), m('in_progress', 'green')]).status).toBe('in_progress');
    expect(itemStatus([m('not_started', 'green'), m('submitted', 'green')]).status).toBe('in_progress');
  });

  it('takes the worst light in the order red, yellow, green, grey, whatever order the milestones come in', () => {
    expect(itemStatus([m('in_progress', 'green'), m('in_progress', 'yellow')]).light).toBe('yellow');
    expect(itemStatus([m('in_progress', 'yellow'), m('in_progress', 'green')]).light).toBe('yellow');
    expect(itemStatus([m('closed', 'grey'), m('in_progress', 'green')]).light).toBe('green');
    expect(itemStatus([m('in_progress', 'yellow'), m('in_progress', 'red', true), m('in_progress', 'green')]).light).toBe('red');
    expect(itemStatus([m('in_progress', 'red', true), m('in_progress', 'yellow')])).toEqual({ status: 'in_progress', overdue: true, light: 'red' });
  });

  it('is not overdue when no milestone is', () => {
    expect(itemStatus([m('in_progress', 'yellow'), m('not_started', 'green')]).overdue).toBe(false);
  });
});

describe('recurring milestone: which occurrence it speaks for', () => {
  const years = [2021, 2022, 2023, 2024, 2025];
  const yearly = (eventsOf: Record<number, EventFact[]> = {}) =>
    years.map((y) => ({ key: `${y}-12-31`, start: `${y}-01-01`, label: `${y}年度`, events: eventsOf[y] ?? [], progress: [] }));

  it('has begun an occurrence on its first day, and always has the first one', () => {
    expect(recurringStatus(yearly(), options('2021-12-31')).occurrences!.map((o) => o.key)).toEqual(['2021-12-31']);
    expect(recurringStatus(yearly(), options('2022-01-01')).occurrences!.map((o) => o.key)).toEqual(['2021-12-31', '2022-12-31']);
    expect(recurringStatus(yearly(), options('2020-12-01'))).toMatchObject({
      status: 'not_started',
      dueDate: '2021-12-31',
      occurrence: { label: '2021年度' },
      missedOccurrences: 0,
    });
  });

  it('speaks for the open occurrence due soonest when an extension moved an earlier one past a later one', () => {
    const extended = yearly({ 2021: [event('closed', '2021-12-01')], 2022: [event('due_changed', '2022-12-01', { toDate: '2024-03-31' })] });
    expect(recurringStatus(extended, options('2023-06-01'))).toMatchObject({ dueDate: '2023-12-31', overdue: false, occurrence: { label: '2023年度' } });
  });

  it('on the extended due date itself speaks for the extended occurrence, due today', () => {
    const extended = yearly({ 2021: [event('closed', '2021-12-01')], 2022: [event('due_changed', '2022-12-01', { toDate: '2023-03-31' })] });
    expect(recurringStatus(extended, options('2023-03-31'))).toMatchObject({
      dueDate: '2023-03-31',
      overdue: false,
      light: 'yellow',
      occurrence: { label: '2022年度' },
    });
  });

  it('passes over a later occurrence closed out or suspended early for the extended one still open', () => {
    const closedEarly = yearly({
      2021: [event('closed', '2021-12-01')],
      2022: [event('due_changed', '2022-12-01', { toDate: '2024-03-31' })],
      2023: [event('closed', '2023-06-01')],
    });
    expect(recurringStatus(closedEarly, options('2023-07-01'))).toMatchObject({
      status: 'not_started',
      dueDate: '2024-03-31',
      occurrence: { label: '2022年度' },
    });
    const suspendedEarly = yearly({
      2021: [event('closed', '2021-12-01')],
      2022: [event('due_changed', '2022-12-01', { toDate: '2024-03-31' })],
      2023: [event('suspended', '2023-06-01', { reason: '政策调整' })],
    });
    expect(recurringStatus(suspendedEarly, options('2023-07-01'))).toMatchObject({
      status: 'not_started',
      dueDate: '2024-03-31',
      occurrence: { label: '2022年度' },
    });
  });

  it('of two open occurrences due the same day, speaks for the earlier one', () => {
    const sameDay = yearly({ 2021: [event('closed', '2021-12-01')], 2022: [event('due_changed', '2022-12-01', { toDate: '2023-12-31' })] });
    expect(recurringStatus(sameDay, options('2023-06-01'))).toMatchObject({
      dueDate: '2023-12-31',
      baselineDate: '2022-12-31',
      occurrence: { label: '2022年度' },
    });
  });

  it('after the plan end with every occurrence closed out speaks for the last one', () => {
    const allClosed = yearly(Object.fromEntries(years.map((y) => [y, [event('closed', `${y}-12-20`)]])));
    expect(recurringStatus(allClosed, options('2026-03-01'))).toMatchObject({
      status: 'closed',
      light: 'grey',
      overdue: false,
      missedOccurrences: 0,
      occurrence: { key: '2025-12-31', label: '2025年度' },
    });
  });
});

describe('names and vocabularies shown to users', () => {
  it('names the five statuses as the README does', () => {
    expect(STATUS_NAMES).toEqual({ not_started: '未开始', in_progress: '推进中', submitted: '已报完成', closed: '已销号', suspended: '已暂停' });
  });

  it('lists the statuses and the four lights in their order', () => {
    expect(STATUSES).toEqual(['not_started', 'in_progress', 'submitted', 'closed', 'suspended']);
    expect(LIGHTS).toEqual(['red', 'yellow', 'green', 'grey']);
    expect(BEHIND_TOLERANCE).toBe(10);
  });
});
