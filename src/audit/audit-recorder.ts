import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { currentActor } from '../auth/request-context.js';
import { notePlanChanges } from '../database/plan-revisions.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditValues } from './audit-values.js';

/** What an entry says; who and when are added by recordAudit. */
export interface AuditDraft {
  action: string;
  entityType: string;
  entityId: number | null;
  planId: number | null;
  before: AuditValues | null;
  after: AuditValues | null;
  /** Who, when no request is being handled (a login records its new session as the user's own change). */
  actor?: { id: number | null; name: string };
}

export interface NowSource {
  now(): Date;
}

const clocks = new WeakMap<DataSource, NowSource>();

/** The service clock for entries of this data source (the Nest app registers its Clock; the CLI has none). */
export function setAuditClock(dataSource: DataSource, clock: NowSource): void {
  clocks.set(dataSource, clock);
}

/** Name recorded for changes made outside a request: seeds, migrations, the CLI. */
export const SYSTEM_ACTOR = 'system';

/**
 * Writes entries through this manager, so they belong to its transaction: a change rolled back leaves no entry.
 * The acting user comes from the request context; outside a request the actor is "system". Every change passes
 * here, so here the plans it touches are noted, for their report revisions (plan-revisions.ts).
 */
export async function recordAudit(manager: EntityManager, drafts: AuditDraft | AuditDraft[]): Promise<void> {
  const list = Array.isArray(drafts) ? drafts : [drafts];
  if (!list.length) return;
  const requestActor = currentActor();
  // Real time only where no Clock is registered (a data source opened by the CLI or a script).
  const at = clocks.get(manager.dataSource)?.now() ?? new Date();
  const rows: ObjectLiteral[] = list.map(({ actor, ...draft }) => ({
    ...draft,
    at,
    actorId: requestActor ? requestActor.userId : (actor?.id ?? null),
    actorName: requestActor ? requestActor.username : (actor?.name ?? SYSTEM_ACTOR),
  }));
  for (let i = 0; i < rows.length; i += 100) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntry)
      .values(rows.slice(i, i + 100))
      .callListeners(false)
      .updateEntity(false)
      .execute();
  }
  await notePlanChanges(manager, list);
}

/** One entry for rows of a plan's table written together (a list's import, seed units, demo contacts): how many, which. */
export function recordBatch(
  manager: EntityManager,
  action: 'import' | 'update',
  entity: EntityTarget<ObjectLiteral>,
  planId: number,
  after: AuditValues & { source: string; count: number; ids: number[] },
): Promise<void> {
  return recordAudit(manager, { action, entityType: manager.connection.getMetadata(entity).tableName, entityId: null, planId, before: null, after });
}
