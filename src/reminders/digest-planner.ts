import { addDays } from '../calendar/calendar-dates.js';
import type { PlanDigestView, PlanStatuses } from './plan-snapshot.js';
import { LIST_TYPES } from '../common/item-type.js';
import { INSTRUCTIONS_PER_ITEM, itemLine, milestoneLine, occurrenceStates, remindedStates } from './reminder-planner.js';
import type { DigestSection, ItemLine, ListSummary } from './reminder-types.js';
import { compareCodes } from '../common/code-order.js';

const UNASSIGNED = '暂未明确';

/**
 * One plan's part of the leaders' weekly digest, as of `now.asOf`:
 * overdue items by (first) lead unit, most overdue first; items overdue now that were not on `since`;
 * milestones due within dueSoonDays; milestones closed out in the past seven days; items given a 批示 in the past seven
 * days, with those 批示 (the latest few); and per list the counts.
 */
export function digestSection(now: PlanDigestView, since: PlanStatuses, dueSoonDays: number): DigestSection {
  const today = now.asOf;
  const ctx = { snapshot: now, today };
  const wasOverdue = new Set(since.items.filter((i) => i.overdue).map((i) => `${i.itemType}:${i.itemId}`));
  const overdue = now.items.filter((i) => i.overdue);
  const byUnit = new Map<string, ItemLine[]>();
  for (const item of overdue) {
    const unit = item.leadUnitIds.length ? (now.units.get(item.leadUnitIds[0])?.name ?? UNASSIGNED) : UNASSIGNED;
    const lines = byUnit.get(unit) ?? [];
    lines.push(itemLine(ctx, item, null));
    byUnit.set(unit, lines);
  }
  const mostOverdue = (a: ItemLine, b: ItemLine) => b.daysOverdue - a.daysOverdue || compareCodes(a.code, b.code);
  const overdueByUnit = [...byUnit.entries()]
    .map(([unitName, items]) => ({ unitName, items: items.sort(mostOverdue) }))
    .sort((a, b) => b.items[0].daysOverdue - a.items[0].daysOverdue || b.items.length - a.items.length);

  const horizon = addDays(today, dueSoonDays);
  const weekAgo = addDays(today, -7);
  const dueSoon: ItemLine[] = [];
  const closedLastWeek: ItemLine[] = [];
  for (const item of now.items) {
    for (const m of item.milestones) {
      // Of a recurring milestone: the occurrence due now and the current one may both come due; any occurrence
      // (last year's too) may have been closed out this week.
      for (const due of remindedStates(m, today)) {
        const s = due.status;
        const open = s.status !== 'closed' && s.status !== 'suspended';
        if (open && s.dueDate !== null && s.dueDate >= today && s.dueDate <= horizon) dueSoon.push(milestoneLine(ctx, item, due, null));
      }
      for (const closed of occurrenceStates(m)) {
        const s = closed.status;
        if (s.closedOn !== null && s.closedOn > weekAgo && s.closedOn <= today && s.waivedReason == null)
          closedLastWeek.push(milestoneLine(ctx, item, closed, null));
      }
    }
  }
  dueSoon.sort((a, b) => a.daysLeft - b.daysLeft || compareCodes(a.code, b.code));

  // The leaders' own 批示 of the week, so the digest shows what was asked of whom beside what is late.
  const instructed: ItemLine[] = [];
  for (const item of now.items) {
    const fresh = item.instructions.filter((i) => i.date > weekAgo && i.date <= today);
    if (!fresh.length) continue;
    const shown = fresh.slice(-INSTRUCTIONS_PER_ITEM);
    instructed.push({ ...itemLine(ctx, item, null), instructions: shown, moreInstructions: fresh.length - shown.length });
  }
  const latestFirst = (l: ItemLine) => l.instructions?.at(-1)?.date ?? '';
  instructed.sort((a, b) => latestFirst(b).localeCompare(latestFirst(a)) || compareCodes(a.code, b.code));

  return {
    planName: now.plan.name,
    planLink: now.planLink,
    overdueByUnit,
    newlyOverdue: overdue
      .filter((i) => !wasOverdue.has(`${i.itemType}:${i.itemId}`))
      .map((i) => itemLine(ctx, i, null))
      .sort(mostOverdue),
    dueSoon,
    closedLastWeek,
    instructed,
    summary: LIST_TYPES.map((itemType): ListSummary => {
      const items = now.items.filter((i) => i.itemType === itemType);
      const count = (light: string) => items.filter((i) => i.light === light).length;
      return {
        itemType,
        total: items.length,
        red: count('red'),
        yellow: count('yellow'),
        green: count('green'),
        grey: count('grey'),
        closed: items.filter((i) => i.status === 'closed').length,
      };
    }).filter((s) => s.total > 0),
  };
}
