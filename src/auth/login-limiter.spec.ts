import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { LoginLimiter } from './login-limiter.js';

// The limiter as README and the code comment state it: LOGIN_MAX_FAILURES failures per user name + address in a
// 15-minute window (here 5), four times as many per address over all names (here 20); 429 with the wait in seconds
// (retryAfterSeconds) and in whole minutes, rounded up, in the message.
const START = '2026-11-23T09:00:00+08:00';
const at = (time: string) => `2026-11-23T${time}+08:00`;

function setup(maxFailures = 5) {
  const clock = new Clock({ clock: START } as AppConfig);
  const limiter = new LoginLimiter({ loginMaxFailures: maxFailures } as AppConfig, clock);
  const attempt = (name: string, address: string, outcome: boolean | null) => {
    limiter.begin(name, address);
    limiter.finish(name, address, outcome);
  };
  /** The 429 of `begin`, or null when the attempt may go ahead (it is then finished as a success-less null). */
  const refusal = (name: string, address: string): DomainError | null => {
    try {
      limiter.begin(name, address);
    } catch (error) {
      return error as DomainError;
    }
    limiter.finish(name, address, null);
    return null;
  };
  return { clock, limiter, attempt, refusal };
}

describe('login limiter', () => {
  it('lets the fifth failed attempt of a name from one address through and refuses the sixth with 429', () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 4; i++) attempt('zhangsan', '10.0.0.1', false);
    expect(refusal('zhangsan', '10.0.0.1')).toBeNull();
    attempt('zhangsan', '10.0.0.1', false);
    const error = refusal('zhangsan', '10.0.0.1');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429, problems: [] });
  });

  it('counts per name and address: the same name from another address, another name from the same address go ahead', () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) attempt('zhangsan', '10.0.0.1', false);
    expect(refusal('zhangsan', '10.0.0.1')).not.toBeNull();
    expect(refusal('zhangsan', '10.0.0.2')).toBeNull();
    expect(refusal('lisi', '10.0.0.1')).toBeNull();
  });

  it('treats the name without regard to case: ZhangSan and zhangsan are one name', () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) attempt(i % 2 ? 'ZhangSan' : 'zhangsan', '10.0.0.1', false);
    expect(refusal('ZHANGSAN', '10.0.0.1')).not.toBeNull();
  });

  it('forgets a failure exactly 15 minutes after it: still counted at 14:59.999, gone at 15:00.000', () => {
    const { clock, attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) attempt('zhangsan', '10.0.0.1', false); // all at 09:00:00
    clock.set(at('09:14:59.999'));
    const error = refusal('zhangsan', '10.0.0.1');
    // 1 ms left: the wait rounds up to 1 second, shown as 1 minute.
    expect(error).toMatchObject({ extra: { retryAfterSeconds: 1 }, message: '登录失败次数过多，请 1 分钟后再试' });
    clock.set(at('09:15:00'));
    expect(refusal('zhangsan', '10.0.0.1')).toBeNull();
  });

  it('lets failures leave the window one by one: the oldest gone, one more attempt goes through', () => {
    const { clock, attempt, refusal } = setup();
    const times = ['09:00:00', '09:01:00', '09:02:00', '09:03:00', '09:04:00'];
    for (const time of times) {
      clock.set(at(time));
      attempt('zhangsan', '10.0.0.1', false);
    }
    // At 09:15:30 the 09:00 failure has left the window (4 remain): one more attempt, which fails (5 again).
    clock.set(at('09:15:30'));
    expect(refusal('zhangsan', '10.0.0.1')).toBeNull();
    attempt('zhangsan', '10.0.0.1', false);
    // Now the oldest is 09:01:00: it leaves at 09:16:00, 30 s from now.
    const error = refusal('zhangsan', '10.0.0.1');
    expect(error).toMatchObject({ extra: { retryAfterSeconds: 30 }, message: '登录失败次数过多，请 1 分钟后再试' });
  });

  it('says how long to wait: from the oldest failure in the window, seconds exact and minutes rounded up', () => {
    const { clock, attempt, refusal } = setup();
    const times = ['09:00:00', '09:01:00', '09:02:00', '09:03:00', '09:04:00'];
    for (const time of times) {
      clock.set(at(time));
      attempt('zhangsan', '10.0.0.1', false);
    }
    // 09:05:30: the 09:00:00 failure leaves at 09:15:00, 9 min 30 s = 570 s away; 9.5 minutes shown as 10.
    clock.set(at('09:05:30'));
    expect(refusal('zhangsan', '10.0.0.1')).toMatchObject({ extra: { retryAfterSeconds: 570 }, message: '登录失败次数过多，请 10 分钟后再试' });
    // 09:05:00: exactly 600 s = 10 minutes.
    clock.set(at('09:05:00'));
    expect(refusal('zhangsan', '10.0.0.1')).toMatchObject({ extra: { retryAfterSeconds: 600 }, message: '登录失败次数过多，请 10 分钟后再试' });
    // 09:04:59.200: 600.8 s rounds up to 601 s, 11 minutes.
    clock.set(at('09:04:59.200'));
    expect(refusal('zhangsan', '10.0.0.1')).toMatchObject({ extra: { retryAfterSeconds: 601 }, message: '登录失败次数过多，请 11 分钟后再试' });
  });

  it('holds back an address after 4 × 5 = 20 failures over all names, whatever the name', () => {
    const { clock, attempt, refusal } = setup();
    // Five names, four failures each: no name reaches its 5, the address reaches 20 at 09:00:00 + 19 s.
    for (let n = 0; n < 5; n++) {
      for (let i = 0; i < 4; i++) {
        clock.set(new Date(new Date(START).getTime() + (n * 4 + i) * 1000));
        expect(refusal(`user${n}`, '10.0.0.9')).toBeNull();
        attempt(`user${n}`, '10.0.0.9', false);
      }
    }
    clock.set(at('09:01:00'));
    // A name never tried before is refused; the wait runs from the address's oldest failure (09:00:00): 14 min = 840 s.
    expect(refusal('wangwu', '10.0.0.9')).toMatchObject({ status: 429, extra: { retryAfterSeconds: 840 }, message: '登录失败次数过多，请 14 分钟后再试' });
    // Another address is not held back.
    expect(refusal('wangwu', '10.0.0.10')).toBeNull();
  });

  it('lets the 19th failure of an address through to a 20th attempt, and refuses the 21st', () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 19; i++) attempt(`user${i}`, '10.0.0.9', false);
    expect(refusal('new-name', '10.0.0.9')).toBeNull();
    attempt('new-name', '10.0.0.9', false);
    expect(refusal('other-name', '10.0.0.9')).not.toBeNull();
  });

  it('scales the address limit with the setting: 3 per name gives 12 per address', () => {
    const { attempt, refusal } = setup(3);
    for (let i = 0; i < 11; i++) attempt(`user${i}`, '10.0.0.9', false);
    expect(refusal('new-name', '10.0.0.9')).toBeNull();
    attempt('new-name', '10.0.0.9', false);
    expect(refusal('other-name', '10.0.0.9')).not.toBeNull();
    // And 3 per name: a name's third failure is its last.
    attempt('zhangsan', '10.0.0.1', false);
    attempt('zhangsan', '10.0.0.1', false);
    expect(refusal('zhangsan', '10.0.0.1')).toBeNull();
    attempt('zhangsan', '10.0.0.1', false);
    expect(refusal('zhangsan', '10.0.0.1')).not.toBeNull();
  });

  it('counts attempts in flight: of twenty sent at once only five get to have their password checked', () => {
    const { limiter } = setup();
    let started = 0;
    let refused: DomainError | null = null;
    for (let i = 0; i < 20; i++) {
      try {
        limiter.begin('zhangsan', '10.0.0.1');
        started++;
      } catch (error) {
        refused ??= error as DomainError;
      }
    }
    expect(started).toBe(5);
    // Nothing has failed yet, so there is no oldest failure to wait for: 1 second, shown as 1 minute.
    expect(refused).toMatchObject({ status: 429, extra: { retryAfterSeconds: 1 }, message: '登录失败次数过多，请 1 分钟后再试' });
  });

  it('frees the place of an attempt in flight when it ends, whatever the outcome', () => {
    const { limiter, refusal } = setup();
    for (let i = 0; i < 5; i++) limiter.begin('zhangsan', '10.0.0.1');
    expect(refusal('zhangsan', '10.0.0.1')).not.toBeNull();
    // Two end with no outcome (the check itself broke): two places free, nothing counted against the name.
    limiter.finish('zhangsan', '10.0.0.1', null);
    limiter.finish('zhangsan', '10.0.0.1', null);
    limiter.begin('zhangsan', '10.0.0.1');
    limiter.begin('zhangsan', '10.0.0.1');
    expect(refusal('zhangsan', '10.0.0.1')).not.toBeNull();
    // All five end as successes: nothing in flight, no failures.
    for (let i = 0; i < 5; i++) limiter.finish('zhangsan', '10.0.0.1', true);
    for (let i = 0; i < 5; i++) limiter.begin('zhangsan', '10.0.0.1');
    expect(refusal('zhangsan', '10.0.0.1')).not.toBeNull();
  });

  it('holds back an address with twenty attempts in flight under different names', () => {
    const { limiter, refusal } = setup();
    for (let i = 0; i < 20; i++) limiter.begin(`user${i}`, '10.0.0.9');
    expect(refusal('user99', '10.0.0.9')).toMatchObject({ extra: { retryAfterSeconds: 1 } });
    limiter.finish('user0', '10.0.0.9', null);
    expect(refusal('user99', '10.0.0.9')).toBeNull();
  });

  it('counts nothing for an attempt that ends with no outcome (null)', () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 30; i++) attempt('zhangsan', '10.0.0.1', null);
    expect(refusal('zhangsan', '10.0.0.1')).toBeNull();
    // Four real failures after them still leave room for a fifth attempt.
    for (let i = 0; i < 4; i++) attempt('zhangsan', '10.0.0.1', false);
    expect(refusal('zhangsan', '10.0.0.1')).toBeNull();
  });

  it("a success clears the name's failures from that address, but not the address's", () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 4; i++) attempt('zhangsan', '10.0.0.1', false);
    attempt('zhangsan', '10.0.0.1', true);
    // Cleared: four more failures leave room for a fifth attempt (4 + 4 would be refused).
    for (let i = 0; i < 4; i++) attempt('zhangsan', '10.0.0.1', false);
    expect(refusal('zhangsan', '10.0.0.1')).toBeNull();
    // The address still holds all 8 failures: 11 more under other names make 19, one more attempt, then refused.
    for (let i = 0; i < 11; i++) attempt(`user${i}`, '10.0.0.1', false);
    expect(refusal('lisi', '10.0.0.1')).toBeNull();
    attempt('lisi', '10.0.0.1', false);
    expect(refusal('wangwu', '10.0.0.1')).not.toBeNull();
  });

  it("a success of one name does not clear another name's failures", () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) attempt('zhangsan', '10.0.0.1', false);
    attempt('lisi', '10.0.0.1', true);
    expect(refusal('zhangsan', '10.0.0.1')).not.toBeNull();
  });

  it('a success from another address does not clear the failures from this one', () => {
    const { attempt, refusal } = setup();
    for (let i = 0; i < 5; i++) attempt('zhangsan', '10.0.0.1', false);
    attempt('zhangsan', '10.0.0.2', true);
    expect(refusal('zhangsan', '10.0.0.1')).not.toBeNull();
  });
});
