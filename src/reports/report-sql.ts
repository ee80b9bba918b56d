import { LIST_TYPES } from '../common/item-type.js';
import { LISTS } from '../lists/list-registry.js';
import { KEPT_STANDING_SQL, STANDING_SQL, standingParams } from '../standing/standing-sql.js';
import { type AssignmentRow, emptyFacts, type FactPart, type ReportedRow, type ReportFacts, type StateRow } from './report-facts.js';

/**
 * How reports read a plan as of a date: plain SQL, written once (quoted camelCase columns, `?` placeholders, dates
 * cast to text), that runs on SQLite and PostgreSQL alike; the benchmark's plain-HTTP floor runs the very same
 * statements. Nothing here hydrates entities: reports are hot read paths.
 */

/** Runs one statement with positional parameters. */
export type RunSql = <T>(sql: string, params: readonly (string | number | null)[]) => T[] | Promise<T[]>;

const TYPES = `(${LIST_TYPES.map((t) => `'${t}'`).join(', ')})`;
const DOUBLE = 'DOUBLE PRECISION';
/** Items withdrawn (撤销) on or before asOf are left out of every report. */
const IN_FORCE = `AND ("withdrawnOn" IS NULL OR "withdrawnOn" > ?)`;

/** Every statement takes (planId, asOf…) in the order its placeholders appear. */
export const REPORT_SQL: Record<FactPart, { sql: string; params: (planId: number, asOf: string) => (string | number)[] }> = {
  items: {
    // Each list's items: its title and group columns under one name, list by list in the registry's order.
    sql: `SELECT "itemType", "itemId", seq, title, "group" FROM (
            ${LISTS.map(
              (list, rank) =>
                `SELECT ${rank} AS "rank", '${list.itemType}' AS "itemType", id AS "itemId", seq, ${list.titleColumn} AS title, ${list.groupColumn} AS "group"
                 FROM ${list.name} WHERE "planId" = ? ${IN_FORCE}`,
            ).join(' UNION ALL ')}) items ORDER BY "rank", seq`,
    params: (planId, asOf) => LISTS.flatMap(() => [planId, asOf]),
  },
  projects: {
    sql: `SELECT id, seq, category, name, CAST(investment AS ${DOUBLE}) AS investment FROM projects WHERE "planId" = ? ${IN_FORCE} ORDER BY seq`,
    params: (planId, asOf) => [planId, asOf],
  },
  indicators: {
    sql: `SELECT id, seq, level1, name, mark, unit, direction, "baselineYear", "baselineText", CAST("baselineValue" AS ${DOUBLE}) AS "baselineValue", targets
          FROM indicators WHERE "planId" = ? ${IN_FORCE} ORDER BY seq`,
    params: (planId, asOf) => [planId, asOf],
  },
  milestones: {
    sql: `SELECT id, "itemType", "itemId", seq, CAST("dueDate" AS TEXT) AS "dueDate", CAST("baselineDate" AS TEXT) AS "baselineDate",
                 CAST("periodStart" AS TEXT) AS "periodStart", recurrence, phrase
          FROM milestones WHERE "planId" = ? AND "itemType" IN ${TYPES} ORDER BY "itemType", "itemId", seq`,
    params: (planId) => [planId],
  },
  events: {
    sql: `SELECT id, "itemType", "itemId", "milestoneId", kind, CAST(date AS TEXT) AS date, CAST("toDate" AS TEXT) AS "toDate", reason,
                 CAST(occurrence AS TEXT) AS occurrence
          FROM status_events WHERE "planId" = ? AND "itemType" IN ${TYPES} AND date <= ?`,
    params: (planId, asOf) => [planId, asOf],
  },
  standing: { sql: STANDING_SQL, params: standingParams },
  investments: {
    // Official reports come from the lead units: one index walk per project and lead unit. (CROSS JOIN keeps
    // SQLite's planner from reading every plan's project assignments first.)
    sql: `SELECT a."itemId", CAST(r."investmentDone" AS ${DOUBLE}) AS "investmentDone", CAST(r."submittedDate" AS TEXT) AS "submittedDate", r.id
          FROM projects p CROSS JOIN assignments a
          JOIN progress_reports r ON r.id = (
            SELECT x.id FROM progress_reports x
            WHERE x."itemType" = 'project' AND x."itemId" = a."itemId" AND x."unitId" = a."unitId" AND x."investmentDone" IS NOT NULL
              AND x.role = 'lead' AND x.status IN ('submitted', 'accepted', 'returned') AND x."submittedDate" <= ?
              AND NOT (x.status = 'returned' AND x."reviewedDate" IS NOT NULL AND x."reviewedDate" <= ?)
            ORDER BY x."submittedDate" DESC, x.id DESC LIMIT 1)
          WHERE p."planId" = ? AND a."itemType" = 'project' AND a."itemId" = p.id AND a.role = 'lead'
          ORDER BY a."itemId", r."submittedDate", r.id`,
    params: (planId, asOf) => [asOf, asOf, planId],
  },
  assignments: {
    sql: `SELECT "itemType", "itemId", "unitId", role FROM assignments WHERE "planId" = ? AND "itemType" IN ${TYPES} ORDER BY position, id`,
    params: (planId) => [planId],
  },
  units: {
    sql: `SELECT id, name, kind FROM units WHERE "planId" = ? ORDER BY id`,
    params: (planId) => [planId],
  },
  reported: {
    // Per item and holding unit, the latest submission date straight from the index (a report has a submission
    // date once it was submitted, and keeps it through review).
    sql: `SELECT a."itemType", a."itemId", a."unitId", (
            SELECT CAST(MAX(y."submittedDate") AS TEXT) FROM progress_reports y
            WHERE y."itemType" = a."itemType" AND y."itemId" = a."itemId" AND y."unitId" = a."unitId" AND y."submittedDate" <= ?) AS "lastDate"
          FROM assignments a WHERE a."planId" = ? AND a."itemType" IN ${TYPES}`,
    params: (planId, asOf) => [asOf, planId],
  },
  reportMonths: {
    sql: `SELECT DISTINCT "itemType", "itemId", "unitId", SUBSTR(CAST("submittedDate" AS TEXT), 1, 7) AS month FROM progress_reports
          WHERE "planId" = ? AND "itemType" IN ${TYPES} AND "submittedDate" >= ? AND "submittedDate" <= ? AND status IN ('submitted', 'accepted', 'returned')`,
    params: (planId, asOf) => [planId, `${asOf.slice(0, 4)}-01-01`, asOf],
  },
  notices: {
    sql: `SELECT id, "itemType", "itemId", "unitId", CAST("issuedDate" AS TEXT) AS "issuedDate", CAST("answerBy" AS TEXT) AS "answerBy",
                 CASE WHEN "answeredDate" <= ? THEN status ELSE 'open' END AS status,
                 CASE WHEN "answeredDate" <= ? THEN CAST("answeredDate" AS TEXT) ELSE NULL END AS "answeredDate"
          FROM supervision_notices WHERE "planId" = ? AND "itemType" IN ${TYPES} AND "issuedDate" <= ? ORDER BY "issuedDate", id`,
    params: (planId, asOf) => [asOf, asOf, planId, asOf],
  },
  indicatorValues: {
    // Every recorded value; which stand on asOf goes by their periods (progress-report.ts).
    sql: `SELECT v."indicatorId", v.period, CAST(v.value AS ${DOUBLE}) AS value, v.text, v.judgement
          FROM indicators i JOIN indicator_values v ON v."indicatorId" = i.id
          WHERE i."planId" = ? ORDER BY v."indicatorId", v.period`,
    params: (planId) => [planId],
  },
};

