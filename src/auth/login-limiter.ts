import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const WINDOW_MS = 15 * 60 * 1000;
/** Failures from one address over all user names before it too is held back. */
const ADDRESS_FACTOR = 4;

/** Counts failed logins per user name + address (and per address) in a 15-minute window; too many is 429. */
@Injectable()
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 when this name or this address has failed too often lately. */
  check(username: string, address: string): void {
    const now = this.clock.now().getTime();
    const limits: [string, number][] = [
      [this.key(username, address), this.config.loginMaxFailures],
      [`@${address}`, this.config.loginMaxFailures * ADDRESS_FACTOR],
    ];
    for (const [key, limit] of limits) {
      const recent = this.recent(key, now);
      if (recent.length >= limit) {
        const retryAfter = Math.ceil((recent[0] + WINDOW_MS - now) / 1000);
        throw new DomainError('TOO_MANY_REQUESTS', `登录失败次数过多，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`, [], { retryAfterSeconds: retryAfter });
      }
    }
  }

  fail(username: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const key of [this.key(username, address), `@${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(username: string, address: string): void {
    this.failures.delete(this.key(username, address));
  }

  private key(username: string, address: string): string {
    return `${username.toLowerCase()}@${address}`;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }
}
