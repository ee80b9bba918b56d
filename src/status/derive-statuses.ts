import { ITEM_TYPES, type ItemType } from '../common/item-type.js';
import { groupBy } from '../common/group-by.js';
import { type Occurrence, occurrenceAt, occurrences, type Recurrence } from '../deadlines/occurrences.js';
import type { StatusEventKind } from './status-event.entity.js';
import {
  type EventFact,
  type EventFold,
  foldEvents,
  itemStatus,
  type ItemStatus,
  type MilestoneStatus,
  NO_EVENTS,
  type ProgressFact,
  recurringStatus,
  type StatusOptions,
  statusFromFold,
} from './status.js';

/** The rows status is derived from, as plain reads give them (reports) or entities carry them (StatusService). */
export interface MilestoneInput {
  id: number;
  itemType: string;
  itemId: number;
  dueDate: string | null;
  baselineDate: string | null;
  periodStart: string | null;
  /** Set for a recurring milestone: its due date is then its first occurrence. */
  recurrence: string | null;
}

export interface EventInput {
  id: number;
  itemType: string;
  itemId: number;
  milestoneId: number | null;
  kind: StatusEventKind;
  date: string;
  toDate: string | null;
  reason: string | null;
  /** The occurrence of a recurring milestone it is about; null otherwise (or not said: then its date decides). */
  occurrence: string | null;
}

/** Where a milestone's events leave it, as status_states keeps it (milestoneKey 0: the item as a whole). */
export interface StateInput extends EventFold {
  itemType: string;
  itemId: number;
  milestoneKey: number;
}

/** An official (lead) report that stood on asOf: submitted by then and not sent back by then. */
export interface StandingInput {
  id: number;
  itemType: string;
  itemId: number;
  milestoneId: number | null;
  percent: number | null;
  state: string;
  submittedDate: string;
  /** The occurrence of a recurring milestone it reports on; null otherwise (or not said: then its date decides). */
  occurrence: string | null;
}

export interface DerivedStatus extends ItemStatus {
  /** By milestone id; an item without milestones has none. */
  milestones: Map<number, MilestoneStatus>;
}

/**
 * An item's key in the maps rules build over a plan's rows: its id and its kind (its place in ITEM_TYPES) in one
 * number. A number, not "task:12": building and hashing thousands of strings per report was a fifth of its read
 * model's time.
 */
export function itemKey(itemType: string, itemId: number): number {
  // Searched, not looked up: a kind read from the database is a new string each time, which a lookup table hashes first.
  const kind = ITEM_TYPES.indexOf(itemType as ItemType);
  if (kind < 0) throw new Error(`Unknown item kind: ${itemType}`);
  return itemId * ITEM_TYPES.length + kind;
}

/** The plan's period: a recurring milestone's occurrences start with the first and run to the end. */
export interface PlanPeriod {
  periodStart: string;
  periodEnd: string;
}

/** What status is derived from: `states`, when given, stand for the events of every milestone that does not recur. */
export interface StatusRows {
  milestones: readonly MilestoneInput[];
  events: readonly EventInput[];
  /** Kept states (status_states) that hold on asOf; null or left out: the events are walked. */
  states?: readonly StateInput[] | null;
  standing: readonly StandingInput[];
}

/**
 * Status on asOf of each item (by itemKey) from its milestones, events (or their kept states) and standing reports.
 * A milestone's progress is the latest of the reports on it and on its item as a whole; an item without milestones
 * carries its events itself.
 */
export function deriveStatuses(
  items: readonly { itemType: string; itemId: number }[],
  rows: StatusRows,
  plan: PlanPeriod,
  options: StatusOptions,
): Map<number, DerivedStatus> {
  const planStart = plan.periodStart;
  const milestonesOf = groupBy(rows.milestones, (m) => itemKey(m.itemType, m.itemId));
  const eventsOf = groupBy(rows.events, (e) => itemKey(e.itemType, e.itemId));
  const standingOf = groupBy(rows.standing, (r) => itemKey(r.itemType, r.itemId));
  const statesOf = rows.states ? groupBy(rows.states, (s) => itemKey(s.itemType, s.itemId)) : null;
  /** The events of one milestone (or of the item as a whole) folded: kept, or folded now. */
  const foldOf = (key: number, milestoneId: number | null, events: readonly EventInput[]): EventFold => {
    if (statesOf) return statesOf.get(key)?.find((s) => s.milestoneKey === (milestoneId ?? 0)) ?? NO_EVENTS;
    return foldEvents(events.filter((e) => e.milestoneId === milestoneId && e.date <= options.asOf).map(toEventFact));
  };
  const result = new Map<number, DerivedStatus>();
  for (const { itemType, itemId } of items) {
    const key = itemKey(itemType, itemId);
    const own = milestonesOf.get(key) ?? [];
    const events = eventsOf.get(key) ?? [];
    const standing = standingOf.get(key) ?? [];
    const statuses = new Map<number, MilestoneStatus>();
    for (const m of own) {
      const reports = standing.filter((r) => r.milestoneId === m.id || r.milestoneId === null);
      if (m.recurrence && m.dueDate) {
        const schedule = occurrences(m.dueDate, m.recurrence as Recurrence, m.periodStart ?? planStart, plan.periodEnd);
        const mine = events.filter((e) => e.milestoneId === m.id);
        statuses.set(m.id, recurringStatus(occurrenceFacts(schedule, mine, reports), options));
        continue;
      }
      const facts = { baselineDate: m.baselineDate ?? m.dueDate, startDate: m.periodStart ?? planStart, progress: progressFacts(reports) };
      statuses.set(m.id, statusFromFold(foldOf(key, m.id, events), facts, options));
    }
    const whole = own.length
      ? [...statuses.values()]
      : [statusFromFold(foldOf(key, null, events), { baselineDate: null, startDate: planStart, progress: progressFacts(standing) }, options)];
    result.set(key, { ...itemStatus(whole), milestones: statuses });
  }
  return result;
}

/**
 * Events and reports of a recurring milestone shared out to its occurrences: by the occurrence they name, else
 * (reports on the item as a whole, or an occurrence the schedule no longer has) by the date they name or were made.
 */
function occurrenceFacts(schedule: Occurrence[], events: EventInput[], reports: StandingInput[]) {
  const keyOf = (occurrence: string | null, date: string) => {
    const named = occurrence ?? date;
    return schedule.some((o) => o.key === named) ? named : occurrenceAt(schedule, named).key;
  };
  const eventsOf = groupBy(events, (e) => keyOf(e.occurrence, e.date));
  const reportsOf = groupBy(reports, (r) => keyOf(r.occurrence, r.submittedDate));
  return schedule.map((o) => ({
    ...o,
    events: (eventsOf.get(o.key) ?? []).map(toEventFact),
    progress: progressFacts(reportsOf.get(o.key) ?? []),
  }));
}

function toEventFact(e: EventInput): EventFact {
  return { kind: e.kind, date: e.date, seq: e.id, toDate: e.toDate, reason: e.reason };
}

/** Reports in the order they were made, so that of two on the same day the later one stands. */
function progressFacts(reports: readonly StandingInput[]): ProgressFact[] {
  return [...reports]
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ percent: r.state === 'done' ? 100 : r.percent, date: r.submittedDate }))
    .filter((p): p is ProgressFact => p.percent !== null);
}
