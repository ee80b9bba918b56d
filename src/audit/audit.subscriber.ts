import { Injectable, Optional } from '@nestjs/common';
import {
  DataSource,
  type BeforeQueryEvent,
  type EntityManager,
  type EntityMetadata,
  type EntitySubscriberInterface,
  type InsertEvent,
  type ObjectLiteral,
  type QueryRunner,
  type RemoveEvent,
  type UpdateEvent,
} from 'typeorm';
import { Clock } from '../common/clock.js';
import { type AuditDraft, recordAudit, setAuditClock } from './audit-recorder.js';
import { type AuditValues, auditValues, changedColumns, SECRET_COLUMNS, selectAffectedRows, statementTable } from './audit-values.js';

/** A statement touching more rows than this gets one entry listing their ids instead of one entry per row. */
export const BULK_ROWS = 50;

const TOKENS_TABLE = 'access_tokens';

/** An UPDATE or DELETE written with a query builder: the rows it touches, read just before it runs. */
interface Pending {
  metadata: EntityMetadata;
  rows?: ObjectLiteral[];
}

/**
 * The audit log: every insert, update and delete of every table is written to audit_entries in the same
 * transaction, with the acting user from the request context ("system" outside requests).
 *
 * - save()/remove() through the entity manager: one entry per row, with the whole row before and after.
 * - update()/delete() through a query builder (criteria, no entity): the rows are read with the statement's own
 *   WHERE just before it runs (beforeQuery), then one entry per row, or one entry with the ids past BULK_ROWS.
 * - Bulk inserts that opt out with callListeners(false) (spreadsheet imports, seeds) write their own summary.
 * Secrets (passwordHash, tokenHash, storageKey) are never stored; access tokens are logged when created or revoked.
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface<ObjectLiteral> {
  private readonly pending = new WeakMap<QueryRunner, Map<string, Pending>>();
  private readonly turns = new WeakMap<QueryRunner, Promise<void>>();

  /** In Nest the subscriber registers itself on the app's data source; `new AuditSubscriber()` (TypeORM's own `subscribers` option) is also fine. */
  constructor(@Optional() dataSource?: DataSource, @Optional() clock?: Clock) {
    if (dataSource) installAuditSubscriber(dataSource, clock, this);
  }

  afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    return this.inTurn(event.queryRunner, () => this.recordInsert(event));
  }

  afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    return this.inTurn(event.queryRunner, () => this.recordUpdate(event));
  }

  afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    return this.inTurn(event.queryRunner, () => this.recordRemove(event));
  }

  private async recordInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    if (!audited(event.metadata) || !event.entity) return;
    const row = entityRow(event.metadata, event.entity);
    const draft = this.draft(event.metadata, 'insert', row, null, auditValues(row));
    if (event.metadata.tableName === TOKENS_TABLE) draft.actor = await tokenOwner(event.manager, row.userId);
    await recordAudit(event.manager, draft);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    if (!event.databaseEntity && audited(event.metadata)) this.expect(event.queryRunner, event.metadata, 'update');
  }

  private async recordUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!audited(event.metadata)) return;
    if (event.databaseEntity) {
      const before = entityRow(event.metadata, event.databaseEntity);
      const after = { ...before, ...definedOnly(entityRow(event.metadata, event.entity ?? {})) };
      const secrets = (event.updatedColumns ?? []).map((c) => c.propertyName).filter((name) => SECRET_COLUMNS.has(name));
      await this.recordUpdates(event.manager, event.metadata, [[before, after]], secrets);
      return;
    }
    // A query builder update: the rows read before it ran, and the same rows now.
    const pending = this.take(event.queryRunner, event.metadata, 'update');
    const set = auditValues(event.entity ?? {});
    if (!pending?.rows) {
      await recordAudit(event.manager, { ...this.draft(event.metadata, 'update', {}, null, { set }), entityId: null });
      return;
    }
    const ids = pending.rows.map((r) => r.id as number);
    if (ids.length > BULK_ROWS) {
      await recordAudit(event.manager, this.bulkDraft(event.metadata, 'update', pending.rows, { count: ids.length, ids, set }));
      return;
    }
    if (!ids.length) return;
    const now = await readRows(event.manager, event.metadata, ids);
    const pairs = pending.rows.map((before): [ObjectLiteral, ObjectLiteral] => [before, now.find((r) => r.id === before.id) ?? before]);
    await this.recordUpdates(event.manager, event.metadata, pairs, []);
  }

  beforeRemove(event: RemoveEvent<ObjectLiteral>): void {
    if (!event.databaseEntity && !event.entity && audited(event.metadata)) this.expect(event.queryRunner, event.metadata, 'delete');
  }

  private async recordRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    if (!audited(event.metadata)) return;
    const removed = event.databaseEntity ?? event.entity;
    if (removed) {
      const row = entityRow(event.metadata, removed);
      const draft = this.draft(event.metadata, 'delete', row, auditValues(row), null);
      if (draft.entityId === null && typeof event.entityId === 'object') draft.entityId = numberOrNull((event.entityId as ObjectLiteral)?.id);
      await recordAudit(event.manager, draft);
      return;
    }
    const pending = this.take(event.queryRunner, event.metadata, 'delete');
    if (!pending?.rows) {
      await recordAudit(event.manager, { ...this.draft(event.metadata, 'delete', {}, null, null), entityId: null });
      return;
    }
    const rows = pending.rows;
    if (rows.length > BULK_ROWS) {
      const ids = rows.map((r) => r.id as number);
      await recordAudit(event.manager, { ...this.bulkDraft(event.metadata, 'delete', rows, null), before: { count: ids.length, ids } });
      return;
    }
    await recordAudit(
      event.manager,
      rows.map((row) => this.draft(event.metadata, 'delete', row, auditValues(row), null)),
    );
  }

  /** Reads the rows a pending query-builder UPDATE or DELETE is about to change, with its own WHERE. */
  beforeQuery(event: BeforeQueryEvent): Promise<void> | void {
    const slots = this.pending.get(event.queryRunner);
    if (!slots?.size) return;
    const table = statementTable(event.query);
    const kind = /^\s*DELETE/i.test(event.query) ? 'delete' : 'update';
    const pending = table === null ? undefined : slots.get(`${kind}:${table}`);
    if (!pending || pending.rows) return;
    const select = selectAffectedRows(event.query, Array.isArray(event.parameters) ? event.parameters : []);
    if (!select) return;
    pending.rows = [];
    return event.queryRunner.query(select.sql, select.parameters).then((raw: ObjectLiteral[]) => {
      pending.rows = raw.map((r) => hydrate(pending.metadata, r));
    });
  }

  /**
   * TypeORM broadcasts the after-events of one save side by side. Their writes take turns per query runner: on
   * PostgreSQL a runner is one connection, which runs one statement at a time.
   */
  private inTurn(runner: QueryRunner, work: () => Promise<void>): Promise<void> {
    const turn = (this.turns.get(runner) ?? Promise.resolve()).then(work);
    this.turns.set(
      runner,
      turn.catch(() => undefined),
    );
    return turn;
  }

  private async recordUpdates(manager: EntityManager, metadata: EntityMetadata, pairs: [ObjectLiteral, ObjectLiteral][], secrets: string[]): Promise<void> {
    const drafts: AuditDraft[] = [];
    for (const [beforeRow, afterRow] of pairs) {
      const before = auditValues(beforeRow);
      const after = auditValues(afterRow);
      const changed = changedColumns(before, after);
      if (metadata.tableName === TOKENS_TABLE && !(before.revokedAt == null && after.revokedAt != null)) continue;
      if (!changed.length && !secrets.length) continue;
      // A secret is never stored; that it changed (a new password) is.
      if (secrets.length) after.changedSecrets = secrets;
      drafts.push(this.draft(metadata, 'update', afterRow, before, after));
    }
    await recordAudit(manager, drafts);
  }

  private draft(metadata: EntityMetadata, action: string, row: ObjectLiteral, before: AuditValues | null, after: AuditValues | null): AuditDraft {
    return { action, entityType: metadata.tableName, entityId: numberOrNull(row.id), planId: planOf(metadata, row), before, after };
  }

  private bulkDraft(metadata: EntityMetadata, action: string, rows: ObjectLiteral[], after: AuditValues | null): AuditDraft {
    const plans = new Set(rows.map((r) => planOf(metadata, r)));
    return { action, entityType: metadata.tableName, entityId: null, planId: plans.size === 1 ? [...plans][0] : null, before: null, after };
  }

  private expect(runner: QueryRunner, metadata: EntityMetadata, kind: 'update' | 'delete'): void {
    let slots = this.pending.get(runner);
    if (!slots) this.pending.set(runner, (slots = new Map<string, Pending>()));
    slots.set(`${kind}:${metadata.tableName}`, { metadata });
  }

  private take(runner: QueryRunner, metadata: EntityMetadata, kind: 'update' | 'delete'): Pending | undefined {
    const slots = this.pending.get(runner);
    const key = `${kind}:${metadata.tableName}`;
    const pending = slots?.get(key);
    slots?.delete(key);
    return pending;
  }
}

