/** Calendar dates are plain YYYY-MM-DD strings; arithmetic happens in UTC so no time zone leaks in. */

const DAY = 86_400_000;

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The date n days after (or before, when negative) date. */
export function addDays(date: string, n: number): string {
  return new Date(toTime(date) + n * DAY).toISOString().slice(0, 10);
}

/** Days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekday(date: string): number {
  const day = new Date(toTime(date)).getUTCDay();
  return day === 0 ? 7 : day;
}
