import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, LessThanOrEqual, MoreThan } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LoginAttempt } from './login-attempt.entity.js';

const WINDOW_MS = 15 * 60 * 1000;
/** Failures from one address over all user names before it too is held back. */
const ADDRESS_FACTOR = 4;
/** An attempt counts as in flight for at most this long: one left by an instance that stopped mid-check lapses. */
const TRYING_MS = 60 * 1000;

/** The rows of one attempt in flight, handed back to `finish`. */
export type AttemptTicket = number[];

/**
 * Counts failed logins per user name + address (and per address) in a 15-minute window; too many is 429.
 * An attempt counts from the moment it starts, before its password is checked: attempts in flight are counted
 * with the failures, so twenty guesses sent at once cannot all pass the check while the hashes are computed.
 * The attempts are rows of one table, so every instance of the service on the database counts the same ones;
 * the count and the new attempt's rows are written under a lock on the address (one transaction at a time on SQLite).
 */
@Injectable()
export class LoginLimiter {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts an attempt: throws 429 when this name or this address has failed (or is trying) too often lately,
   * else counts it as in flight until `finish` is called with its outcome.
   */
  async begin(username: string, address: string): Promise<AttemptTicket> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - WINDOW_MS);
    const limits: [string, number][] = [
      [this.key(username, address), this.config.loginMaxFailures],
      [`@${address}`, this.config.loginMaxFailures * ADDRESS_FACTOR],
    ];
    // Rows out of every window, whoever left them, so the table holds the last 15 minutes only.
    await this.dataSource.getRepository(LoginAttempt).delete({ at: LessThanOrEqual(windowStart) });
    return this.dataSource.transaction(async (manager) => {
      await lockAddress(manager, address);
      const attempts = manager.getRepository(LoginAttempt);
      // Stryker disable next-line ObjectLiteral,StringLiteral: rows out of the window were deleted just above and other keys are filtered below; SQLite reads them through the (attemptKey, at) index, in time order, with or without the order (kept for PostgreSQL)
      const rows = await attempts.find({ where: { attemptKey: In(limits.map(([key]) => key)), at: MoreThan(windowStart) }, order: { at: 'ASC', id: 'ASC' } });
      for (const [key, limit] of limits) {
        const failures = rows.filter((r) => r.attemptKey === key && r.state === 'failed');
        const trying = rows.filter((r) => r.attemptKey === key && r.state === 'trying' && r.at.getTime() > now.getTime() - TRYING_MS);
        if (failures.length + trying.length >= limit) {
          const retryAfter = failures.length ? Math.ceil((failures[0].at.getTime() + WINDOW_MS - now.getTime()) / 1000) : 1;
          throw new DomainError('TOO_MANY_REQUESTS', `登录失败次数过多，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`, [], { retryAfterSeconds: retryAfter });
        }
      }
      // Stryker disable next-line ArrayDeclaration: a placeholder element is a string, which no row's id equals, so finish's updates and deletes skip it
      const ticket: AttemptTicket = [];
      for (const [key] of limits) {
        const { identifiers } = await attempts.insert({ attemptKey: key, state: 'trying', at: now });
        ticket.push(identifiers[0].id as number);
      }
      return ticket;
    });
  }

  /** Ends an attempt: a failure stays counted for 15 minutes; a success clears the name's failures; null (the check itself broke) counts nothing. */
  async finish(ticket: AttemptTicket, username: string, address: string, succeeded: boolean | null): Promise<void> {
    const attempts = this.dataSource.getRepository(LoginAttempt);
    if (succeeded === false) {
      await attempts.update({ id: In(ticket) }, { state: 'failed', at: this.clock.now() });
      return;
    }
    await attempts.delete({ id: In(ticket) });
    if (succeeded) await attempts.delete({ attemptKey: this.key(username, address), state: 'failed' });
  }

  private key(username: string, address: string): string {
    // Stryker disable next-line MethodExpression: account names are ASCII (A-Za-z0-9._@-, user.dto), which upper and lower case group alike
    return `${username.toLowerCase()}@${address}`;
  }
}

/** Attempts from one address are counted one at a time across instances (SQLite's write lock does this already). */
async function lockAddress(manager: EntityManager, address: string): Promise<void> {
  // Stryker disable next-line all: PostgreSQL only, which the unit specs (SQLite) do not reach; without it test/abuse-auth.e2e-spec.ts's twenty guesses at once let 7 through on PostgreSQL instead of 3
  if (manager.connection.options.type === 'postgres') await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login:${address}`]);
}
