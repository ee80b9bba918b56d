import type { ListType } from '../common/item-type.js';
import type { EventInput, StandingInput, StateInput } from '../status/derive-statuses.js';

/**
 * What reports read about one plan as of a date, in plain rows (read by report-sql.ts). Light on purpose: the
 * report builders and their specs import it.
 */



/** An item of any list, as every report lists it. */
export interface ItemFactRow {
  itemType: ListType;
  itemId: number;
  seq: number;
  /** The task's text, the project's or indicator's name (the list's title column). */
  title: string;
  /** Chapter of a task, category of a project, level-1 category of an indicator (the list's group column). */
  group: string;
}

export interface ProjectRow {
  id: number;
  seq: number;
  category: string;
  name: string;
  investment: number | null;
}

export interface IndicatorRow {
  id: number;
  seq: number;
  level1: string;
  name: string;
  mark: string | null;
  unit: string;
  direction: string;
  baselineYear: number | null;
  baselineText: string;
  baselineValue: number | null;
  /** JSON text of IndicatorTarget[]. */
  targets: string;
}

export interface MilestoneRow {
  id: number;
  itemType: ListType;
  itemId: number;
  seq: number;
  dueDate: string | null;
  baselineDate: string | null;
  periodStart: string | null;
  recurrence: string | null;
  phrase: string;
}

export interface EventRow extends EventInput {
  itemType: ListType;
}

/** Where a milestone's events leave it, as status_states keeps it (read only while the kept states hold on asOf). */
export type StateRow = StateInput;

/** The official (lead) report that stood on asOf, per item and milestone (null: on the item as a whole). */
export type StandingRow = StandingInput;

/** Per project: the investment made (万元) in the latest official report that states one, by asOf. */
export interface InvestmentRow {
  itemId: number;
  investmentDone: number;
}

export interface AssignmentRow {
  itemType: ListType;
  itemId: number;
  unitId: number;
  role: 'lead' | 'support';
}

export interface UnitRow {
  id: number;
  name: string;
  kind: string;
}

/** Per item and the units holding it: the last day the unit submitted a report on it by asOf; null: never. */
export interface ReportedRow {
  itemType: ListType;
  itemId: number;
  unitId: number;
  lastDate: string | null;
}

/** Months (YYYY-MM) of asOf's year in which a unit submitted progress on an item, up to asOf. */
export interface ReportMonthRow {
  itemType: ListType;
  itemId: number;
  unitId: number;
  month: string;
}

export interface NoticeRow {
  id: number;
  itemType: ListType;
  itemId: number;
  unitId: number;
  issuedDate: string;
  answerBy: string | null;
  status: string;
  answeredDate: string | null;
}

export interface IndicatorValueRow {
  indicatorId: number;
  period: string;
  value: number | null;
  text: string | null;
  judgement: 'met' | 'not_met' | null;
}

export interface ReportFacts {
  asOf: string;
  /** Every list's items in force on asOf, list by list in the registry's order, by 序号. */
  items: ItemFactRow[];
  projects: ProjectRow[];
  indicators: IndicatorRow[];
  milestones: MilestoneRow[];
  /** Every event by asOf; or, when `states` is read, only those of recurring milestones. */
  events: EventRow[];
  /** The kept states, read with the events when they hold on asOf; null: the events are walked. */
  states: StateRow[] | null;
  standing: StandingRow[];
  investments: InvestmentRow[];
  assignments: AssignmentRow[];
  units: UnitRow[];
  reported: ReportedRow[];
  reportMonths: ReportMonthRow[];
  notices: NoticeRow[];
  /** Every value recorded, by period. */
  indicatorValues: IndicatorValueRow[];
}

export type FactPart = keyof Omit<ReportFacts, 'asOf' | 'states'>;

const FACT_PARTS: FactPart[] = [
  'items',
  'projects',
  'indicators',
  'milestones',
  'events',
  'standing',
  'investments',
  'assignments',
  'units',
  'reported',
  'reportMonths',
  'notices',
  'indicatorValues',
];

/** Facts with nothing read yet. */
export function emptyFacts(asOf: string): ReportFacts {
  const facts = { asOf } as ReportFacts;
  for (const part of FACT_PARTS) (facts as unknown as Record<FactPart, unknown[]>)[part] = [];
  facts.states = null;
  return facts;
}
