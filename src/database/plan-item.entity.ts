import { Column, JoinColumn, ManyToOne } from 'typeorm';
import type { ItemType } from '../common/item-type.js';
import { Plan } from '../plans/plan.entity.js';
import { BaseEntity } from './base.entity.js';

/** A row about one item (task, project, indicator or work step) of a plan: milestones, assignments, progress, notices, extensions, events. */
export abstract class PlanItemEntity extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'varchar', length: 16 })
  itemType: ItemType;

  @Column({ type: 'integer' })
  itemId: number;
}
