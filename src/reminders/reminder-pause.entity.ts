import { Column, Entity, Index } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';

/** The office has paused reminders for one item, with a reason. */
@Entity('reminder_pauses')
@Index(['itemType', 'itemId'], { unique: true })
@Index(['planId'])
export class ReminderPause extends PlanItemEntity {
  @Column({ type: 'varchar', length: 300 })
  reason: string;

  @Column({ type: 'integer' })
  pausedById: number;
}
