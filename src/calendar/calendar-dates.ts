/** Calendar dates are plain YYYY-MM-DD strings; arithmetic is on day numbers, so no time zone leaks in. */

/** The value of the digits of `text` from `start` to `end`, or -1 when any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Days since 1970-01-01 of a calendar date, by integer arithmetic on the proleptic Gregorian calendar (the sweep
 * does this millions of times: far cheaper than parsing and formatting Date objects, and read digit by digit, with no
 * regular-expression match to allocate). A day past the month's end runs on into the next month, as Date.parse does;
 * anything not shaped YYYY-MM-DD with month 1-12 and day 1-31 throws.
 */
function dayNumber(date: string): number {
  const shaped = date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45;
  const month = shaped ? digits(date, 5, 7) : 0;
  const day = shaped ? digits(date, 8, 10) : 0;
  const fullYear = shaped ? digits(date, 0, 4) : -1;
  if (fullYear < 0 || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`Invalid calendar date: ${date}`);
  const year = fullYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (the inverse of dayNumber). */
function dateOf(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The date n days after (or before, when negative) date. */
export function addDays(date: string, n: number): string {
  return dateOf(dayNumber(date) + n);
}

/** Days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}
