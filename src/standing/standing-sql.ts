import { LIST_NAMING, LIST_TYPES } from '../common/item-type.js';

/**
 * The official progress that stands on a date, in plain SQL (SQLite and PostgreSQL alike): per milestone, per
 * occurrence of a recurring milestone, and per item for reports on the item as a whole, the latest lead-unit report
 * submitted by asOf and not sent back by then, with a share done. One index walk each (progress_reports (itemType,
 * itemId, milestoneId, submittedDate, id), in the statement's order, so it stops at the first report that stands), so
 * years of monthly reports cost no more than the last one. Rows are StandingInput (derive-statuses.ts).
 *
 * The same statement, over one item or every plan and with asOf at the end of time, is what standing-store.ts keeps
 * in standing_reports.
 */

/** What the statement covers: one plan (reports), one item (kept up to date on each change), or every plan (rebuild). */
export type StandingScope = 'plan' | 'item' | 'all';

/** Later than any date a fact can have: the standing "from now on", as standing_reports keeps it. */
export const END_OF_TIME = '9999-12-31';

/** Submitted by asOf (given twice), not sent back by then, with a share done. */
const STANDS = `x.role = 'lead' AND x.status IN ('submitted', 'accepted', 'returned') AND x."submittedDate" <= ?
  AND NOT (x.status = 'returned' AND x."reviewedDate" IS NOT NULL AND x."reviewedDate" <= ?) AND (x.state = 'done' OR x.percent IS NOT NULL)`;

/** Every item of a plan: each list's (its table is named as the list) and the work steps. */
const ITEM_TABLES = [...LIST_TYPES.map((itemType) => ({ itemType, table: LIST_NAMING[itemType].name })), { itemType: 'stage', table: 'plan_stages' }];

/** The milestones in scope (alias m). */
const MILESTONES_IN: Record<StandingScope, string> = {
  plan: `m."planId" = ?`,
  item: `m."itemType" = ? AND m."itemId" = ?`,
  all: '1 = 1',
};

/** The items in scope, as ("itemType", id). */
const ITEMS_IN: Record<StandingScope, string> = {
  plan: ITEM_TABLES.map(({ itemType, table }) => `SELECT '${itemType}' AS "itemType", id FROM ${table} WHERE "planId" = ?`).join('\n  UNION ALL '),
  item: `SELECT CAST(? AS VARCHAR(16)) AS "itemType", CAST(? AS INTEGER) AS id`,
  all: ITEM_TABLES.map(({ itemType, table }) => `SELECT '${itemType}' AS "itemType", id FROM ${table}`).join('\n  UNION ALL '),
};

/** As reports read them: dates as text. */
export const STANDING_COLUMNS = `r.id, r."itemType", r."itemId", r."milestoneId", r.percent, r.state, CAST(r."submittedDate" AS TEXT) AS "submittedDate",
  CAST(r.occurrence AS TEXT) AS occurrence`;

/** As standing_reports stores them: the columns' own types, and the plan. */
export const STORED_COLUMNS = `r.id, r."planId", r."itemType", r."itemId", r."milestoneId", r.occurrence, r.percent, r.state, r."submittedDate"`;

export function standingSql(scope: StandingScope, columns = STANDING_COLUMNS): string {
  return `SELECT ${columns}
  FROM milestones m JOIN progress_reports r ON r.id = (
    SELECT x.id FROM progress_reports x
    WHERE x."itemType" = m."itemType" AND x."itemId" = m."itemId" AND x."milestoneId" = m.id AND x.occurrence IS NULL AND ${STANDS}
    ORDER BY x."submittedDate" DESC, x.id DESC LIMIT 1)
  WHERE ${MILESTONES_IN[scope]}
  UNION ALL
  SELECT ${columns}
  FROM (SELECT DISTINCT y."itemType", y."itemId", y."milestoneId", y.occurrence FROM milestones m
        JOIN progress_reports y ON y."itemType" = m."itemType" AND y."itemId" = m."itemId" AND y."milestoneId" = m.id
        WHERE ${MILESTONES_IN[scope]} AND m.recurrence IS NOT NULL AND y.occurrence IS NOT NULL) o
  JOIN progress_reports r ON r.id = (
    SELECT x.id FROM progress_reports x
    WHERE x."itemType" = o."itemType" AND x."itemId" = o."itemId" AND x."milestoneId" = o."milestoneId" AND x.occurrence = o.occurrence AND ${STANDS}
    ORDER BY x."submittedDate" DESC, x.id DESC LIMIT 1)
  UNION ALL
  SELECT ${columns}
  FROM (${ITEMS_IN[scope]}) i JOIN progress_reports r ON r.id = (
    SELECT x.id FROM progress_reports x
    WHERE x."itemType" = i."itemType" AND x."itemId" = i.id AND x."milestoneId" IS NULL AND ${STANDS}
    ORDER BY x."submittedDate" DESC, x.id DESC LIMIT 1)`;
}

/** A plan's kept standing (standing_reports), in the columns and types STANDING_SQL gives. */
export const KEPT_STANDING_SQL = `SELECT id, "itemType", "itemId", "milestoneId", percent, state, CAST("submittedDate" AS TEXT) AS "submittedDate",
  CAST(occurrence AS TEXT) AS occurrence FROM standing_reports WHERE "planId" = ?`;

/** The date from which a plan's kept standing holds (no row: the plan has no reports). */
export const STANDING_MARK_SQL = `SELECT CAST("throughDate" AS TEXT) AS "throughDate" FROM standing_marks WHERE "planId" = ?`;

/** Reports on a plan as of a date (report-sql.ts, StatusService): recomputed from the reports themselves. */
export const STANDING_SQL = standingSql('plan');

export function standingParams(planId: number, asOf: string): (string | number)[] {
  return [asOf, asOf, planId, planId, asOf, asOf, ...ITEM_TABLES.map(() => planId), asOf, asOf];
}

/** The parameters of standingSql('item') for one item as of asOf. */
export function itemStandingParams(itemType: string, itemId: number, asOf: string): (string | number)[] {
  return [asOf, asOf, itemType, itemId, itemType, itemId, asOf, asOf, itemType, itemId, asOf, asOf];
}

/** The parameters of standingSql('all') as of asOf. */
export function allStandingParams(asOf: string): string[] {
  return [asOf, asOf, asOf, asOf, asOf, asOf];
}
