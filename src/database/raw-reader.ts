import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { positional } from './raw-sql.js';

/** The part of a better-sqlite3 statement used here. */
export interface SqliteStatement {
  raw(on: boolean): SqliteStatement;
  columns(): { name: string }[];
  all(...params: unknown[]): unknown[];
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

export type RowsOf = (params: readonly unknown[]) => unknown[];

/**
 * A prepared statement that returns plain objects of one fixed shape: rows come back as arrays and one
 * compiled function names their fields. That is about a third faster than the driver building each object,
 * and later reads and copies of the rows stay fast.
 */
export function shapedRows(statement: SqliteStatement): RowsOf {
  const names = statement.columns().map((c) => c.name);
  // One compiled function per statement turns a raw row into an object; its text holds only the column names.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const shape = new Function('r', `return {${names.map((name, i) => `${JSON.stringify(name)}: r[${i}]`).join(', ')}};`) as (row: unknown[]) => unknown;
  const raw = statement.raw(true);
  return (params) => (raw.all(...params) as unknown[][]).map(shape);
}

/** The part of a pg pool used here: queries by name are parsed and planned once per connection. */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Plain SQL reads for hot paths (reports), without entity hydration. SQL is written once with `?`
 * placeholders and quoted camelCase column names, which SQLite and PostgreSQL both read. On SQLite each text
 * becomes one prepared statement, kept for the life of the process; on PostgreSQL the placeholders become
 * $1, $2 … and the query goes through the pool as a named prepared statement (each connection parses and plans it
 * once, not at every report), or through the caller's transaction when one is given.
 */
@Injectable()
export class RawReader {
  private readonly statements = new Map<string, RowsOf>();
  private readonly postgresStatements = new Map<string, { name: string; text: string }>();

  constructor(private readonly dataSource: DataSource) {}

  /** Inside a transaction pass its manager: on PostgreSQL the read then sees the transaction's own writes (SQLite has one connection). */
  async all<T>(sql: string, params: readonly (string | number | null)[], manager: EntityManager = this.dataSource.manager): Promise<T[]> {
    if (this.dataSource.options.type === 'better-sqlite3') return this.statement(sql)(params) as T[];
    const { name, text } = this.postgresStatement(sql);
    if (manager.queryRunner) return manager.query(text, [...params]);
    const pool = (this.dataSource.driver as unknown as { master: PgPool }).master;
    return (await pool.query({ name, text, values: [...params] })).rows as T[];
  }

  private statement(sql: string): RowsOf {
    let rows = this.statements.get(sql);
    if (!rows) {
      const connection = (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
      rows = shapedRows(connection.prepare(sql));
      this.statements.set(sql, rows);
    }
    return rows;
  }

  private postgresStatement(sql: string): { name: string; text: string } {
    let statement = this.postgresStatements.get(sql);
    if (statement === undefined) {
      statement = { name: `qingdan_raw_${this.postgresStatements.size + 1}`, text: positional(sql) };
      this.postgresStatements.set(sql, statement);
    }
    return statement;
  }
}
