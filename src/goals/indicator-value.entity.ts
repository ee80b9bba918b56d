import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { numericTransformer } from '../database/numeric.transformer.js';
import { Indicator } from '../lists/indicators/indicator.entity.js';

export type Judgement = 'met' | 'not_met';

/** The actual value of an indicator for one period ("2023", "2024-06"), recorded by the office or a responsible unit. */
@Entity('indicator_values')
@Index(['indicatorId', 'period'], { unique: true })
export class IndicatorValue extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @Column({ type: 'integer' })
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicatorId' })
  indicator?: Indicator;

  /** "2023" for a year, "2023-06" for a month. */
  @Column({ type: 'varchar', length: 16 })
  period: string;

  @Column({ type: 'numeric', precision: 18, scale: 6, nullable: true, transformer: numericTransformer })
  value: number | null;

  /** A value that is not a number ("已建成", "完成"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  text: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The unit that recorded it; null when the office did. */
  @Column({ type: 'integer', nullable: true })
  unitId: number | null;

  @Column({ type: 'integer' })
  recordedById: number;

  /** The office's verdict where the target is text (or to overrule). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  judgement: Judgement | null;

  @Column({ type: 'integer', nullable: true })
  judgedById: number | null;
}
