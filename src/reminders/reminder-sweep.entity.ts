import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';

/** How far the reminder sweep has looked: every date up to sweptThrough is done for this plan. */
@Entity('reminder_sweeps')
export class ReminderSweep extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'integer' })
  planId: number;

  @Column({ type: 'date' })
  sweptThrough: string;
}
