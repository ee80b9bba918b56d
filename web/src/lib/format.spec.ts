import { formatDate, formatDaysOverdue, formatRate, formatWan } from './format.js';

describe('Chinese formatting', () => {
  it('writes dates as 年月日 without leading zeros', () => {
    expect(formatDate('2025-12-31')).toBe('2025年12月31日');
    expect(formatDate('2022-06-05')).toBe('2022年6月5日');
    expect(formatDate('2026-11-23T09:30:00.000Z')).toBe('2026年11月23日');
    expect(formatDate(null)).toBe('');
  });
  it('writes money in 万元 and rates in percent', () => {
    expect(formatWan(25000)).toBe('25,000万元');
    expect(formatWan(1.5)).toBe('1.5万元');
    expect(formatWan(null)).toBe('—');
    expect(formatRate(98.8)).toBe('98.8%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('—');
    expect(formatDaysOverdue(1423)).toBe('逾期1423天');
  });
});