/** Registers the audit subscriber on a data source once (a second call only sets the clock). */
export function installAuditSubscriber(dataSource: DataSource, clock?: Clock, subscriber?: AuditSubscriber): void {
  if (clock) setAuditClock(dataSource, clock);
  if (dataSource.subscribers.some((s) => s instanceof AuditSubscriber)) return;
  dataSource.subscribers.push(subscriber ?? new AuditSubscriber());
}

/**
 * The outbox, the sweep's bookmark and the work leases are logs of their own: what the service did, not what someone
 * changed. Evidence bytes are not copied into the log (evidence_files records each file).
 */
const UNAUDITED_TABLES = new Set([
  'audit_entries',
  'outbox_messages',
  'outbox_bodies',
  'outbox_entries',
  'reminder_sweeps',
  'job_leases',
  'evidence_blobs',
  'login_attempts',
]);

function audited(metadata: EntityMetadata): boolean {
  return !UNAUDITED_TABLES.has(metadata.tableName);
}

/** The column values of an entity (or a partial one), by property name. */
function entityRow(metadata: EntityMetadata, entity: ObjectLiteral): ObjectLiteral {
  const row: ObjectLiteral = {};
  for (const column of metadata.columns) row[column.propertyName] = column.getEntityValue(entity) as unknown;
  return row;
}

