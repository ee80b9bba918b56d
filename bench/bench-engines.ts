/**
 * The engines the benchmark runs on: SQLite always, and PostgreSQL when TEST_DATABASE_URL names a server
 * (`npm run bench` starts a throwaway one with scripts/with-postgres.sh). Each data set is written once into a
 * SQLite file and copied into a new PostgreSQL database, so both engines answer over the same rows.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../src/database/data-source.js';

export type Engine = 'sqlite' | 'postgres';

export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the benchmark's PostgreSQL server, migrated. */
export async function createPostgresDatabase(name: string): Promise<PostgresDatabase> {
  const database = `qingdan_bench_${name}_${process.pid}`;
  await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await onServer(`CREATE DATABASE "${database}"`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  const migrated = await openDatabase({ type: 'postgres', url: url.toString(), poolSize: 2 });
  await migrated.destroy();
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}

/**
 * What an operator runs on PostgreSQL after a bulk load, so that autovacuum and the checkpointer do not do it in the
 * background while the figures are taken (and first reads do not write hint bits): vacuum and analyse, then write the
 * pages out.
 */
export async function settleAfterLoad(query: (sql: string) => Promise<unknown>): Promise<void> {
  await query('VACUUM (ANALYZE)');
  await query('CHECKPOINT');
}

const BATCH = 20_000;

/**
 * Copies every row of the SQLite file's tables into the (migrated, empty) PostgreSQL database: batches of rows
 * passed as one text array per column and cast to the column's type (unnest), foreign keys checked as in the file
 * (session_replication_role = replica lets tables come in any order), then the id sequences moved past the rows
 * and the database settled as after any bulk load (settleAfterLoad; without it PostgreSQL's figures wandered from
 * run to run). Answers the number of rows copied.
 */
export async function copyToPostgres(sqlitePath: string, url: string): Promise<number> {
  const source = new Database(sqlitePath, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let copied = 0;
  try {
    await client.query('SET session_replication_role = replica');
    const tables = (
      source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'`).all() as { name: string }[]
    ).map((t) => t.name);
    for (const table of tables) {
      const types = new Map(
        (
          await client.query<{ column_name: string; type: string }>(
            `SELECT column_name, format_type(atttypid, atttypmod) AS type FROM information_schema.columns c
             JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_name))::regclass AND a.attname = c.column_name
             WHERE c.table_schema = 'public' AND c.table_name = $1`,
            [table],
          )
        ).rows.map((r) => [r.column_name, r.type]),
      );
      if (!types.size) continue;
      const columns = (source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name).filter((c) => types.has(c));
      const quoted = columns.map((c) => `"${c}"`).join(', ');
      const insert = `INSERT INTO "${table}" (${quoted}) SELECT ${columns.map((c, i) => `u.c${i}::${types.get(c)}`).join(', ')} FROM unnest(${columns
        .map((_, i) => `$${i + 1}::text[]`)
        .join(', ')}) AS u(${columns.map((_, i) => `c${i}`).join(', ')})`;
      const rows = source.prepare(`SELECT ${quoted} FROM "${table}"`).raw(true);
      let batch: unknown[][] = columns.map(() => []);
      let size = 0;
      const flush = async () => {
        if (!size) return;
        await client.query(insert, batch);
        copied += size;
        batch = columns.map(() => []);
        size = 0;
      };
      for (const row of rows.iterate() as Iterable<unknown[]>) {
        row.forEach((value, i) => batch[i].push(value === null ? null : text(value, types.get(columns[i])!)));
        if (++size === BATCH) await flush();
      }
      await flush();
      if (columns.includes('id')) {
        await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`);
      }
    }
    await client.query('SET session_replication_role = DEFAULT');
    await settleAfterLoad((sql) => client.query(sql));
  } finally {
    await client.end();
    source.close();
  }
  return copied;
}

/** A SQLite value as PostgreSQL reads it for a column of the type: 0/1 for booleans, UTC instants with their zone. */
function text(value: unknown, type: string): string {
  if (type === 'boolean') return value ? 'true' : 'false';
  if (type.startsWith('timestamp with time zone') && typeof value === 'string') return `${value}Z`;
  return String(value);
}
