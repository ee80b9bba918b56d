import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { insideRange, isLocalName } from '../outbox/robot-address.js';

/** The service's settings, validated once at boot. */
export interface AppConfig {
  port: number;
  /** SQLite file, or PostgreSQL URL (TLS through its sslmode and sslrootcert parameters) with the pool's size per instance. */
  database: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string; poolSize: number };
  /** Frozen clock (ISO date-time) or null for real time. */
  clock: string | null;
  seed: boolean;
  publicUrl: string;
  defaultTimeZone: string;
  /** Largest spreadsheet accepted for import, in bytes. */
  importMaxBytes: number;
  /** Bytes an imported XLSX may inflate to, all its parts together (checked before and while inflating). */
  importMaxInflatedBytes: number;
  /** Rows an imported sheet may have, header and title rows included. */
  importMaxRows: number;
  /** Cells an imported sheet may have, each row counted as wide as its last cell. */
  importMaxCells: number;
  /** How long a login's bearer token lasts, in hours. */
  sessionHours: number;
  /** The first admin, created on first start when no admin exists (ADMIN_USERNAME / ADMIN_PASSWORD). */
  admin: { username: string; password: string } | null;
  /** Load the documented demo users of the seed plans (only with SEED). */
  demoUsers: boolean;
  /** Load the demo progress of seeds/demo-progress.json (only with SEED and DEMO_USERS; DEMO ONLY). */
  demoProgress: boolean;
  /** Where evidence files of progress reports are kept. */
  evidenceDir: string;
  /** directory: files under evidenceDir (one machine); database: in PostgreSQL, reached by every instance. */
  evidenceStore: 'directory' | 'database';
  /** Largest evidence file accepted, in bytes. */
  evidenceMaxBytes: number;
  /** A milestone due within this many days shows yellow. */
  dueSoonDays: number;
  /** Failed logins allowed per user name and address within 15 minutes before 429. */
  loginMaxFailures: number;
  /** log2 of scrypt's cost N for new password hashes (15: 32 MiB and about 100 ms a hash). */
  passwordHashCost: number;
  /** SMTP server (smtp:// or smtps://, with user:pass@ when it needs them); null: mail is written as .eml files to outboxDir. */
  smtpUrl: string | null;
  /** The From of every email. */
  mailFrom: string;
  /** Where mail goes when no SMTP server is configured. */
  outboxDir: string;
  /** Run the reminder sweep and the sender on their own (cron); off: only on demand (tests, one-off runs). */
  scheduler: boolean;
  /** Every this many seconds each instance works out every plan's progress and overdue reports of today not yet kept; 0: only when asked. */
  reportsAheadSeconds: number;
  /** Attempts at delivering one message before it is marked failed. */
  deliveryMaxAttempts: number;
  /** After a stop, the sweep catches up on at most this many past days. */
  catchUpDays: number;
  /** Robot hosts allowed besides qyapi.weixin.qq.com and oapi.dingtalk.com (never an inside address or name). */
  webhookAllowedHosts: string[];
  /** Addresses (or ranges) of the load balancers in front: their X-Forwarded-For names the client. Empty: none trusted. */
  trustProxy: string[];
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

function parseDatabaseUrl(raw: string, poolSize: string, cwd: string): AppConfig['database'] {
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
    return { type: 'postgres', url: raw, poolSize: parsePositive('DATABASE_POOL_SIZE', poolSize, 'connections', 1000) };
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

function parsePositive(name: string, raw: string, what: string, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name}="${raw}" is not a positive number of ${what}`);
  if (value > max) throw new ConfigError(`${name}="${raw}" is more than ${max} ${what}`);
  return value;
}

function parseSeconds(name: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new ConfigError(`${name}="${raw}" is not a number of seconds from 0 to ${max}`);
  return value;
}

function parseHashCost(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 10 || value > 20) {
    throw new ConfigError(`PASSWORD_HASH_COST="${raw}" is not a whole number from 10 to 20 (log2 of scrypt's N; 15 is the default)`);
  }
  return value;
}

function parseAdmin(username: string, password: string): AppConfig['admin'] {
  if (!username && !password) return null;
  if (!username) throw new ConfigError('ADMIN_PASSWORD is set but ADMIN_USERNAME is not');
  if (password.length < 8) throw new ConfigError('ADMIN_PASSWORD must have at least 8 characters');
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(username)) {
    throw new ConfigError(`ADMIN_USERNAME="${username}" may use letters, digits and . _ @ - only (2-64 characters)`);
  }
  return { username, password };
}

function parseSmtpUrl(raw: string): string | null {
  if (!raw.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL is not a valid URL (use smtp://user:pass@host:port or smtps://…)');
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps:// and name a host (got ${url.protocol}//${url.hostname})`);
  }
  return raw;
}

function parseMailFrom(raw: string): string {
  if (!/^[^<>]*<[^@\s<>]+@[^@\s<>]+>$|^[^@\s<>]+@[^@\s<>]+$/.test(raw.trim())) {
    throw new ConfigError(`MAIL_FROM="${raw}" is not an address (e.g. 清单催办 <qingdan@example.gov.cn>)`);
  }
  return raw.trim();
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

/** Host names (or public IP addresses) robots may be reached at besides their own hosts; inside ones stop the start. */
function parseAllowedHosts(raw: string): string[] {
  const hosts = raw
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const host of hosts) {
    const ip = host.replace(/^\[|\]$/g, '');
    const range = insideRange(ip);
    if (range) throw new ConfigError(`WEBHOOK_ALLOWED_HOSTS: "${host}" is a ${range.name} address; robots are never reached inside the network`);
    if (isIP(ip) === 0) {
      if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/.test(host)) {
        throw new ConfigError(`WEBHOOK_ALLOWED_HOSTS: "${host}" is not a host name (give names like robot.example.gov.cn, comma-separated, no scheme or port)`);
      }
      if (isLocalName(host)) throw new ConfigError(`WEBHOOK_ALLOWED_HOSTS: "${host}" names this machine or its local network; give a full public host name`);
    }
  }
  return [...new Set(hosts.map((h) => h.replace(/\.$/, '')))];
}

