import { ITEM_TYPE_NAMES } from '../common/item-type.js';
import { shortTitle } from '../common/short-title.js';
import { readItems } from '../lists/item-read-model.js';
import type { DerivedStatus, PlanPeriod } from '../status/derive-statuses.js';
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

/** Items of every list in list order, with their holders and status on asOf: the read model over the report's facts. */
export function planView(facts: ReportFacts, plan: PlanPeriod, dueSoonDays: number): PlanView {
  const items = readItems(facts.items, facts, plan, { asOf: facts.asOf, dueSoonDays }).map(
    ({ row, lead, support, milestones, status }): ViewItem => ({
      itemType: row.itemType,
      itemId: row.itemId,
      seq: row.seq,
      code: `${ITEM_TYPE_NAMES[row.itemType]}${row.seq}`,
      title: shortTitle(row.title, 80),
      group: row.group.trim() || NO_GROUP,
      leadUnitIds: lead.map((a) => a.unitId),
      supportUnitIds: support.map((a) => a.unitId),
      status,
      milestones: milestones.map((m) => ({ id: m.row.id, phrase: m.row.phrase, status: m.status })),
    }),
  );
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