/** What status_states keeps (status/status-state-store.ts), read by plan when it holds on asOf. */
const STATES_SQL = `SELECT "itemType", "itemId", "milestoneKey", status, "beforeSuspension", CAST("dueDate" AS TEXT) AS "dueDate",
  CAST("closedOn" AS TEXT) AS "closedOn", "suspendedReason", "waivedReason" FROM status_states WHERE "planId" = ? AND "itemType" IN ${TYPES}`;

/**
 * What the kept standing (standing/standing-store.ts) answers for two parts, read by plan instead of walking the
 * reports, when it holds on asOf.
 */
export const KEPT_SQL: Partial<typeof REPORT_SQL> = {
  standing: { sql: KEPT_STANDING_SQL, params: (planId) => [planId] },
  // Every holder with its role, in the holders' order, and the last day it reported (null: never): the holders as the
  // `assignments` part reads them, so a report asking for both reads them once (loadFacts).
  reported: {
    sql: `SELECT a."itemType", a."itemId", a."unitId", a.role, CAST(d."lastDate" AS TEXT) AS "lastDate"
          FROM assignments a LEFT JOIN unit_report_dates d
            ON d."planId" = a."planId" AND d."itemType" = a."itemType" AND d."itemId" = a."itemId" AND d."unitId" = a."unitId"
          WHERE a."planId" = ? AND a."itemType" IN ${TYPES} ORDER BY a.position, a.id`,
    params: (planId) => [planId],
  },
};

