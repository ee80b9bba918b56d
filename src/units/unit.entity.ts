import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { Plan } from '../plans/plan.entity.js';

export type UnitKind = 'agency' | 'company' | 'group';
export const UNIT_KINDS: readonly UnitKind[] = ['agency', 'company', 'group'];

/** A responsible body (单位) within one plan: a bureau, a company, or a group name such as "各相关企业". */
@Entity('units')
@Index(['planId', 'name'], { unique: true })
export class Unit extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Other spellings the tables use for this unit ("江津区生态环境局" for "区生态环境局"). */
  @Column({ type: 'simple-json' })
  aliases: string[];

  @Column({ type: 'varchar', length: 16, default: 'agency' })
  kind: UnitKind;

  /** The liaison (联络员) who reports and receives reminders. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  liaisonName: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  liaisonPhone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  liaisonEmail: string | null;

  /** The head (负责人) who answers for the unit. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  headName: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  headPhone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  headEmail: string | null;
}
