import { Column, Entity, Index } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';
import type { MilestoneKind, MilestoneReading } from './milestone-reading.js';

/** A dated checkpoint (节点) of a task, project, indicator or work step. */
@Entity('milestones')
@Index(['itemType', 'itemId', 'seq'], { unique: true })
@Index(['planId', 'dueDate'])
// The few recurring milestones of a plan, found without reading the rest (reports on today walk only their events).
@Index(['planId'], { where: `"recurrence" IS NOT NULL` })
export class Milestone extends PlanItemEntity {
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  /** The due date before an approved extension (延期) moved it: what assessments score against. Null: never moved. */
  @Column({ type: 'date', nullable: true })
  baselineDate: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: MilestoneKind;

  @Column({ type: 'date', nullable: true })
  periodStart: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  recurrence: MilestoneReading['recurrence'];

  @Column({ type: 'varchar', length: 100, nullable: true })
  quantity: string | null;

  /** The phrase exactly as written. */
  @Column({ type: 'varchar', length: 300 })
  phrase: string;

  /** False: the office must confirm the reading. */
  @Column({ type: 'boolean' })
  certain: boolean;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;
}
