import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import type { Channel } from '../units/unit-contact.entity.js';

/** What produced a message. */
export type MessageRule = 'before' | 'due' | 'overdue' | 'escalation' | 'monthly_call' | 'nudge' | 'digest' | 'signature';
/** signature: the office's reminder to sign for items (签收), sent when the office asks. */
export const MESSAGE_RULES: readonly MessageRule[] = ['before', 'due', 'overdue', 'escalation', 'monthly_call', 'nudge', 'digest', 'signature'];

/** pending: waiting for its next attempt; sending: an attempt is under way; sent; failed: given up (see lastError). */
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'failed';
export const MESSAGE_STATUSES: readonly MessageStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** One message to one recipient, written before any attempt to deliver it. */
@Entity('outbox_messages')
@Index(['status', 'nextAttemptAt'])
@Index(['planId', 'sendDate'])
export class OutboxMessage extends BaseEntity {
  /** The plan it is about; null for a digest covering several plans. */
  @Column({ type: 'integer', nullable: true })
  planId: number | null;

  @Column({ type: 'varchar', length: 16 })
  rule: MessageRule;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  /** Email address or webhook URL. */
  @Column({ type: 'varchar', length: 500 })
  recipient: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  recipientName: string;

  @Column({ type: 'integer', nullable: true })
  unitId: number | null;

  /** The calendar date it is for (plan time zone). */
  @Column({ type: 'date' })
  sendDate: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  /**
   * With a body (bodyId), this and html and markdown are the message's own beginning, and the body follows. With
   * content, all three are empty here and rendered from it (message-content.ts).
   */
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** Markdown for chat robots. */
  @Column({ type: 'text', nullable: true })
  markdown: string | null;

  /**
   * What a reminder says (its ReminderContent as JSON), rendered into text, HTML or markdown when it is sent or shown.
   * Kept instead of the rendered forms: a sweep writes a fraction of the bytes, and the rendering is the same.
   */
  @Column({ type: 'text', nullable: true })
  content: string | null;

  /** The shared rest of the message (OutboxBody), or null when text, html and markdown are all of it. */
  @Column({ type: 'integer', nullable: true })
  bodyId: number | null;

  @Column({ type: 'integer', default: 0 })
  itemCount: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: MessageStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Pending: when the next attempt may start. Sending: when the sender's claim lapses (see SenderService). */
  @Column({ type: Date, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: Date, nullable: true })
  sentAt: Date | null;

  /** Where it went: the SMTP server's reply, the .eml file, or the robot's answer. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  deliveredTo: string | null;
}
