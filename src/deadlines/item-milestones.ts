import type { Plan } from '../plans/plan.entity.js';
import { parseDeadlines } from './deadline-parser.js';
import type { MilestoneReading } from './milestone-reading.js';

type PlanDates = Pick<Plan, 'periodStart' | 'periodEnd'>;

/** A target value for a year as an indicator keeps it (lists/indicators/indicator.entity.ts). */
type IndicatorTarget = { year: number | null; text: string; value: number | null; scope?: string | null };

/**
 * A task's milestones: from its 完成时限 cell when the table has one, else from the dated clauses of its text.
 * A task whose text names no time at all is due by the end of the plan's period, and says so in its note;
 * so is one that only says "适时" or "尽快", flagged for the office.
 */
export function taskMilestones(plan: PlanDates, content: string, deadlineText: string | null): MilestoneReading[] {
  if (deadlineText) return cellMilestones(plan, deadlineText);
  const readings = parseDeadlines(content, { reference: plan.periodStart });
  return readings.length > 0 ? readings.map((r) => undatedAtPlanEnd(plan, r)) : [planEnd(plan)];
}

/** A project's milestones come from its 完成时限 ("2025" → 2025-12-31); none written means the plan's end. */
export function projectMilestones(plan: PlanDates, deadlineText: string | null): MilestoneReading[] {
  return deadlineText ? cellMilestones(plan, deadlineText) : [planEnd(plan)];
}

/** A 完成时限 cell the parser cannot read is kept as written and flagged for the office, never dropped. */
function cellMilestones(plan: PlanDates, deadlineText: string): MilestoneReading[] {
  const readings = parseDeadlines(deadlineText, { reference: plan.periodStart });
  return readings.length > 0 ? readings.map((r) => undatedAtPlanEnd(plan, r)) : [unreadable(deadlineText)];
}

/** A deadline phrase the parser cannot read at all: kept as written, with no date, flagged for the office. */
export function unreadable(phrase: string): MilestoneReading {
  return {
    dueDate: null,
    kind: 'dated',
    periodStart: null,
    recurrence: null,
    quantity: null,
    phrase,
    certain: false,
    note: `无法识别的时限“${phrase}”，请无废办确认`,
  };
}

/**
 * An indicator has one milestone per target year: the end of that year, with the target as its quantity, written
 * as the cell wrote it ("≤0.48吨/万元", "95%（产废单位）、100% （经营单位）", "产生单位：98；经营单位：100").
 */
export function indicatorMilestones(targets: IndicatorTarget[], headers: Record<number, string>): MilestoneReading[] {
  const years = [...new Set(targets.map((t) => t.year).filter((y): y is number => y !== null))];
  return years.map((year) => ({
    dueDate: `${year}-12-31`,
    kind: 'dated',
    periodStart: null,
    recurrence: null,
    quantity: targetsAsWritten(targets.filter((t) => t.year === year)) || null,
    phrase: headers[year] ?? `${year}年`,
    certain: true,
    note: null,
  }));
}

/** The targets of one year back in one text: scopes written "产生单位：98" were split at "；", others at "、". */
function targetsAsWritten(targets: IndicatorTarget[]): string {
  const colonScoped = targets.length > 1 && targets.every((t) => /^[^：:]+[：:]/.test(t.text));
  return targets.map((t) => t.text).join(colonScoped ? '；' : '、');
}

/** A work step's milestones come from its deadline phrase only; one the parser cannot read is flagged, like a cell. */
export function stageMilestones(plan: PlanDates, deadlineText: string | null): MilestoneReading[] {
  return deadlineText ? cellMilestones(plan, deadlineText) : [];
}

/**
 * A reading the parser could not date ("适时", "尽快") comes due at the plan's end like an undated item, still
 * flagged for the office, its phrase kept.
 */
function undatedAtPlanEnd(plan: PlanDates, reading: MilestoneReading): MilestoneReading {
  if (reading.kind !== 'dated' || reading.dueDate !== null) return reading;
  const why = (reading.note ?? '').replace(/，?请确认$/, '');
  return {
    ...planEnd(plan),
    phrase: reading.phrase,
    quantity: reading.quantity,
    certain: false,
    note: `${why}，暂按规划期末（${plan.periodEnd}）计，请确认`,
  };
}

function planEnd(plan: PlanDates): MilestoneReading {
  return {
    dueDate: plan.periodEnd,
    kind: 'period',
    periodStart: plan.periodStart,
    recurrence: null,
    quantity: null,
    phrase: '',
    certain: true,
    note: planEndNote(plan.periodEnd),
  };
}

export function planEndNote(periodEnd: string): string {
  return `原文未写时限，按规划期末（${periodEnd}）计`;
}
