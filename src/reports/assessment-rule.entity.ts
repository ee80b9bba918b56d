import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { Plan } from '../plans/plan.entity.js';

/**
 * How a plan scores its units in the yearly assessment (考核). The weights are points out of their sum; a part
 * with nothing to measure for a unit gives its weight to the others. A plan without a row uses the defaults.
 */
@Entity('assessment_rules')
export class AssessmentRule extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  /** On-time close-out against the original deadlines. */
  @Column({ type: 'integer', default: 50 })
  onTimeWeight: number;

  /** Reporting punctuality: months with a progress report on each open item it leads. */
  @Column({ type: 'integer', default: 30 })
  reportingWeight: number;

  /** Supervision notices answered by their answer-by date. */
  @Column({ type: 'integer', default: 20 })
  noticesWeight: number;

  /** Points taken off per item the unit holds and has never reported on. */
  @Column({ type: 'integer', default: 2 })
  silencePenalty: number;
}
