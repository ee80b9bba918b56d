import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A counter per plan, moved on by every committed change to what its reports read (plan-revisions.ts); plan 0 counts
 * changes that name no plan. A report worked out at one revision holds until the next (reports/report-cache.ts).
 */
@Entity('plan_revisions')
export class PlanRevision {
  @PrimaryColumn({ type: 'integer' })
  planId: number;

  @Column({ type: 'integer' })
  revision: number;
}
