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

  it('reads PostgreSQL URLs, a frozen clock and SEED=false', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://u@127.0.0.1:5432/q', CLOCK: '2024-06-03T09:00:00+08:00', SEED: 'false', PORT: '8080' },
      cwd,
    );
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://u@127.0.0.1:5432/q' });
    expect(config.clock).toBe('2024-06-03T01:00:00.000Z');
    expect(config.seed).toBe(false);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc"'],
    [{ PORT: '70000' }, 'PORT="70000"'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL="mysql://x"'],
    [{ CLOCK: 'tomorrow' }, 'CLOCK="tomorrow"'],
    [{ SEED: 'maybe' }, 'SEED="maybe"'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL="ftp://x"'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE="Mars/Olympus"'],
  ])('stops on a bad value and names it: %j', (env, named) => {
    expect(() => loadConfig(env, cwd)).toThrow(ConfigError);
    expect(() => loadConfig(env, cwd)).toThrow(named);
  });
});
