import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { installAuditSubscriber } from '../audit/audit.subscriber.js';
import { PlanRevisionSubscriber } from './plan-revisions.js';
import { ENTITIES, POSTGRES_ENTITIES } from '../entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { pgDriver } from './pg-driver.js';
import { serializeTransactions } from './serial-transactions.js';

/** PostgreSQL's DATE and TIMESTAMP (without time zone) type oids. */
const DATE_OID = 1082;
const TIMESTAMP_OID = 1114;

/**
 * Calendar dates come back from PostgreSQL as the 'YYYY-MM-DD' text SQLite gives, not as a JS Date at local midnight:
 * the rules compare dates as strings, and raw reads (MAX of a date column) would otherwise differ between engines.
 */
export const pgTypes = {
  getTypeParser(oid: number, format: 'text' | 'binary' = 'text'): (value: string) => unknown {
    if (oid === DATE_OID && format === 'text') return (text) => text;
    if (oid === TIMESTAMP_OID && format === 'text') return (text) => new Date(`${text.replace(' ', 'T')}Z`);
    return pgDriver().types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

/**
 * Instants are kept as UTC on PostgreSQL as on SQLite (`timestamp` columns, no zone): written as UTC (the pg
 * driver's parseInputDatesAsUTC, a setting of the whole process), read as UTC (pgTypes), and the session's
 * TimeZone is UTC for column defaults. Without this each instance would store its own local time, and two instances
 * in different time zones (TZ) would read each other's leases and claims hours off.
 */
function instantsInUtc(): { types: typeof pgTypes; options: string } {
  pgDriver().defaults.parseInputDatesAsUTC = true;
  return { types: pgTypes, options: '-c TimeZone=UTC' };
}

/** The TypeORM options for the configured database. Schema changes only through migrations. */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Moves plan revisions on at commit (the audit log is registered by openDatabase).
    subscribers: [PlanRevisionSubscriber],
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn'] as ('error' | 'warn')[],
  };
  if (database.type === 'postgres') {
    return {
      ...common,
      entities: [...ENTITIES, ...POSTGRES_ENTITIES],
      type: 'postgres',
      url: database.url,
      poolSize: database.poolSize,
      extra: instantsInUtc(),
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(database: AppConfig['database']): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  // TypeORM builds only @EventSubscriber classes from `subscribers`; the audit log registers itself here (the CLI's
  // changes are logged too; in the service Nest's provider finds it registered and sets the clock).
  installAuditSubscriber(dataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  serializeTransactions(dataSource);
  return dataSource;
}
