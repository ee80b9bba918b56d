import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { Readable } from 'node:stream';
import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EvidenceBlob } from './evidence-blob.entity.js';

/**
 * Where evidence files' bytes are kept, under keys <plan>/<report>/<random name><extension> (evidence_files holds
 * the key beside the file's name, type, size and hash). EVIDENCE_STORE chooses the store.
 */
export abstract class EvidenceStore {
  /** Keeps the bytes and returns their key; nothing half-written ever shows under a key. */
  abstract save(planId: number, reportId: number, extension: string, bytes: Buffer): Promise<string>;
  abstract open(key: string): Promise<Readable>;
  abstract remove(key: string): Promise<void>;
  /** Every evidence file of a plan, once the plan is deleted. */
  abstract removePlan(planId: number): Promise<void>;

  protected newKey(planId: number, reportId: number, extension: string): string {
    return `${planId}/${reportId}/${randomUUID()}${extension}`;
  }
}

/** Files under EVIDENCE_DIR (one machine): written to a temporary name first, then renamed. */
export class DirectoryEvidenceStore extends EvidenceStore {
  constructor(private readonly dir: string) {
    super();
  }

  async save(planId: number, reportId: number, extension: string, bytes: Buffer): Promise<string> {
    const key = this.newKey(planId, reportId, extension);
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.part`, bytes);
    await rename(`${path}.part`, path);
    return key;
  }

  open(key: string): Promise<Readable> {
    return Promise.resolve(createReadStream(this.path(key)));
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async removePlan(planId: number): Promise<void> {
    await rm(this.path(String(planId)), { recursive: true, force: true });
  }

  private path(key: string): string {
    const path = normalize(join(this.dir, key));
    if (!path.startsWith(normalize(this.dir))) throw new Error(`evidence key outside the evidence folder: ${key}`);
    return path;
  }
}

/** Rows of evidence_blobs in PostgreSQL, reached by every instance (a plan's go with it through its foreign key). */
export class DatabaseEvidenceStore extends EvidenceStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async save(planId: number, reportId: number, extension: string, bytes: Buffer): Promise<string> {
    const storageKey = this.newKey(planId, reportId, extension);
    await this.dataSource.getRepository(EvidenceBlob).insert({ planId, storageKey, bytes });
    return storageKey;
  }

  async open(key: string): Promise<Readable> {
    const blob = await this.dataSource.getRepository(EvidenceBlob).findOneBy({ storageKey: key });
    if (!blob) throw new NotFoundError('佐证材料内容', key);
    return Readable.from([blob.bytes]);
  }

  async remove(key: string): Promise<void> {
    await this.dataSource.getRepository(EvidenceBlob).delete({ storageKey: key });
  }

  async removePlan(planId: number): Promise<void> {
    await this.dataSource.getRepository(EvidenceBlob).delete({ planId });
  }
}

/** The store EVIDENCE_STORE names, for the modules that keep or serve evidence. */
export const EVIDENCE_STORE_PROVIDER: Provider = {
  provide: EvidenceStore,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource): EvidenceStore =>
    config.evidenceStore === 'database' ? new DatabaseEvidenceStore(dataSource) : new DirectoryEvidenceStore(config.evidenceDir),
};
