import { daysBetween } from '../calendar/calendar-dates.js';
import type { StatusEventKind } from './status-event.entity.js';

/** Status as the README defines it ("状态与红黄绿灯"); overdue and the traffic light are derived, never stored. */
export type Status = 'not_started' | 'in_progress' | 'submitted' | 'closed' | 'suspended';
export type Light = 'red' | 'yellow' | 'green' | 'grey';
export const STATUSES: readonly Status[] = ['not_started', 'in_progress', 'submitted', 'closed', 'suspended'];
export const LIGHTS: readonly Light[] = ['red', 'yellow', 'green', 'grey'];

/** Progress that counts as "behind time" when it trails the time elapsed by more than this many points. */
export const BEHIND_TOLERANCE = 10;

export interface EventFact {
  kind: StatusEventKind;
  /** Calendar date it happened (plan time zone). */
  date: string;
  /** Order among events of the same day. */
  seq: number;
  toDate?: string | null;
  reason?: string | null;
}

export interface ProgressFact {
  /** Percent done, 0-100, of an official (lead) report that stood on `date`. */
  percent: number;
  date: string;
}

export interface MilestoneFacts {
  /** The due date as first set (or as the office corrected it), before any extension. */
  baselineDate: string | null;
  /** When the work on it began: the milestone's period start, else the plan's start. */
  startDate: string;
  events: EventFact[];
  progress: ProgressFact[];
}

export interface StatusOptions {
  asOf: string;
  /** Due within this many days: yellow. */
  dueSoonDays: number;
}

export interface MilestoneStatus {
  status: Status;
  overdue: boolean;
  light: Light;
  /** The due date that stood on asOf (an approved extension moves it from the day it was approved). */
  dueDate: string | null;
  baselineDate: string | null;
  percent: number | null;
  /** The day it was closed out, when closed on asOf. */
  closedOn: string | null;
  suspendedReason: string | null;
  /** The office waived it (an occurrence of a recurring duty that is no longer required), with the reason. */
  waivedReason?: string | null;
  /** A recurring milestone: the occurrence this status speaks for (the latest one missed, else the current one). */
  occurrence?: { key: string; label: string } | null;
  /** A recurring milestone: its occurrences past due and still open on asOf (this one included). */
  missedOccurrences?: number;
  /** A recurring milestone: every occurrence begun by asOf, oldest first, each with its own status. */
  occurrences?: OccurrenceStatus[];
}

/** One occurrence of a recurring milestone on asOf. */
export interface OccurrenceStatus extends MilestoneStatus {
  /** Its original due date, which names it. */
  key: string;
  label: string;
  /** The first day of its period. */
  start: string;
}

/** The facts of one occurrence of a recurring milestone (see deadlines/occurrences.ts). */
export interface OccurrenceFacts {
  key: string;
  label: string;
  start: string;
  events: EventFact[];
  progress: ProgressFact[];
}

/**
 * Where a milestone's events leave it, folded in order: everything its status takes from them. status_states keeps
 * this per milestone as events are recorded (status-state-store.ts), so reports on today need not walk the events.
 */
export interface EventFold {
  status: Status;
  /** The status a resumption goes back to. */
  beforeSuspension: Status;
  /** The due date the last extension set (null: none set one). */
  dueDate: string | null;
  closedOn: string | null;
  suspendedReason: string | null;
  /** Set when the office waived it ('' for no reason given); null otherwise. */
  waivedReason: string | null;
}

/** A milestone nothing has happened to yet. */
export const NO_EVENTS: Readonly<EventFold> = {
  status: 'not_started',
  beforeSuspension: 'not_started',
  dueDate: null,
  closedOn: null,
  suspendedReason: null,
  waivedReason: null,
};

/** Folds events in the order they happened (by date, then as recorded); the caller leaves out those after asOf. */
export function foldEvents(events: readonly EventFact[]): EventFold {
  const fold: EventFold = { ...NO_EVENTS };
  const ordered = [...events].sort((a, b) => (a.date === b.date ? a.seq - b.seq : a.date < b.date ? -1 : 1));
  for (const event of ordered) {
    switch (event.kind) {
      case 'started':
        if (fold.status === 'not_started') fold.status = 'in_progress';
        break;
      case 'submitted':
        if (fold.status !== 'closed' && fold.status !== 'suspended') fold.status = 'submitted';
        break;
      case 'returned':
      case 'reopened':
        fold.status = 'in_progress';
        fold.closedOn = null;
        fold.waivedReason = null;
        break;
      case 'closed':
        fold.status = 'closed';
        fold.closedOn = event.date;
        break;
      case 'waived':
        fold.status = 'closed';
        fold.closedOn = event.date;
        fold.waivedReason = event.reason ?? '';
        break;
      case 'suspended':
        if (fold.status !== 'suspended') fold.beforeSuspension = fold.status;
        fold.status = 'suspended';
        fold.suspendedReason = event.reason ?? null;
        break;
      case 'resumed':
        if (fold.status === 'suspended') fold.status = fold.beforeSuspension;
        fold.suspendedReason = null;
        break;
      case 'due_changed':
        fold.dueDate = event.toDate ?? fold.dueDate;
        break;
    }
  }
  return fold;
}

