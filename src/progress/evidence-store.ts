import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** The evidence files' bytes, kept under EVIDENCE_DIR as <plan>/<report>/<random name>. */
@Injectable()
export class EvidenceStore {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Writes the bytes (to a temporary name first, so a half-written file never shows) and returns its key. */
  async save(planId: number, reportId: number, extension: string, bytes: Buffer): Promise<string> {
    const key = `${planId}/${reportId}/${randomUUID()}${extension}`;
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.part`, bytes);
    await rename(`${path}.part`, path);
    return key;
  }

  open(key: string): ReadStream {
    return createReadStream(this.path(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Every evidence file of a plan (its folder), once the plan is deleted. */
  async removePlan(planId: number): Promise<void> {
    await rm(this.path(String(planId)), { recursive: true, force: true });
  }

  private path(key: string): string {
    const path = normalize(join(this.config.evidenceDir, key));
    if (!path.startsWith(normalize(this.config.evidenceDir))) throw new Error(`evidence key outside the evidence folder: ${key}`);
    return path;
  }
}
