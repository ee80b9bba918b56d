import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import { whenNotBusy } from './sqlite-busy.js';

type Runner = QueryRunner & { transactionDepth: number };

/**
 * SQLite through better-sqlite3 has one connection, so TypeORM would run two requests' transactions as
 * one (the second as a savepoint of the first: lost if the first rolls back). This makes them take turns:
 * a transaction waits until the one in progress ends, and only its owner sees it as active, so a save made
 * by another request starts (and waits for) a transaction of its own. PostgreSQL needs none of this.
 */
export function serializeTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const runner = dataSource.createQueryRunner() as Runner;
  const owner = new AsyncLocalStorage<object>();
  let holder: object | null = null;
  let active = runner.isTransactionActive;
  const waiting: (() => void)[] = [];
  const mine = () => holder !== null && owner.getStore() === holder;

  Object.defineProperty(runner, 'isTransactionActive', {
    get: () => active && mine(),
    set: (value: boolean) => {
      active = value;
    },
    configurable: true,
  });

  const release = () => {
    holder = null;
    waiting.shift()?.();
  };
  const start = runner.startTransaction.bind(runner);
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);

  // dataSource.transaction(work): the work runs with a token of its own that never leaks to the caller.
  const fresh = new WeakSet<object>();
  const transaction = dataSource.manager.transaction.bind(dataSource.manager) as (...args: unknown[]) => Promise<unknown>;
  (dataSource.manager as { transaction: unknown }).transaction = (...args: unknown[]) => {
    if (mine()) return transaction(...args);
    const token = {};
    fresh.add(token);
    return owner.run(token, () => transaction(...args));
  };

  runner.startTransaction = async (isolation) => {
    if (mine()) return start(isolation);
    let token = owner.getStore();
    if (!token || !fresh.has(token)) {
      // A save outside dataSource.transaction: TypeORM calls this after an await of its own, so the token
      // set here reaches only that save's continuation.
      token = {};
      owner.enterWith(token);
    }
    fresh.delete(token);
    while (holder !== null) await new Promise<void>((resolve) => waiting.push(resolve));
    holder = token;
    try {
      await start(isolation);
    } catch (error) {
      release();
      throw error;
    }
  };
  const ending = (end: () => Promise<void>) => async () => {
    try {
      await end();
    } finally {
      if (runner.transactionDepth === 0 && mine()) release();
    }
  };
  runner.commitTransaction = ending(commit);
  runner.rollbackTransaction = ending(rollback);
  beginImmediately(dataSource, runner);
}

/** How long a transaction waits for another connection's write lock before it fails. */
const LOCK_WAIT_MS = 30_000;
const LOCK_POLL_MS = 10;

/**
 * Another connection to the file (a second instance, the CLI importing while the service runs) may hold the write
 * lock. A transaction takes it when it begins (BEGIN IMMEDIATE), so it never fails half-way on a read lock it cannot
 * upgrade; and it waits for it here, a few milliseconds at a time, rather than in the driver, whose wait would
 * block this process (and so the other connection, when it is this process's too).
 */
function beginImmediately(dataSource: DataSource, runner: Runner): void {
  const connection = (dataSource.driver as unknown as { databaseConnection: { pragma(sql: string): unknown; exec(sql: string): unknown } }).databaseConnection;
  const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  // On the connection itself: the attempts that find the lock taken are not failed queries worth logging.
  const begin = () => {
    connection.pragma('busy_timeout = 0');
    try {
      connection.exec('BEGIN IMMEDIATE TRANSACTION');
    } finally {
      connection.pragma('busy_timeout = 5000');
    }
    return undefined;
  };
  runner.query = ((sql: string, ...rest: unknown[]) =>
    sql === 'BEGIN TRANSACTION' ? whenNotBusy(begin, LOCK_WAIT_MS, LOCK_POLL_MS) : query(sql, ...rest)) as typeof runner.query;
}
