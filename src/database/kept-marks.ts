import type { Execute } from './raw-sql.js';

/**
 * A plan's mark over something kept as facts change (standing_marks over the standing, status_marks over the states):
 * the latest date of the facts it was worked out from. What is kept holds on that date and after; a question about an
 * earlier date works it out from the facts themselves. A plan without a mark has no such facts yet.
 */

/** Whether what is kept holds on asOf: on or after the plan's mark, or the plan has none. */
export function markHolds(throughDate: string | null, asOf: string): boolean {
  return throughDate === null || asOf >= throughDate;
}

/**
 * Moves the plan's mark in `table` up to `date` (never back). Written before what it marks: on PostgreSQL the row
 * lock makes two changes to one plan take turns, so the second reads the first's facts.
 */
export async function raiseMark(execute: Execute, table: 'standing_marks' | 'status_marks', planId: number, date: string): Promise<void> {
  await execute(
    `INSERT INTO ${table} ("planId", "throughDate") VALUES (?, ?) ON CONFLICT ("planId") DO UPDATE SET "throughDate" =
       CASE WHEN excluded."throughDate" > ${table}."throughDate" THEN excluded."throughDate" ELSE ${table}."throughDate" END`,
    [planId, date],
  );
}
