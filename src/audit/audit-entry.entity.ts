import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';

/** One change: who, when, what, and the row before and after (secrets left out). */
@Entity('audit_entries')
@Index(['planId', 'at'])
@Index(['entityType', 'entityId'])
export class AuditEntry extends BaseEntity {
  @Column({ type: Date })
  at: Date;

  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  /** User name, or "system" for seeds, migrations and the CLI. */
  @Column({ type: 'varchar', length: 64 })
  actorName: string;

  /** insert, update, delete, or a named action such as import. */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  /** The table changed ("tasks"). */
  @Column({ type: 'varchar', length: 64 })
  entityType: string;

  @Column({ type: 'integer', nullable: true })
  entityId: number | null;

  @Column({ type: 'integer', nullable: true })
  planId: number | null;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;
}
