import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import type { MessageRule } from './outbox-message.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';

/**
 * The unique key of one thing a message says: (rule, item, milestone, recipient, date). A message lists
 * one or more of these; a key that exists is never produced again, whichever instance or tick tries.
 * itemType is a list item type, or 'unit' (calls for reports) or 'leader' (digests); milestoneId 0 means none.
 */
@Entity('outbox_entries')
@Index(['recipient', 'sendDate', 'rule', 'itemType', 'itemId', 'milestoneId'], { unique: true })
@Index(['messageId'])
export class OutboxEntry extends BaseEntity {
  @Column({ type: 'integer' })
  messageId: number;

  @ManyToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'messageId' })
  message?: OutboxMessage;

  @Column({ type: 'varchar', length: 16 })
  rule: MessageRule;

  @Column({ type: 'varchar', length: 16 })
  itemType: string;

  @Column({ type: 'integer' })
  itemId: number;

  @Column({ type: 'integer', default: 0 })
  milestoneId: number;

  /** channel:address */
  @Column({ type: 'varchar', length: 520 })
  recipient: string;

  @Column({ type: 'date' })
  sendDate: string;
}
