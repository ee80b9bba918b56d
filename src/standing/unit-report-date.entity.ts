import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ItemType } from '../common/item-type.js';
import { Plan } from '../plans/plan.entity.js';

/** The last day a unit submitted a report on an item, kept with StandingReport (standing-store.ts). */
@Entity('unit_report_dates')
@Index(['planId'])
export class UnitReportDate {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  itemType: ItemType;

  @PrimaryColumn({ type: 'integer' })
  itemId: number;

  @PrimaryColumn({ type: 'integer' })
  unitId: number;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'date' })
  lastDate: string;
}
