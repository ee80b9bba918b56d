import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { Plan } from '../plans/plan.entity.js';

/** An evidence file's bytes kept in PostgreSQL (EVIDENCE_STORE=database), where every instance reaches them. */
@Entity('evidence_blobs')
export class EvidenceBlob extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  /** The key evidence_files.storageKey names. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ type: 'bytea' })
  bytes: Buffer;
}
