import { Column, Entity, Index } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';

export type ExtensionStatus = 'pending' | 'approved' | 'refused';

/** A unit's request to move a milestone's deadline (延期申请), decided by the office. */
@Entity('extension_requests')
@Index(['planId', 'milestoneId'])
/** One pending request per milestone, whatever the engine and however many instances write. */
@Index(['milestoneId'], { unique: true, where: `"status" = 'pending'` })
export class ExtensionRequest extends PlanItemEntity {
  @Column({ type: 'integer' })
  milestoneId: number;

  /** For a recurring milestone: the occurrence it is about (its original due date); null: not recurring. */
  @Column({ type: 'date', nullable: true })
  occurrence: string | null;

  @Column({ type: 'integer' })
  unitId: number;

  @Column({ type: 'integer' })
  requestedById: number;

  /** The due date when the request was made. */
  @Column({ type: 'date', nullable: true })
  currentDueDate: string | null;

  /** The due date asked for. */
  @Column({ type: 'date' })
  requestedDueDate: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: ExtensionStatus;

  @Column({ type: 'integer', nullable: true })
  decidedById: number | null;

  @Column({ type: 'text', nullable: true })
  decisionComment: string | null;

  @Column({ type: 'date', nullable: true })
  decidedDate: string | null;
}
