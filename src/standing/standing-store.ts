import type { EntityManager } from 'typeorm';
import { raiseMark } from '../database/kept-marks.js';
import { type Execute, executeOn } from '../database/raw-sql.js';
import { allStandingParams, END_OF_TIME, itemStandingParams, standingSql, STORED_COLUMNS } from './standing-sql.js';

/**
 * What reports need of the progress reports, kept as facts change instead of walked from years of monthly reports
 * at every read: the report that stands from now on per milestone, occurrence and item (standing_reports), the last
 * day each unit reported on each item (unit_report_dates), and per plan the latest date those hold from
 * (standing_marks). Written in the transaction of every submission and review, so never stale; the equivalence
 * test (test/standing.e2e-spec.ts) holds them against a full recomputation.
 */

/** A report that changed: its item, and the dates it now carries. */
export interface ChangedReport {
  planId: number;
  itemType: string;
  itemId: number;
  submittedDate: string | null;
  reviewedDate: string | null;
}

const STANDING_INSERT = `INSERT INTO standing_reports (id, "planId", "itemType", "itemId", "milestoneId", occurrence, percent, state, "submittedDate")`;
const DATES_INSERT = `INSERT INTO unit_report_dates ("planId", "itemType", "itemId", "unitId", "lastDate")
  SELECT "planId", "itemType", "itemId", "unitId", MAX("submittedDate") FROM progress_reports`;
const DATES_GROUP = `AND "submittedDate" IS NOT NULL GROUP BY "planId", "itemType", "itemId", "unitId"`;

/**
 * Recomputes the item's standing and report dates after one of its reports changed. The plan's mark is written
 * first: on PostgreSQL its row lock makes two changes to one plan take turns, so the second reads the first's reports.
 */
export async function refreshStanding(manager: EntityManager, report: ChangedReport): Promise<void> {
  const execute = executeOn(manager);
  const dates = [report.submittedDate, report.reviewedDate].filter((d): d is string => d !== null).sort();
  if (dates.length) {
    await raiseMark(execute, 'standing_marks', report.planId, dates[dates.length - 1]);
  } else {
    await execute(`UPDATE standing_marks SET "throughDate" = "throughDate" WHERE "planId" = ?`, [report.planId]);
  }
  const item = [report.itemType, report.itemId];
  await execute(`DELETE FROM standing_reports WHERE "itemType" = ? AND "itemId" = ?`, item);
  await execute(`${STANDING_INSERT} ${standingSql('item', STORED_COLUMNS)}`, itemStandingParams(report.itemType, report.itemId, END_OF_TIME));
  await execute(`DELETE FROM unit_report_dates WHERE "itemType" = ? AND "itemId" = ?`, item);
  await execute(`${DATES_INSERT} WHERE "itemType" = ? AND "itemId" = ? ${DATES_GROUP}`, item);
}

/** Recomputes everything from the reports: the migration that brings the tables in, and data written around the app. */
export async function rebuildStanding(execute: Execute): Promise<void> {
  for (const table of ['standing_reports', 'unit_report_dates', 'standing_marks']) await execute(`DELETE FROM ${table}`, []);
  await execute(`${STANDING_INSERT} ${standingSql('all', STORED_COLUMNS)}`, allStandingParams(END_OF_TIME));
  await execute(`${DATES_INSERT} WHERE 1 = 1 ${DATES_GROUP}`, []);
  await execute(
    `INSERT INTO standing_marks ("planId", "throughDate")
     SELECT "planId", MAX(d) FROM (SELECT "planId", "submittedDate" AS d FROM progress_reports UNION ALL SELECT "planId", "reviewedDate" FROM progress_reports) f
     WHERE d IS NOT NULL GROUP BY "planId"`,
    [],
  );
}
