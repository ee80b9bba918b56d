import Database from 'better-sqlite3';
import type { AppConfig } from '../config/app-config.js';
import { pgDriver } from './pg-driver.js';
import { whenNotBusy } from './sqlite-busy.js';

/** The advisory lock key of the start-up ("qngd"). */
const POSTGRES_KEY = 0x716e6764;
/** How long an instance waits for another one's start-up before it gives up. */
const WAIT_MS = 5 * 60_000;
const POLL_MS = 100;

/**
 * Runs `work` (migrations, the first admin, the seed load) while holding the database's start-up lock, so that
 * instances started at the same moment on one database do it one after the other: the first migrates and loads,
 * the others then find nothing left to do. PostgreSQL: a session advisory lock on a connection of its own (freed
 * by the server if the process dies). SQLite: an exclusive transaction on a lock file beside the database.
 */
export async function withStartupLock<T>(database: AppConfig['database'], work: () => Promise<T>): Promise<T> {
  const release = database.type === 'postgres' ? await lockPostgres(database.url) : await lockSqlite(database.path);
  try {
    return await work();
  } finally {
    await release();
  }
}

async function lockPostgres(url: string): Promise<() => Promise<void>> {
  const { Client } = pgDriver();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = ${WAIT_MS}`);
    await client.query('SELECT pg_advisory_lock($1)', [POSTGRES_KEY]);
  } catch (error) {
    await client.end();
    throw error;
  }
  return async () => {
    try {
      await client.query('SELECT pg_advisory_unlock($1)', [POSTGRES_KEY]);
    } finally {
      await client.end();
    }
  };
}

async function lockSqlite(path: string): Promise<() => Promise<void>> {
  if (path === ':memory:') return () => Promise.resolve();
  const lock = new Database(`${path}.startup-lock`, { timeout: 0 });
  try {
    await whenNotBusy(() => lock.exec('BEGIN EXCLUSIVE'), WAIT_MS, POLL_MS);
  } catch (error) {
    lock.close();
    throw error;
  }
  return () => {
    lock.exec('ROLLBACK');
    lock.close();
    return Promise.resolve();
  };
}
