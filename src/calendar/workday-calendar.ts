import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addDays, weekday } from './calendar-dates.js';

/** China's official holidays and make-up workdays (调休), by date; values read "English,中文,n". */
export interface OfficialHolidays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayView {
  date: string;
  workday: boolean;
  kind: DayKind;
  name: string;
  source: 'office' | 'official' | 'weekday';
}

export interface OfficeDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

let official: OfficialHolidays | null = null;

/** The holiday data of the chinese-days package (maintained from the State Council's yearly notices), read once. */
export function loadOfficialHolidays(): OfficialHolidays {
  if (!official) {
    const file = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as OfficialHolidays;
    official = { holidays: data.holidays, workdays: data.workdays };
  }
  return official;
}

/** "Spring Festival,春节,4" → "春节" */
function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

/** Longest run of rest days searched before giving up (the Spring Festival week with its weekends is 9). */
const SEARCH_DAYS = 60;

/**
 * Which days are workdays: the office's additions first, then the official holidays and make-up workdays,
 * then Monday to Friday.
 */
export class WorkdayCalendar {
  private readonly office: Map<string, OfficeDay>;
  // The sweep asks the same few hundred dates for every milestone; a calendar never changes (an edit makes a new one).
  private readonly after = new Map<string, string>();
  private readonly before = new Map<string, string>();

  constructor(
    private readonly data: OfficialHolidays,
    officeDays: OfficeDay[],
  ) {
    this.office = new Map(officeDays.map((d) => [d.date, d]));
  }

  day(date: string): DayView {
    const own = this.office.get(date);
    if (own)
      return {
        date,
        workday: own.kind === 'workday',
        kind: own.kind === 'workday' ? (isWeekend(date) ? 'makeup_workday' : 'workday') : 'holiday',
        name: own.name,
        source: 'office',
      };
    const holiday = this.data.holidays[date];
    if (holiday) return { date, workday: false, kind: 'holiday', name: chineseName(holiday), source: 'official' };
    const makeUp = this.data.workdays[date];
    if (makeUp) return { date, workday: true, kind: 'makeup_workday', name: `${chineseName(makeUp)}调休上班`, source: 'official' };
    return isWeekend(date)
      ? { date, workday: false, kind: 'weekend', name: '', source: 'weekday' }
      : { date, workday: true, kind: 'workday', name: '', source: 'weekday' };
  }

  isWorkday(date: string): boolean {
    return this.day(date).workday;
  }

  /** The first workday on or after date (the date itself if none within 60 days). */
  onOrAfter(date: string): string {
    return remembered(this.after, date, () => {
      for (let i = 0; i < SEARCH_DAYS; i++) if (this.isWorkday(addDays(date, i))) return addDays(date, i);
      return date;
    });
  }

  /** The last workday on or before date (the date itself if none within 60 days). */
  onOrBefore(date: string): string {
    return remembered(this.before, date, () => {
      for (let i = 0; i < SEARCH_DAYS; i++) if (this.isWorkday(addDays(date, -i))) return addDays(date, -i);
      return date;
    });
  }

  /** Does the holiday data (official or the office's) say anything about this year? */
  coversYear(year: number): boolean {
    const prefix = `${year}-`;
    return [...Object.keys(this.data.holidays), ...this.office.keys()].some((d) => d.startsWith(prefix));
  }

  /** Every day of a year that is not an ordinary weekday or weekend: holidays, make-up workdays, office additions. */
  specialDays(year: number): DayView[] {
    const prefix = `${year}-`;
    const dates = new Set([...Object.keys(this.data.holidays), ...Object.keys(this.data.workdays), ...this.office.keys()].filter((d) => d.startsWith(prefix)));
    return [...dates].sort().map((d) => this.day(d));
  }
}

/** Dates remembered per calendar, at most this many (a few years of dates asked about). */
const REMEMBERED_DATES = 5000;

function remembered(memo: Map<string, string>, date: string, work: () => string): string {
  let answer = memo.get(date);
  if (answer === undefined) {
    answer = work();
    if (memo.size >= REMEMBERED_DATES) memo.clear();
    memo.set(date, answer);
  }
  return answer;
}

function isWeekend(date: string): boolean {
  return weekday(date) >= 6;
}
