import { type EventFact, itemStatus, type MilestoneFacts, milestoneStatus } from './status.js';

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
