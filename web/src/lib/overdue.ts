// The overdue list grouped by lead unit, for the leader's overview.

export interface OverdueRowLike {
  itemType: 'task' | 'project' | 'indicator';
  itemId: number;
  milestoneId: number;
  daysOverdue: number;
  leadUnits: string[];
}

export interface OverdueGroup<R> {
  unit: string;
  rows: R[];
  /** The longest overdue of the unit's rows. */
  maxDays: number;
}

/** Name used for rows no unit leads. */
export const NO_LEAD_UNIT = '暂未明确牵头单位';

/**
 * Rows grouped by each lead unit (a row led by two units shows under both); units with the longest overdue first,
 * then by name; rows keep their order (the report sorts them longest overdue first).
 */
export function groupByLeadUnit<R extends OverdueRowLike>(rows: readonly R[]): OverdueGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const units = row.leadUnits.length ? row.leadUnits : [NO_LEAD_UNIT];
    for (const unit of units) {
      const list = groups.get(unit) ?? [];
      list.push(row);
      groups.set(unit, list);
    }
  }
  return [...groups.entries()]
    .map(([unit, list]) => ({ unit, rows: list, maxDays: Math.max(...list.map((r) => r.daysOverdue)) }))
    .sort((a, b) => b.maxDays - a.maxDays || a.unit.localeCompare(b.unit, 'zh-CN'));
}

/** The app route of an item: /plans/2/tasks/65. */
export function itemRoute(planId: number, itemType: OverdueRowLike['itemType'], itemId: number): string {
  const segment = itemType === 'task' ? 'tasks' : itemType === 'project' ? 'projects' : 'indicators';
  return `/plans/${planId}/${segment}/${itemId}`;
}
