import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { JobLease } from './job-lease.entity.js';
import { isUniqueViolation } from './unique-violation.js';

/**
 * Leases on scheduled work, so that of several instances on one database one does each piece while the others
 * leave it, and a piece left by an instance that stopped is taken up by another once its lease expires.
 */
@Injectable()
export class Leases {
  /** This instance, as lease rows name it. */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Takes the lease on (job, key) for `minutes` unless another instance holds one that has not expired; true when taken. */
  async take(job: string, key: string, minutes: number): Promise<boolean> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    const renewed = await this.dataSource
      .createQueryBuilder()
      .update(JobLease)
      .set({ holder: this.holder, expiresAt })
      .where('job = :job AND "leaseKey" = :key AND ("expiresAt" <= :now OR holder = :holder)', { job, key, now, holder: this.holder })
      .execute();
    if (renewed.affected) return true;
    try {
      await this.dataSource.getRepository(JobLease).insert({ job, leaseKey: key, holder: this.holder, expiresAt });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Gives the lease back (it expires now), if this instance still holds it. */
  async release(job: string, key: string): Promise<void> {
    await this.dataSource.getRepository(JobLease).update({ job, leaseKey: key, holder: this.holder }, { expiresAt: this.clock.now() });
  }

  /** Runs `work` holding the lease on (job, key); when another instance holds it, leaves the work to it (undefined). */
  async whileHolding<T>(job: string, key: string, minutes: number, work: () => Promise<T>): Promise<T | undefined> {
    if (!(await this.take(job, key, minutes))) return undefined;
    try {
      return await work();
    } finally {
      await this.release(job, key);
    }
  }
}
