import {
  type EntityManager,
  EventSubscriber,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { executeOn } from './raw-sql.js';

/**
 * Which plans' reports a change touches, and their revision moved on when it commits, so a report worked out
 * before (reports/report-cache.ts, in any instance) is known to be out of date. recordAudit, through which every
 * change passes, tells this which tables and plans it changed.
 */

/** The tables reports read. A change anywhere else (sign-ins, the outbox, users …) leaves every report as it was. */
const REPORT_TABLES = new Set([
  'plans',
  'units',
  'tasks',
  'projects',
  'indicators',
  'plan_stages',
  'milestones',
  'assignments',
  'progress_reports',
  'status_events',
  'supervision_notices',
  'indicator_values',
  'assessment_rules',
]);

/** A change to a report table that names no plan (a bulk statement without rows) moves every plan on. */
const EVERY_PLAN = 0;

/** A change to one table: the plan it belongs to, when known. */
export interface TableChange {
  entityType: string;
  planId: number | null;
}

const pending = new WeakMap<QueryRunner, Set<number>>();

/**
 * Notes the plans these changes touch. In a transaction their revisions move on as it commits (last, so the lock on
 * a plan's revision row is held only for the commit itself); outside one, at once.
 */
export async function notePlanChanges(manager: EntityManager, changes: readonly TableChange[]): Promise<void> {
  const plans = new Set(changes.filter((c) => REPORT_TABLES.has(c.entityType)).map((c) => c.planId ?? EVERY_PLAN));
  if (!plans.size) return;
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) {
    const set = pending.get(runner) ?? new Set<number>();
    for (const plan of plans) set.add(plan);
    pending.set(runner, set);
    return;
  }
  await bump(manager, plans);
}

/**
 * Moves the revisions on, in plan order (two transactions bumping the same plans never wait on each other in a
 * circle). A plan deleted in the same transaction gets none (its row went with it).
 */
async function bump(manager: EntityManager, plans: Iterable<number>): Promise<void> {
  const upsert = (where: string) => `INSERT INTO plan_revisions ("planId", revision) SELECT id, 1 FROM plans WHERE ${where}
    ON CONFLICT ("planId") DO UPDATE SET revision = plan_revisions.revision + 1`;
  const ids = [...plans].sort((a, b) => a - b);
  const execute = executeOn(manager);
  if (ids.includes(EVERY_PLAN)) {
    await execute(upsert('1 = 1'), []);
    return;
  }
  for (const planId of ids) await execute(upsert('id = ?'), [planId]);
}

/** Bumps what a transaction noted just before it commits; forgets it when it rolls back. Listed in every data source's options. */
@EventSubscriber()
export class PlanRevisionSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    // An inner transaction (a savepoint) commits into the outer one, which bumps.
    if ((runner as unknown as { transactionDepth: number }).transactionDepth > 1) return;
    const plans = pending.get(runner);
    if (!plans) return;
    pending.delete(runner);
    await bump(event.manager, plans);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}
