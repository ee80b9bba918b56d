import { loadOfficialHolidays, WorkdayCalendar } from '../calendar/workday-calendar.js';
import { DEFAULT_REMINDER_RULES, isMonthlyCall, latestNudge, milestoneHits, nudgeRound, sweepDates } from './reminder-rules.js';

const days = new WorkdayCalendar(loadOfficialHolidays(), []);
const rules = DEFAULT_REMINDER_RULES;
const open = (dueDate: string) => ({ dueDate, status: 'in_progress' as const });

/** Every workday from `from` to `to` on which the milestone gets a reminder, with what it gets. */
function schedule(dueDate: string, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    if (!days.isWorkday(date)) continue;
    for (const hit of milestoneHits(open(dueDate), date, rules, days)) out.push(`${date} ${hit.rule}${hit.daysBefore ? ` ${hit.daysBefore}` : ''}`);
  }
  return out;
}

describe('reminder rules', () => {
  it('reminds 30, 7 and 1 days ahead, on the due day, then on the first overdue day and every Monday', () => {
    // Due Friday 2026-12-18: 30 days ahead is Wednesday 11-18; 7 days ahead Friday 12-11; 1 day ahead Thursday 12-17.
    expect(schedule('2026-12-18', '2026-11-01', '2027-01-04')).toEqual([
      '2026-11-18 before 30',
      '2026-12-11 before 7',
      '2026-12-17 before 1',
      '2026-12-18 due',
      '2026-12-21 overdue',
      '2026-12-28 overdue',
      '2027-01-04 overdue',
    ]);
  });

  it('moves reminders ahead of a deadline back to the previous workday, and overdue ones on to the next', () => {
    // Due Saturday 2026-10-31 (a normal weekend): the due-day reminder comes on Friday 10-30 and replaces "1 day ahead".
    expect(schedule('2026-10-31', '2026-10-28', '2026-11-03')).toEqual(['2026-10-30 due', '2026-11-02 overdue']);
    // Due 2026-09-30: first overdue day 10-01 falls in the National Day holiday (10-01…10-07), so it waits for Thursday 10-08.
    expect(schedule('2026-09-30', '2026-09-30', '2026-10-13')).toEqual(['2026-09-30 due', '2026-10-08 overdue', '2026-10-12 overdue']);
  });

  it('counts the make-up workday (调休) of Saturday 2026-10-10 as a workday', () => {
    expect(days.isWorkday('2026-10-10')).toBe(true);
    expect(sweepDates('2026-10-08', '2026-10-12', 31, days)).toEqual(['2026-10-09', '2026-10-10', '2026-10-12']);
  });

  it('escalates from the configured number of overdue days, then weekly', () => {
    const hits = (date: string) => milestoneHits(open('2026-10-30'), date, { ...rules, escalateAfterDays: 30 }, days).map((h) => h.rule);
    expect(hits('2026-11-23')).toEqual(['overdue']); // 24 days overdue
    expect(hits('2026-11-30')).toEqual(['overdue', 'escalation']); // day 31: the first Monday past day 30 (Sunday 11-29)
    expect(hits('2026-12-07')).toEqual(['overdue', 'escalation']);
  });

  it('says nothing to closed, suspended, submitted or undated milestones', () => {
    for (const status of ['closed', 'suspended', 'submitted'] as const) {
      expect(milestoneHits({ dueDate: '2026-11-01', status }, '2026-11-23', rules, days)).toEqual([]);
    }
    expect(milestoneHits({ dueDate: null, status: 'in_progress' }, '2026-11-23', rules, days)).toEqual([]);
  });

  it('calls for reports on the 25th (the next workday when it is a rest day) and nudges five days later', () => {
    expect(isMonthlyCall('2026-11-25', rules, days)).toBe(true);
    expect(isMonthlyCall('2026-11-24', rules, days)).toBe(false);
    // 2026-10-25 is a Sunday: the call moves to Monday 10-26.
    expect(isMonthlyCall('2026-10-26', rules, days)).toBe(true);
    // Nudge: 11-25 + 5 = Monday 11-30.
    expect(nudgeRound('2026-11-30', rules, days)).toBe('2026-11-25');
    expect(nudgeRound('2026-11-27', rules, days)).toBeNull();
  });

  it('catches up on the workdays missed since the last sweep, at most catchUpDays back, and starts with today on the first sweep', () => {
    expect(sweepDates(null, '2026-11-23', 31, days)).toEqual(['2026-11-23']);
    expect(sweepDates('2026-11-19', '2026-11-23', 31, days)).toEqual(['2026-11-20', '2026-11-23']);
    expect(sweepDates('2026-01-01', '2026-11-23', 3, days)).toEqual(['2026-11-23']);
    expect(sweepDates('2026-11-23', '2026-11-23', 31, days)).toEqual([]);
  });

  it('sends the first overdue reminder on the first overdue day when it is a workday, whatever the weekday', () => {
    // Due Tuesday 11-24: Wednesday 11-25 is the first overdue day; then Mondays.
    expect(schedule('2026-11-24', '2026-11-25', '2026-12-07')).toEqual(['2026-11-25 overdue', '2026-11-30 overdue', '2026-12-07 overdue']);
  });

  it('escalates first on the day the delay reaches the configured days, even off the weekly day', () => {
    // Due Wednesday 10-28: day 30 is Friday 11-27.
    const hits = (date: string) => milestoneHits(open('2026-10-28'), date, rules, days).map((h) => h.rule);
    expect(hits('2026-11-26')).toEqual([]);
    expect(hits('2026-11-27')).toEqual(['escalation']);
    expect(hits('2026-11-30')).toEqual(['overdue', 'escalation']);
  });

  it('moves a weekly overdue reminder that falls in the National Day holiday to the next workday, and only that one', () => {
    // Reminding on Fridays, due Friday 09-25: first overdue day Saturday 09-26 moves to Monday 09-28; Friday 10-02 is a
    // holiday and moves to Thursday 10-08; Friday 10-09 is the next; the make-up Saturday 10-10 is no reminder day.
    const friday = { ...rules, overdueWeekday: 5 };
    const on = (date: string) => milestoneHits(open('2026-09-25'), date, friday, days).map((h) => h.rule);
    expect(on('2026-09-28')).toEqual(['overdue']);
    expect(on('2026-09-29')).toEqual([]);
    expect(on('2026-10-08')).toEqual(['overdue']);
    expect(on('2026-10-09')).toEqual(['overdue']);
    expect(on('2026-10-10')).toEqual([]);
  });

  it('calls on the month’s last day when the call day is past it, and a call moved into the next month still counts', () => {
    const on31 = { ...rules, monthlyCallDay: 31 };
    // November has 30 days: Monday 11-30. October 31 is a Saturday: that call moves to Monday 11-02.
    expect(isMonthlyCall('2026-11-30', on31, days)).toBe(true);
    expect(isMonthlyCall('2026-11-02', on31, days)).toBe(true);
    expect(isMonthlyCall('2026-10-30', on31, days)).toBe(false);
    expect(isMonthlyCall('2026-11-25', { ...rules, monthlyCallDay: 0 }, days)).toBe(false);
    // A single-digit call day: Thursday 2026-11-05.
    expect(isMonthlyCall('2026-11-05', { ...rules, monthlyCallDay: 5 }, days)).toBe(true);
    expect(isMonthlyCall('2026-11-06', { ...rules, monthlyCallDay: 5 }, days)).toBe(false);
  });

  it('nudges after the call of the previous month when the nudge falls into the next, and never when either is turned off', () => {
    // 11-25 + 10 days = Saturday 12-05, moved to Monday 12-07.
    expect(nudgeRound('2026-12-07', { ...rules, nudgeAfterDays: 10 }, days)).toBe('2026-11-25');
    expect(nudgeRound('2026-12-04', { ...rules, nudgeAfterDays: 10 }, days)).toBeNull();
    expect(nudgeRound('2026-11-30', { ...rules, nudgeAfterDays: 0 }, days)).toBeNull();
    // Turned off means no nudge at all, not a nudge on the day of the call.
    expect(nudgeRound('2026-11-25', { ...rules, nudgeAfterDays: 0 }, days)).toBeNull();
    expect(nudgeRound('2026-11-30', { ...rules, monthlyCallDay: 0 }, days)).toBeNull();
  });

  it('finds the latest nudge day among a sweep’s dates, given in any order, with the call it follows', () => {
    // Nudge days: Monday 11-02 (after the call of Monday 10-26) and Monday 11-30 (after 11-25).
    expect(latestNudge(['2026-11-30', '2026-11-27', '2026-11-02'], rules, days)).toEqual({ date: '2026-11-30', call: '2026-11-25' });
    expect(latestNudge(['2026-11-27', '2026-11-02'], rules, days)).toEqual({ date: '2026-11-02', call: '2026-10-26' });
    expect(latestNudge(['2026-11-26', '2026-11-27'], rules, days)).toBeNull();
  });

  it('catches up at most catchUpDays days, counting today', () => {
    // 7 days ending Monday 11-23 start on Tuesday 11-17.
    expect(sweepDates('2026-11-01', '2026-11-23', 7, days)).toEqual(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23']);
    expect(sweepDates('2026-11-01', '2026-11-23', 1, days)).toEqual(['2026-11-23']);
  });
});
