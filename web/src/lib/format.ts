// Chinese formatting of dates, money and rates, as offices write them.

/** "2025-12-31" (or an ISO date-time) → "2025年12月31日"; empty for null. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 万元 with thousands separators: 25000 → "25,000万元"; 1.5 → "1.5万元"; null → "—". */
export function formatWan(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;
}

/** A rate given in percent: 98.8 → "98.8%"; null (nothing to count) → "—". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${Math.round(value * 10) / 10}%`;
}

/** Days overdue in words: 1423 → "逾期1423天". */
export function formatDaysOverdue(days: number): string {
  return `逾期${days}天`;
}
