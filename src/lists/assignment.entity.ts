import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';
import { Unit } from '../units/unit.entity.js';

export type AssignmentRole = 'lead' | 'support';
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = ['lead', 'support'];

/** One cell of the responsibility matrix (责任清单): a unit leads (牵头) or supports (配合) an item. */
@Entity('assignments')
@Index(['itemType', 'itemId', 'unitId'], { unique: true })
@Index(['planId', 'unitId'])
export class Assignment extends PlanItemEntity {
  @Column({ type: 'integer' })
  unitId: number;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unitId' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 16 })
  role: AssignmentRole;

  /** Order of the unit within its role, as the table lists them. */
  @Column({ type: 'integer', default: 0 })
  position: number;
}
