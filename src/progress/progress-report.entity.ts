import { Column, Entity, Index } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';
import { numericTransformer } from '../database/numeric.transformer.js';
import type { AssignmentRole } from '../lists/assignment.entity.js';

export type ReportState = 'in_progress' | 'done';
export const REPORT_STATES: readonly ReportState[] = ['in_progress', 'done'];
export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned';

/** A unit's progress report (进展填报) on an item or one of its milestones. The lead unit's is the official one. */
@Entity('progress_reports')
@Index(['planId', 'itemType', 'itemId'])
@Index(['itemType', 'itemId', 'milestoneId', 'submittedDate', 'id'])
@Index(['itemType', 'itemId', 'unitId', 'submittedDate', 'id'])
export class ProgressReport extends PlanItemEntity {
  /** The milestone reported on; null: the item as a whole. */
  @Column({ type: 'integer', nullable: true })
  milestoneId: number | null;

  /** For a recurring milestone: the occurrence it is about (its original due date); null: not recurring. */
  @Column({ type: 'date', nullable: true })
  occurrence: string | null;

  @Column({ type: 'integer' })
  unitId: number;

  /** lead: the official report; support: a contribution. */
  @Column({ type: 'varchar', length: 16 })
  role: AssignmentRole;

  @Column({ type: 'integer' })
  authorId: number;

  @Column({ type: 'varchar', length: 16 })
  state: ReportState;

  /** Share done, 0-100 (given, or worked out from the quantities). */
  @Column({ type: 'integer', nullable: true })
  percent: number | null;

  /** e.g. 2 of the 3 new green factories. */
  @Column({ type: 'numeric', precision: 18, scale: 6, nullable: true, transformer: numericTransformer })
  quantityDone: number | null;

  @Column({ type: 'numeric', precision: 18, scale: 6, nullable: true, transformer: numericTransformer })
  quantityTotal: number | null;

  /** Projects: investment made so far, in 万元. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericTransformer })
  investmentDone: number | null;

  @Column({ type: 'text', default: '' })
  narrative: string;

  /** The reporting period (填报周期) the report covers. */
  @Column({ type: 'date', nullable: true })
  periodStart: string | null;

  @Column({ type: 'date', nullable: true })
  periodEnd: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ReportStatus;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  /** Calendar date of submission in the plan's time zone. */
  @Column({ type: 'date', nullable: true })
  submittedDate: string | null;

  @Column({ type: 'integer', nullable: true })
  reviewerId: number | null;

  @Column({ type: 'text', nullable: true })
  reviewComment: string | null;

  @Column({ type: Date, nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  reviewedDate: string | null;
}