/**
 * The plan a report is about, with its time zone, the dates from which its kept standing and states hold (null: it
 * has no reports, no events) and its revision (database/plan-revisions.ts); `WHERE id = ?` picks one.
 */
export const PLAN_SQL = `SELECT id, name, region, CAST("periodStart" AS TEXT) AS "periodStart", CAST("periodEnd" AS TEXT) AS "periodEnd", "timeZone",
  CAST(s."throughDate" AS TEXT) AS "standingThrough", CAST(t."throughDate" AS TEXT) AS "statesThrough", COALESCE(v.revision, 0) AS revision
  FROM plans LEFT JOIN standing_marks s ON s."planId" = plans.id LEFT JOIN status_marks t ON t."planId" = plans.id
  LEFT JOIN plan_revisions v ON v."planId" = plans.id`;

const STATUS_PARTS: FactPart[] = ['items', 'milestones', 'events', 'standing', 'assignments', 'units'];

/** The facts each report reads. */
export const REPORT_PARTS = {
  // Whether and how long a milestone is overdue comes from its events alone; progress percentages are not read.
  overdue: ['items', 'milestones', 'events', 'assignments', 'units', 'reported', 'notices'],
  // Projects' investment and indicators' targets and values for the progress report's own tables.
  progress: [...STATUS_PARTS, 'projects', 'indicators', 'investments', 'indicatorValues'],
  units: [...STATUS_PARTS, 'reported'],
  assessment: [...STATUS_PARTS, 'reported', 'reportMonths', 'notices'],
} satisfies Record<string, FactPart[]>;

/**
 * Only the events of recurring milestones (their occurrences are told apart by the schedule, which states do not keep):
 * the plan's few recurring milestones through their partial index, then their events (CROSS JOIN keeps SQLite's
 * planner from walking every event of the plan instead).
 */
const RECURRING_EVENTS_SQL = `SELECT e.id, e."itemType", e."itemId", e."milestoneId", e.kind, CAST(e.date AS TEXT) AS date, CAST(e."toDate" AS TEXT) AS "toDate",
  e.reason, CAST(e.occurrence AS TEXT) AS occurrence
  FROM milestones m CROSS JOIN status_events e
  WHERE m."planId" = ? AND m.recurrence IS NOT NULL AND m."itemType" IN ${TYPES}
    AND e."planId" = m."planId" AND e."itemType" = m."itemType" AND e."itemId" = m."itemId" AND e."milestoneId" = m.id AND e.date <= ?`;

/** Which kept facts hold on asOf (each only on or after its plan's mark). */
export interface KeptFacts {
  /** standing_reports and unit_report_dates (standing/standing-store.ts). */
  standing: boolean;
  /** status_states (status/status-state-store.ts). */
  states: boolean;
}

const WALK: KeptFacts = { standing: false, states: false };

/**
 * Reads the parts of the facts a report needs (the others stay empty). What `kept` says holds on asOf is read from
 * what is kept (the standing and report dates; the events' states, with the events of recurring milestones);
 * everything else is worked out from the reports and events.
 */
export async function loadFacts(run: RunSql, planId: number, asOf: string, parts: readonly FactPart[], kept: KeptFacts = WALK): Promise<ReportFacts> {
  const facts = emptyFacts(asOf);
  // The kept report dates come with their holders: one read gives both parts.
  const holdersWithDates = kept.standing && parts.includes('assignments') && parts.includes('reported');
  const reads = holdersWithDates ? parts.filter((part) => part !== 'assignments') : parts;
  const statementOf = (part: FactPart) => {
    if (part === 'events' && kept.states) return { sql: RECURRING_EVENTS_SQL, params: (id: number) => [id, asOf] };
    return (kept.standing ? KEPT_SQL[part] : undefined) ?? REPORT_SQL[part];
  };
  const readStates = kept.states && parts.includes('events');
  const [states, ...loaded] = await Promise.all([
    readStates ? Promise.resolve(run<StateRow>(STATES_SQL, [planId])) : null,
    ...reads.map((part) => Promise.resolve(run(statementOf(part).sql, statementOf(part).params(planId, asOf)))),
  ]);
  reads.forEach((part, i) => {
    (facts as unknown as Record<FactPart, unknown[]>)[part] = loaded[i];
  });
  if (holdersWithDates) facts.assignments = facts.reported as (AssignmentRow & ReportedRow)[];
  facts.states = states;
  return facts;
}
