import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Plan } from '../plans/plan.entity.js';

/**
 * A counter per plan, moved on by every committed change to what its reports read (plan-revisions.ts). A report
 * worked out at one revision holds until the next (reports/report-cache.ts).
 */
@Entity('plan_revisions')
export class PlanRevision {
  @PrimaryColumn({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'integer' })
  revision: number;
}
