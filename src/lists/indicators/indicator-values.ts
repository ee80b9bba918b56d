import type { CreateIndicatorDto, IndicatorTargetDto } from './indicator.dto.js';
import type { Indicator, IndicatorDirection, IndicatorMark, IndicatorTarget } from './indicator.entity.js';

/** Reads "≤0.48吨/万元", "86.69%", "95%（产废单位）、100% （经营单位）" or "产生单位：98；经营单位：100". */
export function readIndicatorValues(text: string, year: number | null): IndicatorTarget[] {
  const raw = text.trim();
  if (!raw) return [];
  const scoped = splitScopes(raw);
  return scoped.map(({ text: part, scope }) => ({ year, text: part, value: firstNumber(part), scope }));
}

function splitScopes(text: string): { text: string; scope: string | null }[] {
  // "产生单位：98；经营单位：100"
  const colonParts = text
    .split(/[；;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (colonParts.length > 1 && colonParts.every((p) => /^[^：:]+[：:]/.test(p))) {
    return colonParts.map((p) => {
      const scope = p.split(/[：:]/)[0].trim();
      return { text: p, scope: scope || null };
    });
  }
  // "95%（产废单位）、100% （经营单位）"
  const bracketParts = text
    .split(/[、，,]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (bracketParts.length > 1 && bracketParts.every((p) => /[（(][^）)]+[）)]\s*$/.test(p))) {
    return bracketParts.map((p) => ({ text: p, scope: /[（(]([^）)]+)[）)]\s*$/.exec(p)![1].trim() }));
  }
  return [{ text, scope: null }];
}

/** The first number in a text ("≤0.48吨/万元" → 0.48), ignoring a scope label; null for "未统计", "——". */
export function firstNumber(text: string): number | null {
  const withoutScope = text.replace(/^[^：:\d]+[：:]/, '');
  const match = /-?\d+(?:\.\d+)?/.exec(withoutScope.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return match ? Number(match[0]) : null;
}

/** The unit of measure written after a value ("0.49吨/万元" → "吨/万元", "88%" → "%"). */
export function unitFromValue(text: string): string {
  const match = /\d(?:[\d.]*)\s*([%‰]|[^\d\s（(、，,；;≤≥<>=]+)/.exec(text);
  if (!match) return '';
  return match[1].replace(/以上|以下|左右$/, '').trim();
}

/** ★ marks a mandatory indicator, ☆ a local special one; the name is returned without the mark. */
export function readMark(name: string): { name: string; mark: IndicatorMark | null } {
  const trimmed = name.trim();
  if (/★\s*$/.test(trimmed)) return { name: trimmed.replace(/★\s*$/, '').trim(), mark: 'mandatory' };
  if (/☆\s*$/.test(trimmed)) return { name: trimmed.replace(/☆\s*$/, '').trim(), mark: 'local' };
  return { name: trimmed, mark: null };
}

const LOWER_WORDS = /强度|产生量|填埋量|排放量|倾倒|事件|案件数/;
const HIGHER_WORDS = /率|占比|比例|比率|数量|个数|覆盖|建成|能力|规模/;

/**
 * Whether more is better: an explicit ≤/≥ in the target decides; then the indicator's name (intensities and
 * amounts produced go down, rates and counts go up); then the numbers; text-only targets are qualitative.
 */
export function inferDirection(name: string, baseline: number | null, targets: IndicatorTarget[]): IndicatorDirection {
  const targetText = targets.map((t) => t.text).join(' ');
  if (/≤|<=|＜|不高于|不超过|以下|负增长|零增长/.test(targetText)) return 'lower';
  if (/≥|>=|＞|不低于|以上/.test(targetText)) return 'higher';
  const numeric = targets.find((t) => t.value !== null);
  if (!numeric) return 'qualitative';
  if (LOWER_WORDS.test(name)) return 'lower';
  if (HIGHER_WORDS.test(name)) return 'higher';
  if (baseline !== null && numeric.value !== null && numeric.value !== baseline) {
    return numeric.value > baseline ? 'higher' : 'lower';
  }
  return 'higher';
}

function toTargets(dtos: IndicatorTargetDto[]): IndicatorTarget[] {
  return dtos.map((t) => ({ year: t.year, text: t.text, value: t.value ?? firstNumber(t.text), scope: t.scope ?? null }));
}

/**
 * An indicator's fields from a request body: numbers are read from the texts as written and, on a new indicator,
 * the direction inferred, unless the request gives them.
 */
export function indicatorRequestFields(body: Record<string, unknown>, creating: boolean): Partial<Indicator> {
  const { targets, ...fields } = body as Partial<Omit<CreateIndicatorDto, 'targets'>> & { targets?: IndicatorTargetDto[] };
  if (!creating) return targets === undefined ? fields : { ...(fields as Partial<Indicator>), targets: toTargets(targets) };
  const targetList = toTargets(targets ?? []);
  const baselineValue = fields.baselineValue ?? (fields.baselineText ? firstNumber(fields.baselineText) : null);
  const direction = fields.direction ?? inferDirection(fields.name ?? '', baselineValue, targetList);
  return { ...(fields as Partial<Indicator>), baselineValue, targets: targetList, direction };
}
