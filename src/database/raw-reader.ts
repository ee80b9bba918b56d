import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface Statement {
  all(...params: unknown[]): unknown[];
}

interface SqliteConnection {
  prepare(sql: string): Statement;
}

/**
 * Plain SQL reads for hot paths (reports), without entity hydration. SQL is written once with `?`
 * placeholders and quoted camelCase column names, which SQLite and PostgreSQL both read. On SQLite each text
 * becomes one prepared statement, kept for the life of the process; on PostgreSQL the placeholders become
 * $1, $2 … and the query goes through the pool.
 */
@Injectable()
export class RawReader {
  private readonly statements = new Map<string, Statement>();
  private readonly postgresTexts = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async all<T>(sql: string, params: readonly (string | number | null)[]): Promise<T[]> {
    if (this.dataSource.options.type === 'better-sqlite3') return this.statement(sql).all(...params) as T[];
    return this.dataSource.query(this.postgresText(sql), [...params]);
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private postgresText(sql: string): string {
    let text = this.postgresTexts.get(sql);
    if (text === undefined) {
      let n = 0;
      text = sql.replace(/\?/g, () => `$${++n}`);
      this.postgresTexts.set(sql, text);
    }
    return text;
  }
}
