import type { Plan } from '../plans/plan.entity.js';
import type { IndicatorTarget } from '../goals/indicator.entity.js';
import { parseDeadlines } from './deadline-parser.js';
import type { MilestoneReading } from './milestone-reading.js';

type PlanDates = Pick<Plan, 'periodStart' | 'periodEnd'>;

/**
 * A task's milestones: from its 完成时限 cell when the table has one, else from the dated clauses of its text.
 * A task whose text names no time at all is due by the end of the plan's period, and says so in its note.
 */
export function taskMilestones(plan: PlanDates, content: string, deadlineText: string | null): MilestoneReading[] {
  if (deadlineText) return cellMilestones(plan, deadlineText);
  const readings = parseDeadlines(content, { reference: plan.periodStart });
  return readings.length > 0 ? readings : [planEnd(plan)];
}

/** A project's milestones come from its 完成时限 ("2025" → 2025-12-31); none written means the plan's end. */
export function projectMilestones(plan: PlanDates, deadlineText: string | null): MilestoneReading[] {
  return deadlineText ? cellMilestones(plan, deadlineText) : [planEnd(plan)];
}

/** A 完成时限 cell the parser cannot read is kept as written and flagged for the office, never dropped. */
function cellMilestones(plan: PlanDates, deadlineText: string): MilestoneReading[] {
  const readings = parseDeadlines(deadlineText, { reference: plan.periodStart });
  if (readings.length > 0) return readings;
  return [
    {
      dueDate: null,
      kind: 'dated',
      periodStart: null,
      recurrence: null,
      quantity: null,
      phrase: deadlineText,
      certain: false,
      note: `无法识别的时限“${deadlineText}”，请无废办确认`,
    },
  ];
}

/** An indicator has one milestone per target year: the end of that year, with the target as its quantity. */
export function indicatorMilestones(targets: IndicatorTarget[], headers: Record<number, string>): MilestoneReading[] {
  const years = [...new Set(targets.map((t) => t.year).filter((y): y is number => y !== null))];
  return years.map((year) => ({
    dueDate: `${year}-12-31`,
    kind: 'dated',
    periodStart: null,
    recurrence: null,
    quantity: targets
      .filter((t) => t.year === year)
      .map((t) => t.text)
      .join('、') || null,
    phrase: headers[year] ?? `${year}年`,
    certain: true,
    note: null,
  }));
}

/** A work step's milestones come from its deadline phrase only. */
export function stageMilestones(plan: PlanDates, deadlineText: string | null): MilestoneReading[] {
  return deadlineText ? parseDeadlines(deadlineText, { reference: plan.periodStart }) : [];
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