function definedOnly(row: ObjectLiteral): ObjectLiteral {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

/** A raw database row as entity values (dates, JSON and transformers applied). */
function hydrate(metadata: EntityMetadata, raw: ObjectLiteral): ObjectLiteral {
  const driver = metadata.dataSource.driver;
  const row: ObjectLiteral = {};
  for (const column of metadata.columns) {
    if (column.databaseName in raw) row[column.propertyName] = driver.prepareHydratedValue(raw[column.databaseName], column) as unknown;
  }
  return row;
}

async function readRows(manager: EntityManager, metadata: EntityMetadata, ids: number[]): Promise<ObjectLiteral[]> {
  const raw = await manager.createQueryBuilder().select('*').from(metadata.tableName, 't').where('t.id IN (:...ids)', { ids }).getRawMany<ObjectLiteral>();
  return raw.map((r) => hydrate(metadata, r));
}

/** The plan a row belongs to: its planId column, or its own id for a plan. */
function planOf(metadata: EntityMetadata, row: ObjectLiteral): number | null {
  if (metadata.tableName === 'plans') return numberOrNull(row.id);
  return metadata.findColumnWithPropertyName('planId') ? numberOrNull(row.planId) : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A session or API token is created by signing in, before any request has an actor: it is its owner's doing. */
async function tokenOwner(manager: EntityManager, userId: unknown): Promise<AuditDraft['actor']> {
  if (typeof userId !== 'number') return undefined;
  const user = await manager
    .createQueryBuilder()
    .select('u.username', 'username')
    .from('users', 'u')
    .where('u.id = :userId', { userId })
    .getRawOne<{ username: string }>();
  return user ? { id: userId, name: user.username } : undefined;
}
