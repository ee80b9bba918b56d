import { LISTS } from './list-registry.js';

/**
 * The official progress that stands on a date, read in plain SQL (SQLite and PostgreSQL alike): per milestone, and
 * per occurrence of a recurring milestone, and per item for reports on the item as a whole, the latest lead-unit report submitted by asOf and not sent back by
 * then, with a share done. One index walk each (progress_reports (itemType, itemId, milestoneId, submittedDate, id), in the
 * statement's order, so it stops at the first report that stands), so years of monthly reports cost no more than the last one. Rows are StandingInput (derive-statuses.ts).
 */

/** Submitted by asOf (given twice), not sent back by then, with a share done. */
const STANDS = `x.role = 'lead' AND x.status IN ('submitted', 'accepted', 'returned') AND x."submittedDate" <= ?
  AND NOT (x.status = 'returned' AND x."reviewedDate" IS NOT NULL AND x."reviewedDate" <= ?) AND (x.state = 'done' OR x.percent IS NOT NULL)`;

/** Every item of a plan: each list's (its table is named as the list) and the work steps; the plan id given once each. */
const ITEM_TABLES = [...LISTS.map((list) => ({ itemType: list.itemType, table: list.name })), { itemType: 'stage', table: 'plan_stages' }];
const ITEMS = ITEM_TABLES.map(({ itemType, table }) => `SELECT '${itemType}' AS "itemType", id FROM ${table} WHERE "planId" = ?`).join('\n  UNION ALL ');

const COLUMNS = `r.id, r."itemType", r."itemId", r."milestoneId", r.percent, r.state, CAST(r."submittedDate" AS TEXT) AS "submittedDate",
  CAST(r.occurrence AS TEXT) AS occurrence`;

export const STANDING_SQL = `SELECT ${COLUMNS}
  FROM milestones m JOIN progress_reports r ON r.id = (
    SELECT x.id FROM progress_reports x
    WHERE x."itemType" = m."itemType" AND x."itemId" = m."itemId" AND x."milestoneId" = m.id AND x.occurrence IS NULL AND ${STANDS}
    ORDER BY x."submittedDate" DESC, x.id DESC LIMIT 1)
  WHERE m."planId" = ?
  UNION ALL
  SELECT ${COLUMNS}
  FROM (SELECT DISTINCT y."itemType", y."itemId", y."milestoneId", y.occurrence FROM milestones m
        JOIN progress_reports y ON y."itemType" = m."itemType" AND y."itemId" = m."itemId" AND y."milestoneId" = m.id
        WHERE m."planId" = ? AND m.recurrence IS NOT NULL AND y.occurrence IS NOT NULL) o
  JOIN progress_reports r ON r.id = (
    SELECT x.id FROM progress_reports x
    WHERE x."itemType" = o."itemType" AND x."itemId" = o."itemId" AND x."milestoneId" = o."milestoneId" AND x.occurrence = o.occurrence AND ${STANDS}
    ORDER BY x."submittedDate" DESC, x.id DESC LIMIT 1)
  UNION ALL
  SELECT ${COLUMNS}
  FROM (${ITEMS}) i JOIN progress_reports r ON r.id = (
    SELECT x.id FROM progress_reports x
    WHERE x."itemType" = i."itemType" AND x."itemId" = i.id AND x."milestoneId" IS NULL AND ${STANDS}
    ORDER BY x."submittedDate" DESC, x.id DESC LIMIT 1)`;

export function standingParams(planId: number, asOf: string): (string | number)[] {
  return [asOf, asOf, planId, planId, asOf, asOf, ...ITEM_TABLES.map(() => planId), asOf, asOf];
}
