/**
 * Shapes of the hand-worked oracle tables (test/oracle/<plan>.ts), read by test/oracle.e2e-spec.ts.
 * The tables are written BY HAND from the seed documents and the README's rules. Never fill or
 * "refresh" them from what the service answers: a table copied from the output can no longer tell a right
 * product from a wrong one.
 */
export type ListType = 'task' | 'project' | 'indicator';
export type UnitKey = 'jxw' | 'sthj' | 'jiangyin-sthj';

/** One thing that happens to the plan, replayed through the real API with the clock set to `date` (10:00 Beijing time). */
export type Step =
  /**
   * The unit reports on one milestone (picked by its original due date) and submits; the office accepts it on
   * `acceptOn`, or returns it (退回) on `returnOn`.
   */
  | {
      date: string;
      do: 'report';
      by: UnitKey;
      list: ListType;
      seq: number;
      due: string;
      state: 'in_progress' | 'done';
      percent?: number;
      quantityDone?: number;
      acceptOn?: string;
      returnOn?: string;
    }
  /** The office withdraws (撤销) an item. */
  | { date: string; do: 'withdraw'; list: ListType; seq: number }
  /** The lead unit asks to move a milestone to `to`; the office approves on `approveOn`. */
  | { date: string; do: 'extend'; by: UnitKey; list: ListType; seq: number; due: string; to: string; approveOn: string }
  /** The office suspends, resumes or reopens (撤销销号) a milestone. */
  | { date: string; do: 'suspend' | 'resume' | 'reopen'; list: ListType; seq: number; due: string }
  /** The office waives (免除) one occurrence of a recurring milestone, named by its due date. */
  | { date: string; do: 'waive'; list: ListType; seq: number; due: string; occurrence: string };

export interface Expected {
  status?: string;
  light?: 'red' | 'yellow' | 'green' | 'grey';
  overdue?: boolean;
  /** The due date standing on asOf (after an approved extension). */
  dueDate?: string;
  /** The original deadline, kept when an extension moves the due date. */
  baselineDate?: string;
  percent?: number;
  missedOccurrences?: number;
  occurrence?: string;
  /** Days overdue in the overdue report (GET …/reports/overdue?asOf=); null: the item (milestone) is not in it. */
  daysOverdue?: number | null;
}

/** One row: an item (or one of its milestones, by original due date) as of a date, and how the value was worked out. */
export interface OracleRow {
  list: ListType;
  seq: number;
  /** A milestone by its original (baseline) due date; absent: the item as a whole. */
  due?: string;
  asOf: string;
  expect: Expected;
  why: string;
}
