import { Column, Entity, Index } from 'typeorm';
import { ListItemEntity } from '../../database/list-item.entity.js';
import { numericTransformer } from '../../database/numeric.transformer.js';

export type IndicatorDirection = 'higher' | 'lower' | 'qualitative';
export const INDICATOR_DIRECTIONS: readonly IndicatorDirection[] = ['higher', 'lower', 'qualitative'];

/** ★ mandatory (必选) or ☆ local special (特色) indicator. */
export type IndicatorMark = 'mandatory' | 'local';

/** A target value for a year: the raw text as written, the number read from it, and what it applies to. */
export interface IndicatorTarget {
  year: number | null;
  text: string;
  value: number | null;
  /** "产废单位" for "95%（产废单位）"; null when the target applies to the whole indicator. */
  scope: string | null;
}

/** One indicator of a plan's goal list (目标清单). */
@Entity('indicators')
@Index(['planId', 'seq'], { unique: true })
export class Indicator extends ListItemEntity {
  @Column({ type: 'varchar', length: 200, default: '' })
  level1: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  level2: string;

  /** The indicator's name without its ★/☆ mark. */
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  mark: IndicatorMark | null;

  /** Unit of measure ("吨/万元", "%"). */
  @Column({ type: 'varchar', length: 50, default: '' })
  unit: string;

  @Column({ type: 'varchar', length: 16, default: 'qualitative' })
  direction: IndicatorDirection;

  @Column({ type: 'integer', nullable: true })
  baselineYear: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  baselineText: string;

  @Column({ type: 'numeric', precision: 18, scale: 6, nullable: true, transformer: numericTransformer })
  baselineValue: number | null;

  @Column({ type: 'simple-json' })
  targets: IndicatorTarget[];

  @Column({ type: 'text', default: '' })
  definition: string;

  @Column({ type: 'text', default: '' })
  formula: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  dataSource: string;

  @Column({ type: 'text', default: '' })
  note: string;
}
