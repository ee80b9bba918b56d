import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EvidenceFile } from './evidence-file.entity.js';
import { EvidenceStore } from './evidence-store.js';
import { EVIDENCE_TYPES, evidenceProblem, extensionOf } from './evidence-types.js';
import { ProgressService, type ReportView } from './progress.service.js';

/** Evidence files (佐证材料) of progress reports: added while the report is the unit's to change, read by whoever may read it. */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('Evidence');

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly progress: ProgressService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the report is the caller's to change before the upload is read (up to EVIDENCE_MAX_BYTES). */
  async add(actor: Actor, planId: number, reportId: number, read: (maxBytes: number) => Promise<{ filename: string; buffer: Buffer }>): Promise<ReportView> {
    const report = await this.progress.editable(this.dataSource.manager, actor, planId, reportId);
    const { filename: fileName, buffer: bytes } = await read(this.config.evidenceMaxBytes);
    const problem = evidenceProblem(fileName, bytes);
    if (problem) throw new DomainError('UNSUPPORTED_FILE', `佐证材料“${fileName}”未上传：${problem}`, [{ field: 'file', value: fileName, message: problem }]);
    const extension = extensionOf(fileName);
    const key = await this.store.save(planId, report.id, extension, bytes);
    try {
      await this.dataSource.getRepository(EvidenceFile).save({
        reportId: report.id,
        planId,
        fileName: fileName.slice(0, 255),
        mimeType: EVIDENCE_TYPES[extension].mimeType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey: key,
        uploadedById: actor.userId,
      });
    } catch (error) {
      await this.store.remove(key);
      throw error;
    }
    this.logger.log(`Evidence "${fileName}" (${bytes.length} bytes) added to report ${report.id}`);
    return this.progress.get(actor, planId, reportId);
  }

  async open(actor: Actor, planId: number, reportId: number, fileId: number): Promise<{ file: EvidenceFile; stream: Readable }> {
    await this.progress.readable(this.dataSource.manager, actor, planId, reportId);
    const file = await this.file(reportId, fileId);
    return { file, stream: await this.store.open(file.storageKey) };
  }

  async remove(actor: Actor, planId: number, reportId: number, fileId: number): Promise<void> {
    await this.progress.editable(this.dataSource.manager, actor, planId, reportId);
    const file = await this.file(reportId, fileId);
    await this.dataSource.getRepository(EvidenceFile).delete({ id: file.id });
    await this.store.remove(file.storageKey);
  }

  private async file(reportId: number, fileId: number): Promise<EvidenceFile> {
    const file = await this.dataSource
      .getRepository(EvidenceFile)
      .createQueryBuilder('f')
      .addSelect('f.storageKey')
      .where('f.id = :fileId AND f.reportId = :reportId', { fileId, reportId })
      .getOne();
    if (!file) throw new NotFoundError('佐证材料', fileId);
    return file;
  }
}
