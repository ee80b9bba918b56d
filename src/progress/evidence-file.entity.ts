import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { ProgressReport } from './progress-report.entity.js';

/** A file attached to a progress report as evidence (佐证材料). The bytes live under EVIDENCE_DIR. */
@Entity('evidence_files')
@Index(['reportId'])
export class EvidenceFile extends BaseEntity {
  @Column({ type: 'integer' })
  reportId: number;

  @ManyToOne(() => ProgressReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportId' })
  report?: ProgressReport;

  @Column({ type: 'integer' })
  planId: number;

  /** The name as uploaded. */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Path under EVIDENCE_DIR; never shown. */
  @Column({ type: 'varchar', length: 200, select: false })
  storageKey: string;

  @Column({ type: 'integer' })
  uploadedById: number;
}
