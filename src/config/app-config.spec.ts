import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'qingdan-config-'));

  it('starts on the embedded SQLite file with seeds on, port 3000 and the Shanghai time zone', () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      port: 3000,
      database: { type: 'sqlite', path: join(cwd, 'data/qingdan.sqlite') },
      clock: null,
      seed: true,
      publicUrl: 'http://localhost:3000',
      defaultTimeZone: 'Asia/Shanghai',
    });
  });

  it('caps imports at 100 MB inflated, 20000 rows and 1000000 cells unless told otherwise', () => {
    expect(loadConfig({}, cwd)).toMatchObject({ importMaxInflatedBytes: 104857600, importMaxRows: 20000, importMaxCells: 1000000 });
    expect(loadConfig({ IMPORT_MAX_INFLATED_BYTES: '1048576', IMPORT_MAX_ROWS: '500', IMPORT_MAX_CELLS: '9000' }, cwd)).toMatchObject({
      importMaxInflatedBytes: 1048576,
      importMaxRows: 500,
      importMaxCells: 9000,
    });
  });

  it('reads PostgreSQL URLs, a frozen clock and SEED=false', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/q', CLOCK: '2024-06-03T09:00:00+08:00', SEED: 'false', PORT: '8080' }, cwd);
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://u@127.0.0.1:5432/q', poolSize: 10 });
    expect(config.clock).toBe('2024-06-03T01:00:00.000Z');
    expect(config.seed).toBe(false);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('keeps evidence files in the directory unless told to keep them in PostgreSQL', () => {
    expect(loadConfig({}, cwd).evidenceStore).toBe('directory');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/q', EVIDENCE_STORE: 'database' }, cwd).evidenceStore).toBe('database');
  });

  it('takes the PostgreSQL pool size per instance from DATABASE_POOL_SIZE', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db.example.org/q?sslmode=verify-full', DATABASE_POOL_SIZE: '25' }, cwd);
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://u@db.example.org/q?sslmode=verify-full', poolSize: 25 });
  });

  it("works out today's reports ahead every 5 seconds unless told otherwise; 0 turns it off", () => {
    expect(loadConfig({}, cwd).reportsAheadSeconds).toBe(5);
    expect(loadConfig({ REPORTS_AHEAD_SECONDS: '60' }, cwd).reportsAheadSeconds).toBe(60);
    expect(loadConfig({ REPORTS_AHEAD_SECONDS: '0' }, cwd).reportsAheadSeconds).toBe(0);
  });

  it.each([
    [{ REPORTS_AHEAD_SECONDS: '-1' }, 'REPORTS_AHEAD_SECONDS="-1" is not a number of seconds from 0 to 86400'],
    [{ REPORTS_AHEAD_SECONDS: '2.5' }, 'REPORTS_AHEAD_SECONDS="2.5" is not a number of seconds from 0 to 86400'],
    [{ REPORTS_AHEAD_SECONDS: '90000' }, 'REPORTS_AHEAD_SECONDS="90000" is not a number of seconds from 0 to 86400'],
    [{ PORT: 'abc' }, 'PORT="abc"'],
    [{ DATABASE_URL: 'postgres://u@h/q', DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE="0" is not a positive number of connections'],
    [{ EVIDENCE_STORE: 'cloud' }, 'EVIDENCE_STORE="cloud" must be directory or database'],
    [{ EVIDENCE_STORE: 'database' }, 'EVIDENCE_STORE=database keeps evidence files in PostgreSQL and needs DATABASE_URL=postgres://'],
    [{ DATABASE_URL: 'postgres://u@h/q', DATABASE_POOL_SIZE: '5000' }, 'DATABASE_POOL_SIZE="5000" is more than 1000 connections'],
    [{ PORT: '70000' }, 'PORT="70000"'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL="mysql://x"'],
    [{ CLOCK: 'tomorrow' }, 'CLOCK="tomorrow"'],
    [{ SEED: 'maybe' }, 'SEED="maybe"'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL="ftp://x"'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE="Mars/Olympus"'],
    [{ WEBHOOK_ALLOWED_HOSTS: 'robot.example.org, 127.0.0.1' }, '"127.0.0.1" is a loopback address'],
    [{ WEBHOOK_ALLOWED_HOSTS: '[::ffff:10.0.0.1]' }, '"[::ffff:10.0.0.1]" is a private address'],
    [{ WEBHOOK_ALLOWED_HOSTS: '169.254.169.254' }, '"169.254.169.254" is a link-local address'],
    [{ WEBHOOK_ALLOWED_HOSTS: 'localhost' }, '"localhost" names this machine'],
    [{ WEBHOOK_ALLOWED_HOSTS: 'https://robot.example.org/' }, '"https://robot.example.org/" is not a host name'],
    [{ IMPORT_MAX_INFLATED_BYTES: '0' }, 'IMPORT_MAX_INFLATED_BYTES="0" is not a positive number of bytes'],
    [{ IMPORT_MAX_INFLATED_BYTES: '5000000000' }, 'IMPORT_MAX_INFLATED_BYTES="5000000000" is more than 2147483648 bytes'],
    [{ IMPORT_MAX_ROWS: '2万' }, 'IMPORT_MAX_ROWS="2万" is not a positive number of rows'],
    [{ IMPORT_MAX_ROWS: '2000000' }, 'IMPORT_MAX_ROWS="2000000" is more than 1048576 rows'],
    [{ IMPORT_MAX_CELLS: '-1' }, 'IMPORT_MAX_CELLS="-1" is not a positive number of cells'],
    [{ TRUST_PROXY: '10.0.0.5, lb.example.gov.cn' }, 'TRUST_PROXY: "lb.example.gov.cn" is not an IP address or CIDR range'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY: "10.0.0.0/33" is not an IP address or CIDR range'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY: "true" is not an IP address or CIDR range'],
  ])('stops on a bad value and names it: %j', (env, named) => {
    expect(() => loadConfig(env, cwd)).toThrow(ConfigError);
    expect(() => loadConfig(env, cwd)).toThrow(named);
  });

  it('trusts no proxy by default, and the load balancers named by address or range', () => {
    expect(loadConfig({}, cwd).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16 fd00::/8' }, cwd).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
  });

  it('allows robot hosts only as named, lower-cased, none by default', () => {
    expect(loadConfig({}, cwd).webhookAllowedHosts).toEqual([]);
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'Robot.Example.gov.cn, im.example.org' }, cwd).webhookAllowedHosts).toEqual([
      'robot.example.gov.cn',
      'im.example.org',
    ]);
  });
});
