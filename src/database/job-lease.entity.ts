import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity.js';

/**
 * A lease on a piece of scheduled work (a plan's reminder sweep, the weekly digest run): the instance holding it does
 * the work; the others leave it. A lease that expired (its holder stopped mid-way) can be taken by any instance.
 */
@Entity('job_leases')
@Index(['job', 'leaseKey'], { unique: true })
export class JobLease extends BaseEntity {
  /** The kind of work: reminder-sweep, digest. */
  @Column({ type: 'varchar', length: 32 })
  job: string;

  /** Which one: the plan's id for a sweep. */
  @Column({ type: 'varchar', length: 64 })
  leaseKey: string;

  /** The instance holding it (host, process and a random part). */
  @Column({ type: 'varchar', length: 128 })
  holder: string;

  @Column({ type: Date })
  expiresAt: Date;
}
