import type { IndicatorTarget } from '../lists/indicators/indicator.entity.js';
import type { Judgement } from './indicator-value.entity.js';

/** Where a value stands against its target. An office judgement is reported as its verdict, by 'office'. */
export type AttainmentStatus = 'met' | 'not_met' | 'needs_judgement' | 'no_target';

export interface Attainment {
  /** The year of the target the value was measured against; null when there is none (or it has no year). */
  targetYear: number | null;
  /** The target as written, and its number when the rule could compare with it; null when there is none. */
  target: { text: string; value: number | null } | null;
  status: AttainmentStatus;
  /** 'rule' when compared by this rule; 'office' when the office's judgement decides. */
  by: 'rule' | 'office';
  /** Why, in words a clerk reads. */
  reason: string;
}

/** A period as recorded: a year ("2023") or a month of a year ("2023-06"). */
export interface Period {
  year: number;
  month: number | null;
}

export const PERIOD_MIN_YEAR = 1990;
export const PERIOD_MAX_YEAR = 2100;

/** Reads "2023" or "2023-06"; null when it is neither, or the year is outside 1990-2100. */
export function parsePeriod(text: string): Period | null {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  if (year < PERIOD_MIN_YEAR || year > PERIOD_MAX_YEAR) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  return { year, month };
}

type Comparison = 'lte' | 'lt' | 'gte' | 'gt';

const COMPARATORS: [RegExp, Comparison][] = [
  [/≤|<=|不高于|不超过|不大于|以下/, 'lte'],
  [/≥|>=|不低于|不少于|不小于|以上/, 'gte'],
  [/[<＜]/, 'lt'],
  [/[>＞]/, 'gt'],
];

const toHalfWidth = (text: string) => text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * A target the rule can compare with: a number, at most a comparator before it and a unit of measure (or
 * 以上/以下) after it, and a scope label ("产生单位：98", "95%（产废单位）"). Anything more ("全市60%以上产废单位通过…",
 * "负增长", "满意") is a text target for the office to judge.
 */
export function isNumericTarget(text: string): boolean {
  const core = toHalfWidth(text)
    .trim()
    .replace(/^[^：:\d≤≥<>＜＞]+[：:]/, '')
    .replace(/\s*[（(][^）)]*[）)]\s*$/, '')
    .trim();
  return /^(?:≤|≥|<=|>=|<|>|＜|＞|不高于|不低于|不超过|不少于|不大于|不小于)?\s*[-+]?\d+(?:\.\d+)?\s*(?:[^\d\s，,；;。、：:]{1,8})?$/.test(core);
}

/** How to compare: an explicit ≤/≥ in the target as written, else the indicator's direction; null for qualitative. */
function comparisonOf(direction: string, targetText: string): Comparison | null {
  for (const [pattern, comparison] of COMPARATORS) if (pattern.test(targetText)) return comparison;
  if (direction === 'lower') return 'lte';
  if (direction === 'higher') return 'gte';
  return null;
}

const SIGN: Record<Comparison, string> = { lte: '≤', lt: '<', gte: '≥', gt: '>' };
const EPSILON = 1e-9;

function compare(value: number, target: number, comparison: Comparison): boolean {
  const tolerance = EPSILON * Math.max(1, Math.abs(target));
  switch (comparison) {
    case 'lte':
      return value <= target + tolerance;
    case 'lt':
      return value < target - tolerance;
    case 'gte':
      return value >= target - tolerance;
    case 'gt':
      return value > target + tolerance;
  }
}

/** The targets a period is measured against: those of its year, else of the nearest later year, else undated ones. */
export function targetsFor(targets: IndicatorTarget[], year: number): IndicatorTarget[] {
  const years = targets.map((t) => t.year).filter((y): y is number => y !== null && y >= year);
  if (years.length) {
    const nearest = Math.min(...years);
    return targets.filter((t) => t.year === nearest);
  }
  return targets.filter((t) => t.year === null);
}

export interface AttainmentInput {
  indicator: { direction: string; targets: IndicatorTarget[] };
  value: { period: string; value: number | null; text: string | null; judgement: Judgement | null };
}

const VERDICT: Record<Judgement, string> = { met: '达标', not_met: '未达标' };

/**
 * Attainment of one recorded value against the indicator's target for its period. A numeric target with a
 * numeric value is compared by the indicator's direction (lower: ≤, higher: ≥, or the comparator written in
 * the target); a qualitative indicator, a text target, a text value or a target split by scope needs the
 * office's judgement. The office's judgement, when given, always decides.
 */
export function attainmentOf({ indicator, value }: AttainmentInput): Attainment {
  const period = parsePeriod(value.period);
  const chosen = period ? targetsFor(indicator.targets ?? [], period.year) : [];
  const targetYear = chosen[0]?.year ?? null;
  const single = chosen.length === 1 ? chosen[0] : null;
  const target = chosen.length ? { text: chosen.map((t) => t.text).join('；'), value: single?.value ?? null } : null;
  const result = (status: AttainmentStatus, by: Attainment['by'], reason: string): Attainment => ({ targetYear, target, status, by, reason });
  const goal = targetYear === null ? '目标' : `${targetYear}年目标`;

  if (value.judgement) return result(value.judgement, 'office', `无废办判定：${VERDICT[value.judgement]}`);
  if (!target) return result('no_target', 'rule', period ? `${period.year}年及以后没有目标值` : '期间无效');
  if (!single) return result('needs_judgement', 'rule', `${goal}分${chosen.length}项（${target.text}），需无废办判定`);
  const comparison = comparisonOf(indicator.direction, single.text);
  if (single.value === null || !isNumericTarget(single.text) || comparison === null) {
    return result('needs_judgement', 'rule', `${goal}“${single.text}”不是可直接比较的数值，需无废办判定`);
  }
  if (value.value === null) return result('needs_judgement', 'rule', `实际值“${value.text ?? ''}”不是数值，需无废办判定`);
  const met = compare(value.value, single.value, comparison);
  const sign = SIGN[comparison];
  return result(met ? 'met' : 'not_met', 'rule', `实际值 ${value.value} ${met ? '' : '未'}满足${goal}“${sign}${single.value}”`);
}
