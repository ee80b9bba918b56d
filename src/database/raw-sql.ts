import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * Plain SQL written once for both engines: `?` placeholders, which SQLite takes as they are and PostgreSQL as
 * $1, $2 … (RawReader for reads, executeOn for writes inside a transaction or a migration).
 */
export function positional(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Runs one statement with `?` placeholders. */
export type Execute = (sql: string, params: readonly (string | number | null)[]) => Promise<unknown>;

/** Statements through a transaction's manager (or a migration's query runner), in the engine's placeholders. */
export function executeOn(target: EntityManager | QueryRunner): Execute {
  const postgres = target.connection.options.type === 'postgres';
  return (sql, params) => target.query(postgres ? positional(sql) : sql, [...params]);
}
