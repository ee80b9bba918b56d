import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The service's settings, validated once at boot. */
export interface AppConfig {
  port: number;
  database: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
  /** Frozen clock (ISO date-time) or null for real time. */
  clock: string | null;
  seed: boolean;
  publicUrl: string;
  defaultTimeZone: string;
  /** Largest spreadsheet accepted for import, in bytes. */
  importMaxBytes: number;
}

export class ConfigError extends Error {}

/** Defaults live in config/default.json at the project root; environment variables override them. */
const DEFAULTS_FILE = 'config/default.json';

function readDefaults(cwd: string): Record<string, string> {
  const file = resolve(cwd, DEFAULTS_FILE);
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

function parseBoolean(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name}="${raw}" is not a boolean (use true or false)`);
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT="${raw}" is not a port number (0-65535)`);
  }
  return port;
}

function parseDatabaseUrl(raw: string, cwd: string): AppConfig['database'] {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new ConfigError(`DATABASE_URL="${raw}" names no file (use sqlite:data/qingdan.sqlite)`);
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(cwd, path) };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid postgres URL`);
    }
    return { type: 'postgres', url: raw };
  }
  throw new ConfigError(`DATABASE_URL="${raw}" must start with sqlite: or postgres://`);
}

function parseClock(raw: string): string | null {
  if (!raw.trim()) return null;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) {
    throw new ConfigError(`CLOCK="${raw}" is not an ISO date-time (e.g. 2024-06-03T09:00:00+08:00)`);
  }
  return date.toISOString();
}

function parseTimeZone(raw: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw new ConfigError(`TIME_ZONE="${raw}" is not an IANA time zone (e.g. Asia/Shanghai)`);
  }
  return raw;
}

function parseSize(raw: string): number {
  const bytes = Number(raw);
  if (!Number.isInteger(bytes) || bytes < 1) throw new ConfigError(`IMPORT_MAX_BYTES="${raw}" is not a positive number of bytes`);
  return bytes;
}

function parseUrl(name: string, raw: string): string {
  try {
    const url = new URL(raw);
    if (!['http:', 'https:'].includes(url.protocol)) throw new Error();
  } catch {
    throw new ConfigError(`${name}="${raw}" is not an http(s) URL`);
  }
  return raw.replace(/\/+$/, '');
}

/** Reads and validates the settings; throws ConfigError naming the bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const defaults = readDefaults(cwd);
  const get = (name: string): string => env[name] ?? defaults[name] ?? '';
  const port = parsePort(get('PORT') || '3000');
  return {
    port,
    database: parseDatabaseUrl(get('DATABASE_URL') || 'sqlite:data/qingdan.sqlite', cwd),
    clock: parseClock(get('CLOCK')),
    seed: parseBoolean('SEED', get('SEED') || 'true'),
    publicUrl: parseUrl('PUBLIC_URL', get('PUBLIC_URL') || `http://localhost:${port}`),
    defaultTimeZone: parseTimeZone(get('TIME_ZONE') || 'Asia/Shanghai'),
    importMaxBytes: parseSize(get('IMPORT_MAX_BYTES') || String(10 * 1024 * 1024)),
  };
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
