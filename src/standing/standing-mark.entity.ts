import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Plan } from '../plans/plan.entity.js';

/**
 * The latest date of a plan's report facts (a submission, a review). StandingReport and UnitReportDate hold for any
 * date on or after it; a report as of an earlier date walks the reports instead. A plan without one has no reports.
 */
@Entity('standing_marks')
export class StandingMark {
  @PrimaryColumn({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'date' })
  throughDate: string;
}
