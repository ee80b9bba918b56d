import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const WINDOW_MS = 15 * 60 * 1000;
/** Failures from one address over all user names before it too is held back. */
const ADDRESS_FACTOR = 4;

/**
 * Counts failed logins per user name + address (and per address) in a 15-minute window; too many is 429.
 * An attempt counts from the moment it starts, before its password is checked: attempts in flight are counted
 * with the failures, so twenty guesses sent at once cannot all pass the check while the hashes are computed.
 */
@Injectable()
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts an attempt: throws 429 when this name or this address has failed (or is trying) too often lately,
   * else counts it as in flight until `finish` is called with its outcome.
   */
  begin(username: string, address: string): void {
    const now = this.clock.now().getTime();
    const limits: [string, number][] = [
      [this.key(username, address), this.config.loginMaxFailures],
      [`@${address}`, this.config.loginMaxFailures * ADDRESS_FACTOR],
    ];
    for (const [key, limit] of limits) {
      const recent = this.recent(key, now);
      if (recent.length + (this.inFlight.get(key) ?? 0) >= limit) {
        const retryAfter = recent.length ? Math.ceil((recent[0] + WINDOW_MS - now) / 1000) : 1;
        throw new DomainError('TOO_MANY_REQUESTS', `登录失败次数过多，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`, [], { retryAfterSeconds: retryAfter });
      }
    }
    for (const [key] of limits) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
  }

  /** Ends an attempt: a failure stays counted for 15 minutes; a success clears the name's failures; null (the check itself broke) counts nothing. */
  finish(username: string, address: string, succeeded: boolean | null): void {
    const now = this.clock.now().getTime();
    for (const key of [this.key(username, address), `@${address}`]) {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: keeping 0 in the map counts as deleting it (get ?? 0); finish follows only a begin that counted the attempt (auth.service), so the count never goes below 0
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
      if (succeeded === false) this.failures.set(key, [...this.recent(key, now), now]);
    }
    if (succeeded) this.failures.delete(this.key(username, address));
  }

  private key(username: string, address: string): string {
    // Stryker disable next-line MethodExpression: account names are ASCII (A-Za-z0-9._@-, user.dto), which upper and lower case group alike
    return `${username.toLowerCase()}@${address}`;
  }

  private recent(key: string, now: number): number[] {
    // Stryker disable next-line ArrayDeclaration: a placeholder element is a string, never later than a number, so the filter drops it as it does nothing
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    // Stryker disable next-line ConditionalExpression: an empty list kept in the map counts the same as none (memory only)
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }
}
