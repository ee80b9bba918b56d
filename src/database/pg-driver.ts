import { createRequire } from 'node:module';
import type pgModule from 'pg';

let driver: typeof pgModule | undefined;

/** The pg driver, loaded on first use: a service on SQLite never holds it in memory. */
export function pgDriver(): typeof pgModule {
  return (driver ??= createRequire(import.meta.url)('pg') as typeof pgModule);
}
