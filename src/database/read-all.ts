import type { EntityManager } from 'typeorm';

/**
 * Runs reads side by side on the pool, or one after the other inside a transaction (the manager has a query runner):
 * a transaction is one connection, and a PostgreSQL connection runs one statement at a time.
 */
export async function readAll<T extends unknown[]>(manager: EntityManager, reads: [...{ [K in keyof T]: () => Promise<T[K]> }]): Promise<T> {
  if (!manager.queryRunner) return (await Promise.all(reads.map((read) => read()))) as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}
