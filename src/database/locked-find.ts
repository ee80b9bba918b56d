import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { NotFoundError } from '../common/domain-error.js';

/**
 * Loads the row a transaction is about to change, so whatever is checked on it still holds when it is saved.
 * PostgreSQL: SELECT … FOR UPDATE, so a second writer waits until this transaction ends. SQLite: transactions
 * already take turns (serial-transactions.ts), and TypeORM refuses that lock mode there. A 404 names `what`.
 */
export async function findForUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  what: string,
  where: FindOptionsWhere<T>,
): Promise<T> {
  const lock = manager.connection.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;
  const row = await manager.findOne(entity, { where, lock });
  if (!row) {
    const id = 'id' in where ? (where as { id: unknown }).id : JSON.stringify(where);
    throw new NotFoundError(what, id);
  }
  return row;
}
