import { Column, Entity, Index } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';

/**
 * What happened to a milestone (or to an item without milestones), kept forever so status can be
 * answered as of any past day.
 */
export type StatusEventKind =
  | 'started' // first progress reported
  | 'submitted' // the lead unit reports it done
  | 'returned' // the office sends a done report back
  | 'closed' // the office closes it out (销号)
  | 'reopened' // a close-out undone, with a reason
  | 'suspended'
  | 'resumed'
  | 'due_changed' // an approved extension moved the due date
  | 'waived'; // the office waived an occurrence of a recurring duty, with a reason

@Entity('status_events')
@Index(['planId', 'itemType', 'itemId'])
export class StatusEvent extends PlanItemEntity {
  /** Null: the event is on the item as a whole. */
  @Column({ type: 'integer', nullable: true })
  milestoneId: number | null;

  @Column({ type: 'varchar', length: 16 })
  kind: StatusEventKind;

  /** For a recurring milestone: the occurrence it is about (its original due date); null: not recurring. */
  @Column({ type: 'date', nullable: true })
  occurrence: string | null;

  /** The calendar date it happened, in the plan's time zone: what "as of" compares against. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: Date })
  at: Date;

  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ type: 'integer', nullable: true })
  reportId: number | null;

  /** due_changed: the due date before and after. */
  @Column({ type: 'date', nullable: true })
  fromDate: string | null;

  @Column({ type: 'date', nullable: true })
  toDate: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