/** What was true of one milestone on asOf: only events and reports dated on or before it count. */
export function milestoneStatus(facts: MilestoneFacts, options: StatusOptions): MilestoneStatus {
  return statusFromFold(foldEvents(facts.events.filter((e) => e.date <= options.asOf)), facts, options);
}

/** A milestone's status on asOf from its events folded up to then (foldEvents, or as status_states keeps them). */
export function statusFromFold(fold: EventFold, facts: Omit<MilestoneFacts, 'events'>, options: StatusOptions): MilestoneStatus {
  const { asOf } = options;
  const { status, closedOn, suspendedReason, waivedReason } = fold;
  const due = fold.dueDate ?? facts.baselineDate;
  const standing = facts.progress.filter((p) => p.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const percent = status === 'closed' ? 100 : (standing.at(-1)?.percent ?? null);
  const overdue = status !== 'closed' && status !== 'suspended' && due !== null && due < asOf;
  return {
    status,
    overdue,
    light: lightOf(status, overdue, due, percent, facts.startDate, options),
    dueDate: due,
    baselineDate: facts.baselineDate,
    percent,
    closedOn,
    suspendedReason,
    ...(waivedReason !== null ? { waivedReason } : {}),
  };
}

/**
 * A recurring milestone on asOf. Each occurrence begun by then has its own status; the milestone speaks for the
 * latest occurrence that is overdue (a missed one stays overdue until it is closed out or waived), else for the
 * open one due soonest (an extension may have moved an earlier one past the current one's start), else for the
 * current one (the first due on or after asOf, or the last when all are past). Overdue days and the light so
 * count from the occurrence that is due now, never from the first one.
 */
export function recurringStatus(schedule: readonly OccurrenceFacts[], options: StatusOptions): MilestoneStatus {
  const begun = schedule.filter((o, i) => i === 0 || o.start <= options.asOf);
  const statuses: OccurrenceStatus[] = begun.map((o) => ({
    ...milestoneStatus({ baselineDate: o.key, startDate: o.start, events: o.events, progress: o.progress }, options),
    key: o.key,
    label: o.label,
    start: o.start,
  }));
  const missed = statuses.filter((s) => s.overdue);
  const pending = statuses
    .filter((s) => s.dueDate !== null && s.dueDate >= options.asOf && s.status !== 'closed' && s.status !== 'suspended')
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0));
  const current = statuses.find((s) => s.key >= options.asOf) ?? statuses[statuses.length - 1];
  const { key, label, start: _start, ...due } = missed.at(-1) ?? pending[0] ?? current;
  return { ...due, occurrence: { key, label }, missedOccurrences: missed.length, occurrences: statuses };
}

function lightOf(status: Status, overdue: boolean, due: string | null, percent: number | null, start: string, options: StatusOptions): Light {
  if (status === 'closed' || status === 'suspended' || due === null) return 'grey';
  if (overdue) return 'red';
  if (status === 'submitted') return 'green';
  if (daysBetween(options.asOf, due) <= options.dueSoonDays) return 'yellow';
  const span = daysBetween(start, due);
  const elapsed = span > 0 ? Math.min(1, Math.max(0, daysBetween(start, options.asOf) / span)) : 0;
  return (percent ?? 0) + BEHIND_TOLERANCE < elapsed * 100 ? 'yellow' : 'green';
}

const LIGHT_RANK: Record<Light, number> = { red: 3, yellow: 2, green: 1, grey: 0 };

export interface ItemStatus {
  status: Status;
  overdue: boolean;
  light: Light;
}

/**
 * An item from its milestones: closed when all are closed; suspended when nothing open is left but a
 * suspended one; submitted when every open one is submitted; in progress once any work is reported.
 * Overdue when any milestone is; the light is the worst of its milestones'.
 */
export function itemStatus(milestones: MilestoneStatus[]): ItemStatus {
  if (milestones.length === 0) return { status: 'not_started', overdue: false, light: 'grey' };
  const open = milestones.filter((m) => m.status !== 'closed' && m.status !== 'suspended');
  let status: Status;
  if (open.length === 0) status = milestones.some((m) => m.status === 'suspended') ? 'suspended' : 'closed';
  else if (open.every((m) => m.status === 'submitted')) status = 'submitted';
  else if (milestones.some((m) => m.status !== 'not_started')) status = 'in_progress';
  else status = 'not_started';
  const light = milestones.reduce<Light>((worst, m) => (LIGHT_RANK[m.light] > LIGHT_RANK[worst] ? m.light : worst), 'grey');
  return { status, overdue: milestones.some((m) => m.overdue), light };
}

/** Names shown to users. */
export const STATUS_NAMES: Record<Status, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  submitted: '已报完成',
  closed: '已销号',
  suspended: '已暂停',
};