/** The proxies whose X-Forwarded-For is believed: IP addresses or CIDR ranges, comma-separated. */
function parseTrustProxy(raw: string): string[] {
  const entries = raw
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    if (family === 0 || rest.length || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits))) {
      throw new ConfigError(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range of a load balancer (e.g. 10.0.0.5 or 10.0.0.0/24, comma-separated)`);
    }
  }
  return entries;
}

function parseEvidenceStore(raw: string, database: AppConfig['database']): AppConfig['evidenceStore'] {
  if (raw !== 'directory' && raw !== 'database') throw new ConfigError(`EVIDENCE_STORE="${raw}" must be directory or database`);
  if (raw === 'database' && database.type !== 'postgres') {
    throw new ConfigError('EVIDENCE_STORE=database keeps evidence files in PostgreSQL and needs DATABASE_URL=postgres://… (on SQLite use directory)');
  }
  return raw;
}

/** Reads and validates the settings; throws ConfigError naming the bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const defaults = readDefaults(cwd);
  const get = (name: string): string => env[name] ?? defaults[name] ?? '';
  const port = parsePort(get('PORT') || '3000');
  const database = parseDatabaseUrl(get('DATABASE_URL') || 'sqlite:data/qingdan.sqlite', get('DATABASE_POOL_SIZE') || '10', cwd);
  return {
    port,
    database,
    clock: parseClock(get('CLOCK')),
    seed: parseBoolean('SEED', get('SEED') || 'true'),
    publicUrl: parseUrl('PUBLIC_URL', get('PUBLIC_URL') || `http://localhost:${port}`),
    defaultTimeZone: parseTimeZone(get('TIME_ZONE') || 'Asia/Shanghai'),
    importMaxBytes: parsePositive('IMPORT_MAX_BYTES', get('IMPORT_MAX_BYTES') || String(10 * 1024 * 1024), 'bytes'),
    importMaxInflatedBytes: parsePositive('IMPORT_MAX_INFLATED_BYTES', get('IMPORT_MAX_INFLATED_BYTES') || String(100 * 1024 * 1024), 'bytes', 2 ** 31),
    importMaxRows: parsePositive('IMPORT_MAX_ROWS', get('IMPORT_MAX_ROWS') || '20000', 'rows', 1_048_576),
    importMaxCells: parsePositive('IMPORT_MAX_CELLS', get('IMPORT_MAX_CELLS') || '1000000', 'cells', 100_000_000),
    sessionHours: parsePositive('SESSION_HOURS', get('SESSION_HOURS') || '12', 'hours'),
    admin: parseAdmin(get('ADMIN_USERNAME').trim(), get('ADMIN_PASSWORD')),
    demoUsers: parseBoolean('DEMO_USERS', get('DEMO_USERS') || 'true'),
    demoProgress: parseBoolean('DEMO_PROGRESS', get('DEMO_PROGRESS') || 'true'),
    evidenceDir: resolve(cwd, get('EVIDENCE_DIR') || 'data/evidence'),
    evidenceStore: parseEvidenceStore(get('EVIDENCE_STORE') || 'directory', database),
    evidenceMaxBytes: parsePositive('EVIDENCE_MAX_BYTES', get('EVIDENCE_MAX_BYTES') || String(20 * 1024 * 1024), 'bytes'),
    dueSoonDays: parsePositive('DUE_SOON_DAYS', get('DUE_SOON_DAYS') || '14', 'days'),
    loginMaxFailures: parsePositive('LOGIN_MAX_FAILURES', get('LOGIN_MAX_FAILURES') || '5', 'attempts'),
    passwordHashCost: parseHashCost(get('PASSWORD_HASH_COST') || '15'),
    smtpUrl: parseSmtpUrl(get('SMTP_URL')),
    mailFrom: parseMailFrom(get('MAIL_FROM') || '清单催办 <qingdan@localhost>'),
    outboxDir: resolve(cwd, get('OUTBOX_DIR') || 'data/outbox'),
    scheduler: parseBoolean('SCHEDULER', get('SCHEDULER') || 'true'),
    reportsAheadSeconds: parseSeconds('REPORTS_AHEAD_SECONDS', get('REPORTS_AHEAD_SECONDS') || '5', 86_400),
    deliveryMaxAttempts: parsePositive('DELIVERY_MAX_ATTEMPTS', get('DELIVERY_MAX_ATTEMPTS') || '8', 'attempts'),
    catchUpDays: parsePositive('REMINDER_CATCHUP_DAYS', get('REMINDER_CATCHUP_DAYS') || '31', 'days'),
    webhookAllowedHosts: parseAllowedHosts(get('WEBHOOK_ALLOWED_HOSTS')),
    trustProxy: parseTrustProxy(get('TRUST_PROXY')),
  };
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
