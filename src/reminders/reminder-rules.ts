import { addDays, weekday } from '../calendar/calendar-dates.js';
import type { Status } from '../status/status.js';
import type { ReminderRule } from './reminder-types.js';

/** The part of a workday calendar the rules need. */
export interface Workdays {
  isWorkday(date: string): boolean;
  /** The first workday on or after date. */
  onOrAfter(date: string): string;
  /** The last workday on or before date. */
  onOrBefore(date: string): string;
}

/** A plan's reminder rules (see ReminderSettings). */
export interface ReminderRules {
  beforeDays: number[];
  onDueDay: boolean;
  overdueWeekday: number;
  escalateAfterDays: number;
  monthlyCallDay: number;
  nudgeAfterDays: number;
}

export const DEFAULT_REMINDER_RULES: ReminderRules & { enabled: boolean; sendTime: string; digestWeekday: number; digestTime: string } = {
  enabled: true,
  beforeDays: [30, 7, 1],
  onDueDay: true,
  overdueWeekday: 1,
  escalateAfterDays: 30,
  monthlyCallDay: 25,
  nudgeAfterDays: 5,
  sendTime: '09:00',
  digestWeekday: 1,
  digestTime: '09:00',
};

/** A milestone as the rules see it: its due date as it stands and its status today. */
export interface MilestoneState {
  dueDate: string | null;
  status: Status;
}

/** A milestone reminder that falls on a date. */
export interface MilestoneHit {
  rule: Extract<ReminderRule, 'before' | 'due' | 'overdue' | 'escalation'>;
  /** For 'before': the days ahead it was set for. */
  daysBefore: number | null;
}

/** Weekly occurrences pushed past holidays can land up to this many days later (the National Day week and its weekends). */
const LONGEST_SHIFT = 14;

/**
 * Is `date` a send date of a schedule that starts on `start` and then repeats every week on `weekdayNo`?
 * Each occurrence moves to the next workday when it falls on a weekend or holiday.
 */
function weeklyHit(start: string, weekdayNo: number, date: string, days: Workdays): boolean {
  // Stryker disable next-line ConditionalExpression: without it a date before start still finds nothing (onOrAfter(start) >= start > date, and the loop breaks at once)
  if (date < start) return false;
  if (days.onOrAfter(start) === date) return true;
  // Only the days back that fall on the weekday can hold an occurrence: the first one, then a week and two weeks before.
  // Stryker disable next-line EqualityOperator: an occurrence 14 days back pushed to date implies the one 7 days back (same weekday, same run of rest days) is too
  for (let back = (weekday(date) - weekdayNo + 7) % 7; back <= LONGEST_SHIFT; back += 7) {
    const occurrence = addDays(date, -back);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an occurrence on or before start pushed to date means start itself is pushed to date, already answered above
    if (occurrence <= start) break;
    if (days.onOrAfter(occurrence) === date) return true;
  }
  return false;
}

/**
 * The reminders one milestone gets on `date` (a workday).
 * - before: beforeDays days ahead of the deadline, moved back to the previous workday, to the liaison;
 * - due: on the due day (the previous workday when it is a rest day), to the unit;
 * - overdue: on the first overdue workday, then weekly on overdueWeekday while overdue, to the head;
 * - escalation: from escalateAfterDays overdue, then weekly, to the supervising leader and the office.
 * Closed, suspended and submitted milestones (the unit has said done; the office reviews) get none.
 * On one date a milestone gets at most one of before/due: the nearer one.
 */
export function milestoneHits(milestone: MilestoneState, date: string, rules: ReminderRules, days: Workdays): MilestoneHit[] {
  const due = milestone.dueDate;
  if (due === null || milestone.status === 'closed' || milestone.status === 'suspended' || milestone.status === 'submitted') return [];
  const hits: MilestoneHit[] = [];
  if (date <= due) {
    if (rules.onDueDay && days.onOrBefore(due) === date) {
      hits.push({ rule: 'due', daysBefore: null });
    } else {
      const before = [...rules.beforeDays].sort((a, b) => a - b).find((n) => days.onOrBefore(addDays(due, -n)) === date);
      if (before !== undefined) hits.push({ rule: 'before', daysBefore: before });
    }
    return hits;
  }
  if (weeklyHit(addDays(due, 1), rules.overdueWeekday, date, days)) hits.push({ rule: 'overdue', daysBefore: null });
  if (rules.escalateAfterDays > 0 && weeklyHit(addDays(due, rules.escalateAfterDays), rules.overdueWeekday, date, days)) {
    hits.push({ rule: 'escalation', daysBefore: null });
  }
  return hits;
}

/** The day of this month's call for progress reports, as it falls (the day, or the month's last day, moved to a workday). */
function monthlyCallDate(month: string, rules: ReminderRules, days: Workdays): string {
  const [year, mon] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const day = Math.min(rules.monthlyCallDay, last);
  return days.onOrAfter(`${month}-${String(day).padStart(2, '0')}`);
}

function previousMonth(date: string): string {
  return addDays(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** Is `date` the day of the monthly call for progress reports (月度填报通知)? */
export function isMonthlyCall(date: string, rules: ReminderRules, days: Workdays): boolean {
  if (rules.monthlyCallDay <= 0) return false;
  return [date.slice(0, 7), previousMonth(date)].some((month) => monthlyCallDate(month, rules, days) === date);
}

/** Is `date` the day units that have not reported since the call are nudged? Returns that call's date, else null. */
export function nudgeRound(date: string, rules: ReminderRules, days: Workdays): string | null {
  if (rules.monthlyCallDay <= 0 || rules.nudgeAfterDays <= 0) return null;
  for (const month of [date.slice(0, 7), previousMonth(date)]) {
    const call = monthlyCallDate(month, rules, days);
    if (days.onOrAfter(addDays(call, rules.nudgeAfterDays)) === date) return call;
  }
  return null;
}

/** The latest of these dates that is a nudge day, with the call it follows; null when none is. */
export function latestNudge(dates: string[], rules: ReminderRules, days: Workdays): { date: string; call: string } | null {
  for (const date of [...dates].sort().reverse()) {
    const call = nudgeRound(date, rules, days);
    if (call) return { date, call };
  }
  return null;
}

/** The dates of a sweep: from the day after the last one swept (at most catchUpDays back) to `end`, workdays only. */
export function sweepDates(sweptThrough: string | null, end: string, catchUpDays: number, days: Workdays): string[] {
  let start = sweptThrough ? addDays(sweptThrough, 1) : end;
  const earliest = addDays(end, -(catchUpDays - 1));
  // Stryker disable next-line EqualityOperator: when start equals earliest the assignment changes nothing
  if (start < earliest) start = earliest;
  const dates: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) if (days.isWorkday(d)) dates.push(d);
  return dates;
}
