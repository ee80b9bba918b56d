import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { Plan } from '../plans/plan.entity.js';

/** A plan's reminder rules (催办规则). A plan without a row uses DEFAULT_REMINDER_RULES. */
@Entity('reminder_settings')
export class ReminderSettings extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Days before a milestone's deadline when its lead units' liaisons are reminded. */
  @Column({ type: 'simple-json' })
  beforeDays: number[];

  @Column({ type: 'boolean', default: true })
  onDueDay: boolean;

  /** Weekday (1 Monday … 7 Sunday) of the weekly reminder while overdue. */
  @Column({ type: 'integer', default: 1 })
  overdueWeekday: number;

  /** From this many days overdue the supervising leader and the office hear too; 0: never. */
  @Column({ type: 'integer', default: 30 })
  escalateAfterDays: number;

  /** Day of the month of the call for progress reports; 0: none. */
  @Column({ type: 'integer', default: 25 })
  monthlyCallDay: number;

  /** Days after the monthly call when units that have not reported are nudged; 0: never. */
  @Column({ type: 'integer', default: 5 })
  nudgeAfterDays: number;

  /** Local time (HH:MM, plan time zone) messages go out. */
  @Column({ type: 'varchar', length: 5, default: '09:00' })
  sendTime: string;

  /** Weekday (1 Monday … 7 Sunday) and local time of the leaders' digest. */
  @Column({ type: 'integer', default: 1 })
  digestWeekday: number;

  @Column({ type: 'varchar', length: 5, default: '09:00' })
  digestTime: string;
}
