import { join } from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../../src/config/app-config.js';

/**
 * The database a test runs on. By default a SQLite file in the test's directory; with TEST_DATABASE_URL naming a
 * PostgreSQL server (scripts/with-postgres.sh sets it) a new, empty database on that server, dropped afterwards.
 * One suite, two engines: the tests themselves do not know which.
 */
export interface TestDatabase {
  /** For DATABASE_URL. */
  url: string;
  /** For openDatabase. */
  settings: AppConfig['database'];
  engine: 'sqlite' | 'postgres';
  drop: () => Promise<void>;
}

let created = 0;

export async function createTestDatabase(dir: string, name = 'test'): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server?.startsWith('postgres')) {
    const path = join(dir, `${name}.sqlite`);
    return { url: `sqlite:${path}`, settings: { type: 'sqlite', path }, engine: 'sqlite', drop: () => Promise.resolve() };
  }
  const database = `qingdan_${name.replace(/\W/g, '_')}_${process.pid}_${++created}`;
  await onServer(server, `CREATE DATABASE "${database}"`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    settings: { type: 'postgres', url: url.toString(), poolSize: 10 },
    engine: 'postgres',
    drop: () => onServer(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  };
}

async function onServer(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
