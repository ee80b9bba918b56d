import type { EntityManager } from 'typeorm';
import { raiseMark } from '../database/kept-marks.js';
import { type Execute, executeOn } from '../database/raw-sql.js';
import type { StatusEventKind } from './status-event.entity.js';
import { type EventFold, foldEvents } from './status.js';

/**
 * Where each milestone's events leave it (status_states), kept as events are recorded, and per plan the latest event
 * date those hold from (status_marks): a report on today reads one row per milestone instead of walking its events.
 * Written in the transaction of every event (recordEvents), so never stale; the equivalence test
 * (test/standing.e2e-spec.ts) holds them against a fold of the events.
 */

/** The events one state folds: of a milestone, or of the item as a whole (milestoneId null). */
export interface EventKey {
  itemType: string;
  itemId: number;
  milestoneId: number | null;
}

interface EventRow {
  id: number;
  kind: StatusEventKind;
  date: string;
  toDate: string | null;
  reason: string | null;
}

const EVENT_COLUMNS = `id, kind, CAST(date AS TEXT) AS date, CAST("toDate" AS TEXT) AS "toDate", reason`;
const STATE_COLUMNS = ['planId', 'itemType', 'itemId', 'milestoneKey', 'status', 'beforeSuspension', 'dueDate', 'closedOn', 'suspendedReason', 'waivedReason'];
/** Rows per INSERT when rebuilding (10 parameters each). */
const BATCH = 200;

/** One state row's values, in STATE_COLUMNS' order. */
type StateValues = (string | number | null)[];

function stateValues(planId: number, key: EventKey, events: readonly EventRow[]): StateValues {
  const fold: EventFold = foldEvents(events.map((e) => ({ kind: e.kind, date: e.date, seq: e.id, toDate: e.toDate, reason: e.reason })));
  return [
    planId,
    key.itemType,
    key.itemId,
    key.milestoneId ?? 0,
    fold.status,
    fold.beforeSuspension,
    fold.dueDate,
    fold.closedOn,
    fold.suspendedReason,
    fold.waivedReason,
  ];
}

async function insertStates(execute: Execute, rows: readonly StateValues[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const one = `(${STATE_COLUMNS.map(() => '?').join(', ')})`;
    await execute(`INSERT INTO status_states (${STATE_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${batch.map(() => one).join(', ')}`, batch.flat());
  }
}

/**
 * Folds again the events of each key after events were recorded for it on `date`. The plan's mark is written first:
 * on PostgreSQL its row lock makes two changes to one plan take turns, so the second reads the first's events.
 */
export async function refreshStates(manager: EntityManager, planId: number, date: string, keys: readonly EventKey[]): Promise<void> {
  const execute = executeOn(manager);
  await raiseMark(execute, 'status_marks', planId, date);
  const unique = new Map(keys.map((k) => [`${k.itemType}:${k.itemId}:${k.milestoneId ?? 0}`, k]));
  const rows: StateValues[] = [];
  for (const key of unique.values()) {
    const ofMilestone = key.milestoneId === null ? `"milestoneId" IS NULL` : `"milestoneId" = ?`;
    const events = (await execute(`SELECT ${EVENT_COLUMNS} FROM status_events WHERE "planId" = ? AND "itemType" = ? AND "itemId" = ? AND ${ofMilestone}`, [
      planId,
      key.itemType,
      key.itemId,
      ...(key.milestoneId === null ? [] : [key.milestoneId]),
    ])) as EventRow[];
    await execute(`DELETE FROM status_states WHERE "itemType" = ? AND "itemId" = ? AND "milestoneKey" = ?`, [key.itemType, key.itemId, key.milestoneId ?? 0]);
    rows.push(stateValues(planId, key, events));
  }
  await insertStates(execute, rows);
}

/** Folds every plan's events again: the migration that brings the tables in, and data written around the app. */
export async function rebuildStates(execute: Execute): Promise<void> {
  for (const table of ['status_states', 'status_marks']) await execute(`DELETE FROM ${table}`, []);
  const plans = (await execute(`SELECT DISTINCT "planId" FROM status_events ORDER BY "planId"`, [])) as { planId: number }[];
  for (const { planId } of plans) {
    const events = (await execute(
      `SELECT "itemType", "itemId", "milestoneId", ${EVENT_COLUMNS} FROM status_events WHERE "planId" = ? ORDER BY "itemType", "itemId", "milestoneId", id`,
      [planId],
    )) as (EventRow & EventKey)[];
    const rows: StateValues[] = [];
    let start = 0;
    for (let i = 1; i <= events.length; i++) {
      const [a, b] = [events[start], events[i]];
      if (i < events.length && b.itemType === a.itemType && b.itemId === a.itemId && b.milestoneId === a.milestoneId) continue;
      rows.push(stateValues(planId, a, events.slice(start, i)));
      start = i;
    }
    await insertStates(execute, rows);
  }
  await execute(`INSERT INTO status_marks ("planId", "throughDate") SELECT "planId", MAX(date) FROM status_events GROUP BY "planId"`, []);
}
