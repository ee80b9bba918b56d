import { type EventFact, itemStatus, type MilestoneFacts, milestoneStatus, recurringStatus } from './status.js';

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
    const suspended = facts({ events: [event('started', '2022-01-01'), event('suspended', '2022-02-01', { reason: '政策调整' }), event('resumed', '2024-02-01')] });
    expect(milestoneStatus(suspended, options('2024-01-15'))).toMatchObject({ status: 'suspended', overdue: false, light: 'grey', suspendedReason: '政策调整' });
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
    expect(itemStatus([m('closed', 'grey'), m('in_progress', 'red', true), m('not_started', 'yellow')])).toEqual({ status: 'in_progress', overdue: true, light: 'red' });
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
    expect(status).toMatchObject({ dueDate: '2022-12-31', overdue: false, status: 'not_started', occurrence: { key: '2022-12-31', label: '2022年度' }, missedOccurrences: 0 });
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
    expect(recurringStatus(missed2022, options('2023-03-01'))).toMatchObject({ overdue: true, dueDate: '2022-12-31', missedOccurrences: 1, occurrence: { label: '2022年度' } });
    const waived = schedule({ 2021: { events: [event('closed', '2021-12-01')] }, 2022: { events: [event('waived', '2023-03-02', { reason: '2022年度总结已并入省级报告' })] } });
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
    const extended = schedule({ 2022: { events: [event('due_changed', '2022-12-01', { toDate: '2023-03-31' })] }, 2021: { events: [event('closed', '2021-12-01')] } });
    expect(recurringStatus(extended, options('2023-02-01'))).toMatchObject({ overdue: false, dueDate: '2023-03-31', baselineDate: '2022-12-31', occurrence: { label: '2022年度' } });
    expect(recurringStatus(extended, options('2023-04-01'))).toMatchObject({ overdue: true, dueDate: '2023-03-31', missedOccurrences: 1 });
  });
});
