import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { Plan } from '../plans/plan.entity.js';

/** The column mapping an office gave when importing one list of a plan, used by that list's later imports. */
@Entity('import_mappings')
@Index(['planId', 'list'], { unique: true })
export class ImportMapping extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  /** tasks, projects or indicators. */
  @Column({ type: 'varchar', length: 16 })
  list: string;

  /** Header as written in the sheet → field name ('' leaves the column out). */
  @Column({ type: 'simple-json' })
  mapping: Record<string, string>;
}
