import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { Plan } from './plan.entity.js';

/** A work step of the plan as a whole (工作步骤), e.g. the mid-term review; its dates are milestones. */
@Entity('plan_stages')
@Index(['planId', 'seq'], { unique: true })
export class PlanStage extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  content: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  deadlineText: string | null;
}
