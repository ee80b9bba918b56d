import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Plan } from '../plans/plan.entity.js';

/**
 * The latest date of a plan's status events. Its StatusStates hold for any date on or after it; a report as of an
 * earlier date walks the events instead. A plan without one has no events.
 */
@Entity('status_marks')
export class StatusMark {
  @PrimaryColumn({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'date' })
  throughDate: string;
}
