/**
 * Occurrences of a recurring milestone (每年, 每半年, 每季度, 每月): each one is due on its own date, is reported on
 * and closed out on its own, and is named by its original due date (its key), which never moves: an extension
 * moves one occurrence's due date through a due_changed event, not its key.
 *
 * The first occurrence is the milestone's own due date (the parser reads it as the first one on or after the
 * plan's start, with the day the text gives: "每月25日前" → the 25th); each later one is a whole period later on
 * the same day of the month, or on the month's last day when the first one is a month end. Occurrences run to
 * the plan's end.
 */
import { addDays } from '../calendar/calendar-dates.js';
import type { MilestoneReading } from './milestone-reading.js';

export type Recurrence = NonNullable<MilestoneReading['recurrence']>;

export const RECURRENCE_MONTHS: Record<Recurrence, number> = { yearly: 12, 'half-yearly': 6, quarterly: 3, monthly: 1 };

/** At most this many occurrences (a monthly duty over 50 years), whatever the plan's period says. */
const MAX_OCCURRENCES = 600;

export interface Occurrence {
  /** Its original due date: the key it is reported on, closed out and waived under. */
  key: string;
  /** The first day of its period (the day after the previous one is due; the plan's start for the first). */
  start: string;
  /** "2024年度", "2024年上半年", "2024年第3季度", "2024年6月". */
  label: string;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The due date of occurrence n (0 = the first). */
export function occurrenceDue(first: string, recurrence: Recurrence, n: number): string {
  const [year, month, day] = first.split('-').map(Number);
  const monthEnd = day === lastDay(year, month);
  const index = year * 12 + (month - 1) + n * RECURRENCE_MONTHS[recurrence];
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = monthEnd ? lastDay(y, m) : Math.min(day, lastDay(y, m));
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** How an occurrence is named to people, from the period its due date falls in. */
export function occurrenceLabel(key: string, recurrence: Recurrence): string {
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  switch (recurrence) {
    case 'yearly':
      return `${year}年度`;
    case 'half-yearly':
      return `${year}年${month <= 6 ? '上' : '下'}半年`;
    case 'quarterly':
      return `${year}年第${Math.ceil(month / 3)}季度`;
    case 'monthly':
      return `${year}年${month}月`;
  }
}

/**
 * The occurrences from the first due date to `until` (the plan's end; at least the first one), oldest first.
 * The first one's period starts at `start` (the plan's start) or a period before its due date, whichever is later.
 */
export function occurrences(first: string, recurrence: Recurrence, start: string, until: string): Occurrence[] {
  const naturalStart = addDays(occurrenceDue(first, recurrence, -1), 1);
  const result: Occurrence[] = [];
  let previous: string | null = null;
  for (let n = 0; n < MAX_OCCURRENCES; n++) {
    const key = occurrenceDue(first, recurrence, n);
    if (n > 0 && key > until) break;
    result.push({ key, start: previous ? addDays(previous, 1) : start > naturalStart ? start : naturalStart, label: occurrenceLabel(key, recurrence) });
    previous = key;
  }
  return result;
}

/** The occurrence a date falls in: the first one due on or after it (the last one when all are past). */
export function occurrenceAt(schedule: readonly Occurrence[], date: string): Occurrence {
  return schedule.find((o) => o.key >= date) ?? schedule[schedule.length - 1];
}

/** The deadline as written, and of a recurring milestone which occurrence: "每年（2024年度；另有2期逾期未销号）". */
export function phraseWithOccurrence(phrase: string, status: { occurrence?: { label: string } | null; missedOccurrences?: number; overdue: boolean }): string {
  if (!status.occurrence) return phrase;
  const others = (status.missedOccurrences ?? 0) - (status.overdue ? 1 : 0);
  return `${phrase || '周期性'}（${status.occurrence.label}${others > 0 ? `；另有${others}期逾期未销号` : ''}）`;
}
