import { groupBy } from '../common/group-by.js';
import {
  type DerivedStatus,
  deriveStatuses,
  type EventInput,
  itemKey,
  type MilestoneInput,
  type PlanPeriod,
  type StandingInput,
  type StateInput,
} from '../status/derive-statuses.js';
import type { MilestoneStatus, StatusOptions } from '../status/status.js';

/** An item, as any reader gives it: its kind and id, and whatever else the reader keeps of it. */
export interface ItemRow {
  itemType: string;
  itemId: number;
}

/** A unit's role on an item (assignments, in their order). */
export interface HolderRow {
  itemType: string;
  itemId: number;
  unitId: number;
  role: 'lead' | 'support';
}

/** What an item's status and holders come from: plain rows (reports) or entities (the lists, reminders) alike. */
export interface ItemFacts<M extends MilestoneInput, H extends HolderRow> {
  /** In milestone order within each item. */
  milestones: readonly M[];
  /** In position order within each item and role. */
  assignments: readonly H[];
  events: readonly EventInput[];
  /** Kept states that hold on asOf, standing for the events of milestones that do not recur (derive-statuses.ts). */
  states?: readonly StateInput[] | null;
  standing: readonly StandingInput[];
}

/** One item as of a date: the row as read, its lead and supporting units, its milestones with their status, its status. */
export interface ReadItem<I extends ItemRow, M extends MilestoneInput, H extends HolderRow> {
  row: I;
  lead: H[];
  support: H[];
  milestones: { row: M; status: MilestoneStatus }[];
  status: DerivedStatus;
}

/**
 * The read model of a plan's items: turns fact rows into items with holders, milestones and status as of a date.
 * The one builder behind the list endpoints, the reminders and the reports; each then shapes its own view.
 */
export function readItems<I extends ItemRow, M extends MilestoneInput, H extends HolderRow>(
  rows: readonly I[],
  facts: ItemFacts<M, H>,
  plan: PlanPeriod,
  options: StatusOptions,
): ReadItem<I, M, H>[] {
  const statuses = deriveStatuses(rows, facts, plan, options);
  const holdersOf = groupBy(facts.assignments, (a) => itemKey(a.itemType, a.itemId));
  const milestonesOf = groupBy(facts.milestones, (m) => itemKey(m.itemType, m.itemId));
  return rows.map((row) => {
    const key = itemKey(row.itemType, row.itemId);
    const status = statuses.get(key)!;
    const held = holdersOf.get(key) ?? [];
    return {
      row,
      lead: held.filter((a) => a.role === 'lead'),
      support: held.filter((a) => a.role === 'support'),
      milestones: (milestonesOf.get(key) ?? []).map((m) => ({ row: m, status: status.milestones.get(m.id)! })),
      status,
    };
  });
}
