import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';

export type CalendarDayKind = 'holiday' | 'workday';
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'workday'];

/** A day the office adds to the official holiday data: a holiday (放假) or a make-up workday (调休上班). It overrides the package. */
@Entity('calendar_days')
export class CalendarDay extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CalendarDayKind;

  @Column({ type: 'varchar', length: 100, default: '' })
  name: string;
}
