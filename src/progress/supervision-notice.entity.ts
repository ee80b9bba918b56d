import { Column, Entity, Index } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';

export type NoticeStatus = 'open' | 'answered';

/** A supervision notice (督办) the office issues on an item; the unit it is addressed to must answer. */
@Entity('supervision_notices')
@Index(['planId', 'itemType', 'itemId'])
export class SupervisionNotice extends PlanItemEntity {
  /** The unit that must answer (by default the item's first lead unit). */
  @Column({ type: 'integer' })
  unitId: number;

  @Column({ type: 'text' })
  content: string;

  /** The answer is due by this calendar date. */
  @Column({ type: 'date', nullable: true })
  answerBy: string | null;

  @Column({ type: 'integer' })
  issuedById: number;

  @Column({ type: 'date' })
  issuedDate: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: NoticeStatus;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'integer', nullable: true })
  answeredById: number | null;

  @Column({ type: 'date', nullable: true })
  answeredDate: string | null;
}
