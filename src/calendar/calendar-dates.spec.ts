import { addDays, daysBetween, weekday } from './calendar-dates.js';

/** Date arithmetic by day numbers, checked by hand and against the JavaScript Date in UTC over two centuries. */
describe('calendar dates', () => {
  it('steps over month and year ends and leap days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-11-23', 7)).toBe('2026-11-30');
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(addDays('2021-01-01', 1825)).toBe('2025-12-31');
  });

  it('counts the days between two dates, negative backwards', () => {
    expect(daysBetween('2025-12-31', '2026-11-23')).toBe(327);
    expect(daysBetween('2026-11-23', '2025-12-31')).toBe(-327);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('names ISO weekdays: 2026-11-23 is a Monday, 2026-11-29 a Sunday, 1970-01-01 a Thursday', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-11-29')).toBe(7);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-28')).toBe(7);
    expect(weekday('2026-10-01')).toBe(4);
  });

  it('runs a day past the month end on into the next month, as Date.parse does', () => {
    expect(addDays('2025-02-30', 0)).toBe('2025-03-02');
    expect(addDays('2025-04-31', 0)).toBe('2025-05-01');
  });

  it('refuses what is not a YYYY-MM-DD date', () => {
    for (const bad of [
      '2025-13-01',
      '2025-00-10',
      '2025-01-32',
      '2025-1-1',
      '',
      'tomorrow',
      '2025-01-01T00:00:00Z',
      '2025/01/01',
      '2025-01-0a',
      '+025-01-01',
      '２０２５-01-01',
    ]) {
      expect(() => addDays(bad, 1)).toThrow(RangeError);
    }
  });

  it('agrees with Date in UTC on every day from 1900 to 2100', () => {
    const DAY = 86_400_000;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    let mismatches = 0;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += DAY) {
      const date = iso(t);
      const isoDay = new Date(t).getUTCDay() || 7;
      if (addDays(date, 1) !== iso(t + DAY) || addDays(date, -400) !== iso(t - 400 * DAY) || weekday(date) !== isoDay) mismatches++;
      if (daysBetween('1970-01-01', date) !== Math.round(t / DAY)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
