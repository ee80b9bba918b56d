import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ItemType } from '../common/item-type.js';
import { Plan } from '../plans/plan.entity.js';

/**
 * The official (lead) report that stands from now on, per milestone, per occurrence of a recurring milestone, and
 * per item for reports on the item as a whole: standing-sql.ts over all time, kept by standing-store.ts in the
 * transaction of every change to a report. Reports as of a date on or after the plan's StandingMark read it instead
 * of walking the reports.
 */
@Entity('standing_reports')
@Index(['planId'])
@Index(['itemType', 'itemId'])
export class StandingReport {
  /** The progress report's own id. */
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'varchar', length: 16 })
  itemType: ItemType;

  @Column({ type: 'integer' })
  itemId: number;

  @Column({ type: 'integer', nullable: true })
  milestoneId: number | null;

  @Column({ type: 'date', nullable: true })
  occurrence: string | null;

  @Column({ type: 'integer', nullable: true })
  percent: number | null;

  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column({ type: 'date' })
  submittedDate: string;
}
