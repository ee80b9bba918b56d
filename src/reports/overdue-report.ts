import { daysBetween } from '../calendar/calendar-dates.js';
import { phraseWithOccurrence } from '../deadlines/occurrences.js';
import { groupBy } from '../common/group-by.js';
import { itemKey } from '../status/derive-statuses.js';
import type { Status } from '../status/status.js';
import { namesOf, type PlanHeader, type PlanView } from './plan-view.js';
import { LIST_TYPES, type ListType } from '../common/item-type.js';
import type { ReportFacts } from './report-facts.js';

export interface OverdueFilter {
  /** Items this unit leads or supports. */
  unitId?: number;
  list?: ListType;
}

export interface OverdueRow {
  itemType: ListType;
  itemId: number;
  code: string;
  title: string;
  group: string;
  milestoneId: number;
  /** The deadline as written. */
  phrase: string;
  /** A recurring milestone: the occurrence overdue ("2024年度"), and how many of its occurrences are overdue. */
  occurrence: string | null;
  missedOccurrences: number;
  /** The due date that stood on asOf (after any approved extension). */
  dueDate: string;
  /** The original deadline, when an extension moved it. */
  baselineDate: string | null;
  daysOverdue: number;
  status: Status;
  leadUnits: string[];
  supportUnits: string[];
  /** The last day any unit submitted progress on the item, by asOf. */
  lastReportDate: string | null;
  notices: { count: number; open: number; lastIssuedDate: string | null };
}

export interface OverdueReport {
  plan: PlanHeader;
  asOf: string;
  filter: OverdueFilter;
  /** Overdue milestones, and the items they belong to. */
  milestones: number;
  items: number;
  byList: Record<ListType, number>;
  rows: OverdueRow[];
}

/** The deadline as written, and of a recurring milestone the overdue occurrence: "每年（2024年度）". */
export function overduePhrase(row: OverdueRow): string {
  return phraseWithOccurrence(row.phrase, { occurrence: row.occurrence ? { label: row.occurrence } : null, missedOccurrences: row.missedOccurrences, overdue: true });
}

/** Every overdue milestone on asOf, the longest overdue first. */
export function buildOverdueReport(plan: PlanHeader, view: PlanView, facts: ReportFacts, filter: OverdueFilter): OverdueReport {
  const lastReport = new Map<number, string>();
  for (const r of facts.reported) {
    if (r.lastDate === null) continue;
    const key = itemKey(r.itemType, r.itemId);
    const seen = lastReport.get(key);
    if (seen === undefined || r.lastDate > seen) lastReport.set(key, r.lastDate);
  }
  const noticesOf = groupBy(facts.notices, (n) => itemKey(n.itemType, n.itemId));
  const rows: OverdueRow[] = [];
  for (const item of view.items) {
    if (!item.status.overdue) continue;
    if (filter.list && item.itemType !== filter.list) continue;
    if (filter.unitId !== undefined && !item.leadUnitIds.includes(filter.unitId) && !item.supportUnitIds.includes(filter.unitId)) continue;
    const key = itemKey(item.itemType, item.itemId);
    const notices = noticesOf.get(key) ?? [];
    for (const m of item.milestones) {
      if (!m.status.overdue) continue;
      const dueDate = m.status.dueDate as string;
      rows.push({
        itemType: item.itemType,
        itemId: item.itemId,
        code: item.code,
        title: item.title,
        group: item.group,
        milestoneId: m.id,
        phrase: m.phrase,
        occurrence: m.status.occurrence?.label ?? null,
        missedOccurrences: m.status.missedOccurrences ?? 0,
        dueDate,
        baselineDate: m.status.baselineDate !== dueDate ? m.status.baselineDate : null,
        daysOverdue: daysBetween(dueDate, view.asOf),
        status: m.status.status,
        leadUnits: namesOf(view, item.leadUnitIds),
        supportUnits: namesOf(view, item.supportUnitIds),
        lastReportDate: lastReport.get(key) ?? null,
        notices: { count: notices.length, open: notices.filter((n) => n.status === 'open').length, lastIssuedDate: notices.at(-1)?.issuedDate ?? null },
      });
    }
  }
  rows.sort((a, b) => b.daysOverdue - a.daysOverdue || LIST_TYPES.indexOf(a.itemType) - LIST_TYPES.indexOf(b.itemType) || a.itemId - b.itemId || a.milestoneId - b.milestoneId);
  const byList = Object.fromEntries(LIST_TYPES.map((t) => [t, 0])) as Record<ListType, number>;
  for (const row of rows) byList[row.itemType]++;
  return {
    plan,
    asOf: view.asOf,
    filter,
    milestones: rows.length,
    items: new Set(rows.map((r) => itemKey(r.itemType, r.itemId))).size,
    byList,
    rows,
  };
}
