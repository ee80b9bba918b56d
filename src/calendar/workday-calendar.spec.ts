import { addDays, weekday } from './calendar-dates.js';
import { loadOfficialHolidays, type OfficeDay, WorkdayCalendar } from './workday-calendar.js';

const official = loadOfficialHolidays();
const plain = new WorkdayCalendar(official, []);

describe('calendar dates', () => {
  it('adds days across months, years and a leap day', () => {
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('numbers the weekdays from Monday 1 to Sunday 7', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-11-21')).toBe(6);
    expect(weekday('2026-11-22')).toBe(7);
    expect(weekday('2026-10-01')).toBe(4);
  });
});

describe('the official holiday data', () => {
  it('is read once from the chinese-days package', () => {
    expect(loadOfficialHolidays()).toBe(official);
    expect(official.holidays['2026-10-01']).toContain('国庆节');
  });
});

describe('workdays from the official data', () => {
  it('takes National Day (2026-10-01) off, with its Chinese name', () => {
    expect(plain.isWorkday('2026-10-01')).toBe(false);
    expect(plain.day('2026-10-01')).toEqual({ date: '2026-10-01', workday: false, kind: 'holiday', name: '国庆节', source: 'official' });
  });

  it('counts the make-up Saturday 2026-10-10 (调休) as a workday', () => {
    expect(weekday('2026-10-10')).toBe(6);
    expect(plain.isWorkday('2026-10-10')).toBe(true);
    expect(plain.day('2026-10-10')).toMatchObject({ workday: true, kind: 'makeup_workday', source: 'official' });
    expect(plain.day('2026-10-10').name).toContain('国庆节');
  });

  it('works an ordinary Monday (2026-11-23) and rests an ordinary Saturday (2026-11-21)', () => {
    expect(plain.isWorkday('2026-11-23')).toBe(true);
    expect(plain.day('2026-11-23')).toEqual({ date: '2026-11-23', workday: true, kind: 'workday', name: '', source: 'weekday' });
    expect(plain.isWorkday('2026-11-21')).toBe(false);
    expect(plain.day('2026-11-21')).toEqual({ date: '2026-11-21', workday: false, kind: 'weekend', name: '', source: 'weekday' });
  });

  it('names the Spring Festival in Chinese', () => {
    expect(plain.day('2026-02-17').name).toBe('春节');
  });
});

describe('the next and the previous workday', () => {
  it('moves any day of the National Day holiday to Thursday 2026-10-08, and keeps the workday before it', () => {
    expect(plain.onOrAfter('2026-09-30')).toBe('2026-09-30');
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(plain.onOrAfter(d)).toBe('2026-10-08');
  });

  it('moves back from the holiday to Wednesday 2026-09-30', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(plain.onOrBefore(d)).toBe('2026-09-30');
    expect(plain.onOrBefore('2026-10-08')).toBe('2026-10-08');
  });

  it('lands on a make-up Saturday rather than skipping it', () => {
    expect(plain.onOrBefore('2026-10-11')).toBe('2026-10-10');
    expect(plain.onOrAfter('2026-02-14')).toBe('2026-02-14');
  });

  it('crosses the whole Spring Festival week with its weekends', () => {
    expect(plain.onOrAfter('2026-02-15')).toBe('2026-02-24');
    expect(plain.onOrBefore('2026-02-23')).toBe('2026-02-14');
  });

  it('gives up after 60 days without a workday and returns the date itself', () => {
    const closed: OfficeDay[] = Array.from({ length: 70 }, (_, i) => ({ date: addDays('2030-01-01', i), kind: 'holiday', name: '停工' }));
    const calendar = new WorkdayCalendar(official, closed);
    expect(calendar.onOrAfter('2030-01-01')).toBe('2030-01-01');
    expect(calendar.onOrBefore(addDays('2030-01-01', 69))).toBe(addDays('2030-01-01', 69));
    expect(calendar.onOrAfter(addDays('2030-01-01', 20))).toBe(addDays('2030-01-01', 70));
  });
});

describe("the office's additions", () => {
  const calendar = new WorkdayCalendar(official, [
    { date: '2026-11-24', kind: 'holiday', name: '区庆' },
    { date: '2026-11-22', kind: 'workday', name: '区庆调休' },
    { date: '2026-10-02', kind: 'workday', name: '防汛值班' },
    { date: '2026-10-10', kind: 'holiday', name: '补休' },
  ]);

  it('makes an ordinary Tuesday a holiday', () => {
    expect(weekday('2026-11-24')).toBe(2);
    expect(calendar.isWorkday('2026-11-24')).toBe(false);
    expect(calendar.day('2026-11-24')).toEqual({ date: '2026-11-24', workday: false, kind: 'holiday', name: '区庆', source: 'office' });
    expect(calendar.onOrAfter('2026-11-24')).toBe('2026-11-25');
    expect(calendar.onOrBefore('2026-11-24')).toBe('2026-11-23');
  });

  it('makes a Sunday a make-up workday', () => {
    expect(calendar.isWorkday('2026-11-22')).toBe(true);
    expect(calendar.day('2026-11-22')).toEqual({ date: '2026-11-22', workday: true, kind: 'makeup_workday', name: '区庆调休', source: 'office' });
    expect(calendar.onOrBefore('2026-11-22')).toBe('2026-11-22');
  });

  it('overrides the official data both ways', () => {
    expect(calendar.day('2026-10-02')).toMatchObject({ workday: true, kind: 'workday', name: '防汛值班', source: 'office' });
    expect(calendar.onOrAfter('2026-10-01')).toBe('2026-10-02');
    expect(calendar.day('2026-10-10')).toMatchObject({ workday: false, kind: 'holiday', name: '补休', source: 'office' });
  });

  it('lists the special days of a year in date order, the office entry in place of the official one', () => {
    const days = calendar.specialDays(2026);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
    expect(days.find((d) => d.date === '2026-10-10')).toMatchObject({ source: 'office', name: '补休' });
    expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({ source: 'official', name: '国庆节' });
    expect(days.find((d) => d.date === '2026-11-24')).toMatchObject({ source: 'office' });
    expect(days.some((d) => d.date === '2026-11-23')).toBe(false);
  });
});

describe('years the data covers', () => {
  it('knows 2026 from the official data, not 2099 until the office adds a day to it', () => {
    expect(plain.coversYear(2026)).toBe(true);
    expect(plain.coversYear(2099)).toBe(false);
    const extended = new WorkdayCalendar(official, [{ date: '2099-10-01', kind: 'holiday', name: '国庆节' }]);
    expect(extended.coversYear(2099)).toBe(true);
  });
});
