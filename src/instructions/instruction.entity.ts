import { Column, Entity, Index } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';

/** A leader's instruction (批示) on an item: who gave it, on which day (plan time zone), and what it says. */
@Entity('instructions')
@Index(['planId', 'itemType', 'itemId'])
export class Instruction extends PlanItemEntity {
  @Column({ type: 'integer' })
  authorId: number;

  /** The author's display name when it was given (kept as written, even if the account changes later). */
  @Column({ type: 'varchar', length: 100 })
  authorName: string;

  /** leader or office. */
  @Column({ type: 'varchar', length: 16 })
  authorRole: string;

  @Column({ type: 'date' })
  issuedDate: string;

  @Column({ type: 'text' })
  content: string;
}
