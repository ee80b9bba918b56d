import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ItemType } from '../common/item-type.js';
import { Plan } from '../plans/plan.entity.js';
import type { Status } from './status.js';

/**
 * Where a milestone's events leave it (an EventFold, status.ts), kept as events are recorded (status-state-store.ts):
 * reports on a date on or after the plan's StatusMark read these instead of walking the events.
 */
@Entity('status_states')
@Index(['planId'])
export class StatusState {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  itemType: ItemType;

  @PrimaryColumn({ type: 'integer' })
  itemId: number;

  /** The milestone's id; 0 for the item as a whole (events on an item without milestones). */
  @PrimaryColumn({ type: 'integer' })
  milestoneKey: number;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'varchar', length: 16 })
  status: Status;

  @Column({ type: 'varchar', length: 16 })
  beforeSuspension: Status;

  /** The due date the last extension set. */
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'text', nullable: true })
  suspendedReason: string | null;

  @Column({ type: 'text', nullable: true })
  waivedReason: string | null;
}
