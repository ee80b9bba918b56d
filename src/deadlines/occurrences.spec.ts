import { occurrenceAt, occurrenceDue, occurrenceLabel, occurrences, phraseWithOccurrence } from './occurrences.js';

describe('occurrences of a recurring milestone', () => {
  it('runs a yearly duty from its first year-end to the plan end, one a year', () => {
    // Jiangjin: 每年 read against the plan start 2021-01-01 → first due 2021-12-31; the plan ends 2025-12-31.
    expect(occurrences('2021-12-31', 'yearly', '2021-01-01', '2025-12-31')).toEqual([
      { key: '2021-12-31', start: '2021-01-01', label: '2021年度' },
      { key: '2022-12-31', start: '2022-01-01', label: '2022年度' },
      { key: '2023-12-31', start: '2023-01-01', label: '2023年度' },
      { key: '2024-12-31', start: '2024-01-01', label: '2024年度' },
      { key: '2025-12-31', start: '2025-01-01', label: '2025年度' },
    ]);
  });

  it('starts the first period at the plan start when the plan begins mid-period', () => {
    // Jiangyin's plan starts 2022-09-30: its yearly summary (每年年底前) is first due 2022-12-31.
    expect(occurrences('2022-12-31', 'yearly', '2022-09-30', '2025-12-31')[0]).toEqual({ key: '2022-12-31', start: '2022-09-30', label: '2022年度' });
  });

  it('keeps the stated day of the month, and month ends stay month ends', () => {
    expect(['2021-01-25', '2021-02-25', '2021-03-25'].map((_, n) => occurrenceDue('2021-01-25', 'monthly', n))).toEqual([
      '2021-01-25',
      '2021-02-25',
      '2021-03-25',
    ]);
    // 每季度首月15日前
    expect([0, 1, 2, 3].map((n) => occurrenceDue('2021-01-15', 'quarterly', n))).toEqual(['2021-01-15', '2021-04-15', '2021-07-15', '2021-10-15']);
    // 每半年末
    expect([0, 1, 2].map((n) => occurrenceDue('2021-06-30', 'half-yearly', n))).toEqual(['2021-06-30', '2021-12-31', '2022-06-30']);
    // 每月底: January 31st, then February's last day (a leap year), then March 31st
    expect([0, 1, 2].map((n) => occurrenceDue('2024-01-31', 'monthly', n))).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    // the 30th of each month falls back to February's last day and comes back in March
    expect([0, 1, 2].map((n) => occurrenceDue('2023-01-30', 'monthly', n))).toEqual(['2023-01-30', '2023-02-28', '2023-03-30']);
  });

  it('names each occurrence by its period', () => {
    expect(occurrenceLabel('2024-12-31', 'yearly')).toBe('2024年度');
    expect(occurrenceLabel('2024-06-30', 'half-yearly')).toBe('2024年上半年');
    expect(occurrenceLabel('2024-12-31', 'half-yearly')).toBe('2024年下半年');
    expect(occurrenceLabel('2024-07-15', 'quarterly')).toBe('2024年第3季度');
    expect(occurrenceLabel('2024-03-25', 'monthly')).toBe('2024年3月');
  });

  it('finds the occurrence a date falls in, and the last one after the plan end', () => {
    const schedule = occurrences('2021-12-31', 'yearly', '2021-01-01', '2023-12-31');
    expect(occurrenceAt(schedule, '2022-05-01').key).toBe('2022-12-31');
    expect(occurrenceAt(schedule, '2022-12-31').key).toBe('2022-12-31');
    expect(occurrenceAt(schedule, '2023-01-01').key).toBe('2023-12-31');
    expect(occurrenceAt(schedule, '2026-11-30').key).toBe('2023-12-31');
  });

  it('has at least the first occurrence when the plan ends before it', () => {
    expect(occurrences('2026-12-31', 'yearly', '2021-01-01', '2025-12-31').map((o) => o.key)).toEqual(['2026-12-31']);
  });

  it('writes the occurrence beside the phrase, and how many others are missed', () => {
    expect(phraseWithOccurrence('每年', { occurrence: { label: '2025年度' }, missedOccurrences: 1, overdue: true })).toBe('每年（2025年度）');
    expect(phraseWithOccurrence('每年', { occurrence: { label: '2025年度' }, missedOccurrences: 5, overdue: true })).toBe(
      '每年（2025年度；另有4期逾期未销号）',
    );
    expect(phraseWithOccurrence('2025年底前', { occurrence: null, overdue: true })).toBe('2025年底前');
  });
});
