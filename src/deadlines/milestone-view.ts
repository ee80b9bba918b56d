import type { Light, MilestoneStatus, Status } from '../status/status.js';
import type { Milestone } from './milestone.entity.js';

export interface MilestoneView {
  id: number;
  /** The due date that stood on asOf. */
  dueDate: string | null;
  /** The due date before any approved extension (what assessments score against). */
  baselineDate: string | null;
  status: Status;
  overdue: boolean;
  light: Light;
  percent: number | null;
  closedOn: string | null;
  version: number;
  kind: Milestone['kind'];
  periodStart: string | null;
  recurrence: Milestone['recurrence'];
  quantity: string | null;
  phrase: string;
  certain: boolean;
  note: string | null;
  /** A recurring milestone: the occurrence its status speaks for (the latest one missed, else the current one). */
  occurrence: { key: string; label: string } | null;
  /** A recurring milestone: occurrences past due and still open on asOf. */
  missedOccurrences: number;
  /** A recurring milestone: each occurrence begun by asOf, oldest first; empty otherwise. */
  occurrences: OccurrenceView[];
}

/** One occurrence of a recurring milestone as of asOf, named by its original due date (key). */
export interface OccurrenceView {
  key: string;
  label: string;
  dueDate: string | null;
  status: Status;
  overdue: boolean;
  light: Light;
  percent: number | null;
  closedOn: string | null;
  /** Waived by the office, with this reason. */
  waivedReason: string | null;
}

/** A milestone as shown; without a status (work steps) it reads as of today from its own fields. */
export function toMilestoneView(m: Milestone, status?: MilestoneStatus): MilestoneView {
  return {
    id: m.id,
    dueDate: status ? status.dueDate : m.dueDate,
    baselineDate: status ? status.baselineDate : (m.baselineDate ?? m.dueDate),
    status: status?.status ?? 'not_started',
    overdue: status?.overdue ?? false,
    light: status?.light ?? 'grey',
    percent: status?.percent ?? null,
    closedOn: status?.closedOn ?? null,
    version: m.version,
    kind: m.kind,
    periodStart: m.periodStart,
    recurrence: m.recurrence,
    quantity: m.quantity,
    phrase: m.phrase,
    certain: m.certain,
    note: m.note,
    occurrence: status?.occurrence ?? null,
    missedOccurrences: status?.missedOccurrences ?? 0,
    occurrences: (status?.occurrences ?? []).map((o) => ({
      key: o.key,
      label: o.label,
      dueDate: o.dueDate,
      status: o.status,
      overdue: o.overdue,
      light: o.light,
      percent: o.percent,
      closedOn: o.closedOn,
      waivedReason: o.waivedReason ?? null,
    })),
  };
}
