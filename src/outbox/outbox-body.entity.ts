import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';

/**
 * The part of messages that many recipients get word for word (a plan's weekly digest after each leader's greeting),
 * kept once. A message with a body is its own text, HTML and markdown followed by the body's.
 */
@Entity('outbox_bodies')
export class OutboxBody extends BaseEntity {
  /** SHA-256 of the three parts: the same body is written once, whoever writes it. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'text', nullable: true })
  markdown: string | null;
}
