import { groupBy } from '../common/group-by.js';
import { ITEM_TYPE_NAMES } from '../common/item-type.js';
import { shortTitle } from '../common/short-title.js';
import { type DerivedStatus, deriveStatuses, itemKey, type PlanPeriod } from '../status/derive-statuses.js';
import type { MilestoneStatus } from '../status/status.js';
import type { ListType } from '../common/item-type.js';
import type { ReportFacts } from './report-facts.js';

/** The plan a report is about. */
export interface PlanHeader {
  id: number;
  name: string;
  region: string;
  periodStart: string;
  periodEnd: string;
}

export interface ViewMilestone {
  id: number;
  /** The deadline as written. */
  phrase: string;
  status: MilestoneStatus;
}

/** One item of a list with its holders and its status on asOf. */
export interface ViewItem {
  itemType: ListType;
  itemId: number;
  seq: number;
  /** "任务11" */
  code: string;
  title: string;
  /** Chapter of a task, category of a project, level-1 category of an indicator. */
  group: string;
  leadUnitIds: number[];
  supportUnitIds: number[];
  status: DerivedStatus;
  milestones: ViewMilestone[];
}

export interface PlanView {
  asOf: string;
  items: ViewItem[];
  unitNames: Map<number, string>;
}

export const NO_GROUP = '（未分章节）';

/** Items of the three lists in list order, with their status on asOf derived from the facts. */
export function planView(facts: ReportFacts, plan: PlanPeriod, dueSoonDays: number): PlanView {
  const rows = [
    ...facts.tasks.map((t) => ({ itemType: 'task' as const, itemId: t.id, seq: t.seq, title: t.content, group: t.chapter })),
    ...facts.projects.map((p) => ({ itemType: 'project' as const, itemId: p.id, seq: p.seq, title: p.name, group: p.category })),
    ...facts.indicators.map((i) => ({ itemType: 'indicator' as const, itemId: i.id, seq: i.seq, title: i.name, group: i.level1 })),
  ];
  const statuses = deriveStatuses(rows, facts, plan, { asOf: facts.asOf, dueSoonDays });
  const assignmentsOf = groupBy(facts.assignments, (a) => itemKey(a.itemType, a.itemId));
  const milestonesOf = groupBy(facts.milestones, (m) => itemKey(m.itemType, m.itemId));
  const items = rows.map((row): ViewItem => {
    const key = itemKey(row.itemType, row.itemId);
    // Stryker disable next-line ArrayDeclaration: a placeholder entry has no role, so both role filters below drop it; nothing observable differs
    const held = assignmentsOf.get(key) ?? [];
    const status = statuses.get(key)!;
    return {
      itemType: row.itemType,
      itemId: row.itemId,
      seq: row.seq,
      code: `${ITEM_TYPE_NAMES[row.itemType]}${row.seq}`,
      title: shortTitle(row.title, 80),
      group: row.group.trim() || NO_GROUP,
      leadUnitIds: held.filter((a) => a.role === 'lead').map((a) => a.unitId),
      supportUnitIds: held.filter((a) => a.role === 'support').map((a) => a.unitId),
      status,
      milestones: (milestonesOf.get(key) ?? []).map((m) => ({ id: m.id, phrase: m.phrase, status: status.milestones.get(m.id)! })),
    };
  });
  return { asOf: facts.asOf, items, unitNames: new Map(facts.units.map((u) => [u.id, u.name])) };
}

/** Unit names of ids, in order. */
export function namesOf(view: PlanView, ids: readonly number[]): string[] {
  return ids.map((id) => view.unitNames.get(id) ?? `#${id}`);
}

/** Share as a percentage with one decimal, or null when there is nothing to share out. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * The deadlines an item is scored against: each milestone, and each occurrence of a recurring one begun by asOf
 * (an occurrence the office waived is not scored).
 */
export function checkpoints(milestones: readonly ViewMilestone[]): MilestoneStatus[] {
  return milestones.flatMap((m) => (m.status.occurrences ? m.status.occurrences.filter((o) => o.waivedReason == null) : [m.status]));
}
