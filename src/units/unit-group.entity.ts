import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { Plan } from '../plans/plan.entity.js';

/** A leadership group (领导小组), its office (办公室, e.g. 市无废办), or a working group (工作组 / 工作专班). */
export type UnitGroupKind = 'leadership' | 'office' | 'working';

/** A leadership group (领导小组) or working group (工作组) of a plan, with its lead and member units. */
@Entity('unit_groups')
@Index(['planId', 'name'], { unique: true })
export class UnitGroup extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: UnitGroupKind;

  @Column({ type: 'text', default: '' })
  duties: string;

  /** Who leads the group (组长) as the document writes it, a post rather than a unit ("市长", "市政府分管领导"); null when not stated. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  leader: string | null;

  /** Unit ids, in the document's order. */
  @Column({ type: 'simple-json' })
  leadUnitIds: number[];

  @Column({ type: 'simple-json' })
  memberUnitIds: number[];
}
