import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { type AttemptTicket, LoginLimiter } from './login-limiter.js';

// The limiter as README and the code comment state it: LOGIN_MAX_FAILURES failures per user name + address in a
// 15-minute window (here 5), four times as many per address over all names (here 20); 429 with the wait in seconds
// (retryAfterSeconds) and in whole minutes, rounded up, in the message. The attempts are rows of a real SQLite file.
const START = '2026-11-23T09:00:00+08:00';
const at = (time: string) => `2026-11-23T${time}+08:00`;

const dir = mkdtempSync(join(tmpdir(), 'qingdan-limiter-'));
let db: DataSource;
let second: DataSource;

beforeAll(async () => {
  db = await openDatabase({ type: 'sqlite', path: join(dir, 'limiter.sqlite') });
  second = await openDatabase({ type: 'sqlite', path: join(dir, 'limiter.sqlite') });
});
beforeEach(() => db.getRepository(LoginAttempt).clear());
afterAll(async () => {
  await db?.destroy();
  await second?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function setup(maxFailures = 5, dataSource = db, clock = new Clock({ clock: START } as AppConfig)) {
  const limiter = new LoginLimiter(dataSource, { loginMaxFailures: maxFailures } as AppConfig, clock);
  const attempt = async (name: string, address: string, outcome: boolean | null) => {
    await limiter.finish(await limiter.begin(name, address), name, address, outcome);
  };
  /** The 429 of `begin`, or null when the attempt may go ahead (it is then finished as a success-less null). */
  const refusal = async (name: string, address: string): Promise<DomainError | null> => {
    let ticket: AttemptTicket;
    try {
      ticket = await limiter.begin(name, address);
    } catch (error) {
      return error as DomainError;
    }
    await limiter.finish(ticket, name, address, null);
    return null;
  };
  return { clock, limiter, attempt, refusal };
}

describe('login limiter', () => {
  it('lets the fifth failed attempt of a name from one address through and refuses the sixth with 429', async () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 4; i++) await attempt('zhangsan', '10.0.0.1', false);
    expect(await refusal('zhangsan', '10.0.0.1')).toBeNull();
    await attempt('zhangsan', '10.0.0.1', false);
    const error = await refusal('zhangsan', '10.0.0.1');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429, problems: [] });
  });

  it('counts per name and address: the same name from another address, another name from the same address go ahead', async () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) await attempt('zhangsan', '10.0.0.1', false);
    expect(await refusal('zhangsan', '10.0.0.1')).not.toBeNull();
    expect(await refusal('zhangsan', '10.0.0.2')).toBeNull();
    expect(await refusal('lisi', '10.0.0.1')).toBeNull();
  });

  it('treats the name without regard to case: ZhangSan and zhangsan are one name', async () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? 'ZhangSan' : 'zhangsan', '10.0.0.1', false);
    expect(await refusal('ZHANGSAN', '10.0.0.1')).not.toBeNull();
  });

  it('forgets a failure exactly 15 minutes after it: still counted at 14:59.999, gone at 15:00.000', async () => {
    const { clock, attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) await attempt('zhangsan', '10.0.0.1', false); // all at 09:00:00
    clock.set(at('09:14:59.999'));
    const error = await refusal('zhangsan', '10.0.0.1');
    // 1 ms left: the wait rounds up to 1 second, shown as 1 minute.
    expect(error).toMatchObject({ extra: { retryAfterSeconds: 1 }, message: '登录失败次数过多，请 1 分钟后再试' });
    clock.set(at('09:15:00'));
    expect(await refusal('zhangsan', '10.0.0.1')).toBeNull();
  });

  it('lets failures leave the window one by one: the oldest gone, one more attempt goes through', async () => {
    const { clock, attempt, refusal } = setup();
    const times = ['09:00:00', '09:01:00', '09:02:00', '09:03:00', '09:04:00'];
    for (const time of times) {
      clock.set(at(time));
      await attempt('zhangsan', '10.0.0.1', false);
    }
    // At 09:15:30 the 09:00 failure has left the window (4 remain): one more attempt, which fails (5 again).
    clock.set(at('09:15:30'));
    expect(await refusal('zhangsan', '10.0.0.1')).toBeNull();
    await attempt('zhangsan', '10.0.0.1', false);
    // Now the oldest is 09:01:00: it leaves at 09:16:00, 30 s from now.
    const error = await refusal('zhangsan', '10.0.0.1');
    expect(error).toMatchObject({ extra: { retryAfterSeconds: 30 }, message: '登录失败次数过多，请 1 分钟后再试' });
  });

  it('says how long to wait: from the oldest failure in the window, seconds exact and minutes rounded up', async () => {
    const { clock, attempt, refusal } = setup();
    const times = ['09:00:00', '09:01:00', '09:02:00', '09:03:00', '09:04:00'];
    for (const time of times) {
      clock.set(at(time));
      await attempt('zhangsan', '10.0.0.1', false);
    }
    // 09:05:30: the 09:00:00 failure leaves at 09:15:00, 9 min 30 s = 570 s away; 9.5 minutes shown as 10.
    clock.set(at('09:05:30'));
    expect(await refusal('zhangsan', '10.0.0.1')).toMatchObject({ extra: { retryAfterSeconds: 570 }, message: '登录失败次数过多，请 10 分钟后再试' });
    // 09:05:00: exactly 600 s = 10 minutes.
    clock.set(at('09:05:00'));
    expect(await refusal('zhangsan', '10.0.0.1')).toMatchObject({ extra: { retryAfterSeconds: 600 }, message: '登录失败次数过多，请 10 分钟后再试' });
    // 09:04:59.200: 600.8 s rounds up to 601 s, 11 minutes.
    clock.set(at('09:04:59.200'));
    expect(await refusal('zhangsan', '10.0.0.1')).toMatchObject({ extra: { retryAfterSeconds: 601 }, message: '登录失败次数过多，请 11 分钟后再试' });
  });

  it('dates a failure from when it failed, not from when it started: the wait runs from the failure that ended first', async () => {
    const { clock, limiter, attempt, refusal } = setup();
    // Started at 09:00 and still being checked while four later attempts fail; it fails last, at 09:03.
    clock.set(at('09:00:00'));
    const slow = await limiter.begin('zhangsan', '10.0.0.1');
    for (const time of ['09:01:00', '09:01:30', '09:02:00', '09:02:30']) {
      clock.set(at(time));
      await attempt('zhangsan', '10.0.0.1', false);
    }
    clock.set(at('09:03:00'));
    await limiter.finish(slow, 'zhangsan', '10.0.0.1', false);
    // The oldest failure is 09:01:00, which leaves the window at 09:16:00: 13 minutes = 780 s from 09:03.
    expect(await refusal('zhangsan', '10.0.0.1')).toMatchObject({ extra: { retryAfterSeconds: 780 }, message: '登录失败次数过多，请 13 分钟后再试' });
  });

  it('holds back an address after 4 × 5 = 20 failures over all names, whatever the name', async () => {
    const { clock, attempt, refusal } = setup();
    // Five names, four failures each: no name reaches its 5, the address reaches 20 at 09:00:00 + 19 s.
    for (let n = 0; n < 5; n++) {
      for (let i = 0; i < 4; i++) {
        clock.set(new Date(new Date(START).getTime() + (n * 4 + i) * 1000));
        expect(await refusal(`user${n}`, '10.0.0.9')).toBeNull();
        await attempt(`user${n}`, '10.0.0.9', false);
      }
    }
    clock.set(at('09:01:00'));
    // A name never tried before is refused; the wait runs from the address's oldest failure (09:00:00): 14 min = 840 s.
    expect(await refusal('wangwu', '10.0.0.9')).toMatchObject({
      status: 429,
      extra: { retryAfterSeconds: 840 },
      message: '登录失败次数过多，请 14 分钟后再试',
    });
    // Another address is not held back.
    expect(await refusal('wangwu', '10.0.0.10')).toBeNull();
  });

  it('lets the 19th failure of an address through to a 20th attempt, and refuses the 21st', async () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 19; i++) await attempt(`user${i}`, '10.0.0.9', false);
    expect(await refusal('new-name', '10.0.0.9')).toBeNull();
    await attempt('new-name', '10.0.0.9', false);
    expect(await refusal('other-name', '10.0.0.9')).not.toBeNull();
  });

  it('scales the address limit with the setting: 3 per name gives 12 per address', async () => {
    const { attempt, refusal } = setup(3);
    for (let i = 0; i < 11; i++) await attempt(`user${i}`, '10.0.0.9', false);
    expect(await refusal('new-name', '10.0.0.9')).toBeNull();
    await attempt('new-name', '10.0.0.9', false);
    expect(await refusal('other-name', '10.0.0.9')).not.toBeNull();
    // And 3 per name: a name's third failure is its last.
    await attempt('zhangsan', '10.0.0.1', false);
    await attempt('zhangsan', '10.0.0.1', false);
    expect(await refusal('zhangsan', '10.0.0.1')).toBeNull();
    await attempt('zhangsan', '10.0.0.1', false);
    expect(await refusal('zhangsan', '10.0.0.1')).not.toBeNull();
  });

  it('counts attempts in flight: of twenty sent at once only five get to have their password checked', async () => {
    const { limiter } = setup();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => limiter.begin('zhangsan', '10.0.0.1')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refused = outcomes.find((o) => o.status === 'rejected')!.reason as DomainError;
    // Nothing has failed yet, so there is no oldest failure to wait for: 1 second, shown as 1 minute.
    expect(refused).toMatchObject({ status: 429, extra: { retryAfterSeconds: 1 }, message: '登录失败次数过多，请 1 分钟后再试' });
  });

  it('frees the place of an attempt in flight when it ends, whatever the outcome', async () => {
    const { limiter, refusal } = setup();
    const tickets: AttemptTicket[] = [];
    for (let i = 0; i < 5; i++) tickets.push(await limiter.begin('zhangsan', '10.0.0.1'));
    expect(await refusal('zhangsan', '10.0.0.1')).not.toBeNull();
    // Two end with no outcome (the check itself broke): two places free, nothing counted against the name.
    await limiter.finish(tickets.pop()!, 'zhangsan', '10.0.0.1', null);
    await limiter.finish(tickets.pop()!, 'zhangsan', '10.0.0.1', null);
    tickets.push(await limiter.begin('zhangsan', '10.0.0.1'));
    tickets.push(await limiter.begin('zhangsan', '10.0.0.1'));
    expect(await refusal('zhangsan', '10.0.0.1')).not.toBeNull();
    // All five end as successes: nothing in flight, no failures.
    for (const ticket of tickets) await limiter.finish(ticket, 'zhangsan', '10.0.0.1', true);
    for (let i = 0; i < 5; i++) await limiter.begin('zhangsan', '10.0.0.1');
    expect(await refusal('zhangsan', '10.0.0.1')).not.toBeNull();
  });

  it('holds back an address with twenty attempts in flight under different names', async () => {
    const { limiter, refusal } = setup();
    const tickets: AttemptTicket[] = [];
    for (let i = 0; i < 20; i++) tickets.push(await limiter.begin(`user${i}`, '10.0.0.9'));
    expect(await refusal('user99', '10.0.0.9')).toMatchObject({ extra: { retryAfterSeconds: 1 } });
    await limiter.finish(tickets[0], 'user0', '10.0.0.9', null);
    expect(await refusal('user99', '10.0.0.9')).toBeNull();
  });

  it('lets an attempt in flight lapse after a minute (its instance stopped before it ended): counted at 59.999 s, not at 60 s', async () => {
    const { clock, limiter, refusal } = setup();
    for (let i = 0; i < 5; i++) await limiter.begin('zhangsan', '10.0.0.1');
    clock.set(at('09:00:59.999'));
    expect(await refusal('zhangsan', '10.0.0.1')).not.toBeNull();
    clock.set(at('09:01:00'));
    expect(await refusal('zhangsan', '10.0.0.1')).toBeNull();
  });

  it('counts failures through every instance on the database: 2 through one and 3 through another lock the name on both', async () => {
    const clock = new Clock({ clock: START } as AppConfig);
    const one = setup(5, db, clock);
    const other = setup(5, second, clock);
    for (let i = 0; i < 2; i++) await one.attempt('zhangsan', '10.0.0.1', false);
    for (let i = 0; i < 2; i++) await other.attempt('zhangsan', '10.0.0.1', false);
    expect(await one.refusal('zhangsan', '10.0.0.1')).toBeNull();
    await other.attempt('zhangsan', '10.0.0.1', false);
    expect(await one.refusal('zhangsan', '10.0.0.1')).toMatchObject({ status: 429, extra: { retryAfterSeconds: 900 } });
    expect(await other.refusal('zhangsan', '10.0.0.1')).toMatchObject({ status: 429 });
  });

  it('keeps only the last 15 minutes: a later attempt removes rows out of every window, whatever their name', async () => {
    const { clock, attempt } = setup();
    for (let i = 0; i < 3; i++) await attempt(`user${i}`, '10.0.0.1', false);
    clock.set(at('09:15:00'));
    await attempt('lisi', '10.0.0.2', false);
    const rows = await db.getRepository(LoginAttempt).find({ order: { id: 'ASC' } });
    expect(rows.map((r) => r.attemptKey)).toEqual(['lisi@10.0.0.2', '@10.0.0.2']);
  });

  it('counts nothing for an attempt that ends with no outcome (null)', async () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 30; i++) await attempt('zhangsan', '10.0.0.1', null);
    expect(await refusal('zhangsan', '10.0.0.1')).toBeNull();
    // Four real failures after them still leave room for a fifth attempt.
    for (let i = 0; i < 4; i++) await attempt('zhangsan', '10.0.0.1', false);
    expect(await refusal('zhangsan', '10.0.0.1')).toBeNull();
  });

  it("a success clears the name's failures from that address, but not the address's", async () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 4; i++) await attempt('zhangsan', '10.0.0.1', false);
    await attempt('zhangsan', '10.0.0.1', true);
    // Cleared: four more failures leave room for a fifth attempt (4 + 4 would be refused).
    for (let i = 0; i < 4; i++) await attempt('zhangsan', '10.0.0.1', false);
    expect(await refusal('zhangsan', '10.0.0.1')).toBeNull();
    // The address still holds all 8 failures: 11 more under other names make 19, one more attempt, then refused.
    for (let i = 0; i < 11; i++) await attempt(`user${i}`, '10.0.0.1', false);
    expect(await refusal('lisi', '10.0.0.1')).toBeNull();
    await attempt('lisi', '10.0.0.1', false);
    expect(await refusal('wangwu', '10.0.0.1')).not.toBeNull();
  });

  it("a success of one name does not clear another name's failures", async () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) await attempt('zhangsan', '10.0.0.1', false);
    await attempt('lisi', '10.0.0.1', true);
    expect(await refusal('zhangsan', '10.0.0.1')).not.toBeNull();
  });

  it('a success from another address does not clear the failures from this one', async () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) await attempt('zhangsan', '10.0.0.1', false);
    await attempt('zhangsan', '10.0.0.2', true);
    expect(await refusal('zhangsan', '10.0.0.1')).not.toBeNull();
  });
});
