// Pure rules of the progress form (进展填报): which milestones can be reported on, evidence files checked before upload,
// and the service's field errors placed beside the fields they name.
import type { Milestone } from '../api/models.js';
import { STATUS_NAMES } from './status.js';

/** The evidence kinds the service accepts, by extension (src/progress/evidence-types.ts), until GET /evidence/rules answers. */
export const EVIDENCE_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.ofd', '.zip'] as const;

/** The service's default EVIDENCE_MAX_BYTES (20 MB), until GET /evidence/rules answers with the configured one. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** What the service accepts as evidence (GET /api/v1/evidence/rules). */
export interface EvidenceRules {
  maxBytes: number;
  extensions: readonly string[];
}

export const DEFAULT_EVIDENCE_RULES: EvidenceRules = { maxBytes: EVIDENCE_MAX_BYTES, extensions: EVIDENCE_EXTENSIONS };

const KIND_NAMES: [string, string[]][] = [
  ['PDF', ['.pdf']],
  ['JPG', ['.jpg', '.jpeg']],
  ['PNG', ['.png']],
  ['Word', ['.doc', '.docx']],
  ['Excel', ['.xls', '.xlsx']],
  ['PPT', ['.ppt', '.pptx']],
  ['OFD', ['.ofd']],
  ['ZIP', ['.zip']],
];

/** The accepted kinds as people name them: "PDF、JPG、PNG、Word、Excel、PPT、OFD、ZIP"; an unknown extension by itself. */
export function evidenceKinds(extensions: readonly string[]): string {
  const known = KIND_NAMES.filter(([, exts]) => exts.some((e) => extensions.includes(e))).map(([name]) => name);
  const other = extensions.filter((e) => !KIND_NAMES.some(([, exts]) => exts.includes(e))).map((e) => e.slice(1).toUpperCase());
  return [...known, ...other].join('、');
}

/** 1536 → "1.5 KB"; 20971520 → "20 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Null when the file may be uploaded under the service's rules; otherwise why not, in Chinese. */
export function evidenceProblem(name: string, size: number, rules: EvidenceRules = DEFAULT_EVIDENCE_RULES): string | null {
  const match = /\.[A-Za-z0-9]{1,8}$/.exec(name);
  const extension = match ? match[0].toLowerCase() : '';
  if (!rules.extensions.includes(extension)) {
    return `“${name}”的类型不支持，可上传 ${evidenceKinds(rules.extensions)} 文件`;
  }
  if (size === 0) return `“${name}”是空文件`;
  if (size > rules.maxBytes) return `“${name}”有${formatSize(size)}，超过${formatSize(rules.maxBytes)}的上限`;
  return null;
}

export interface MilestoneOption {
  /** milestone id, and for a recurring milestone its occurrence: "12" or "12@2026-12-31". */
  value: string;
  milestoneId: number;
  occurrence: string | null;
  label: string;
  quantity: string | null;
  /** Closed or suspended milestones take no more reports. */
  disabled: boolean;
}

/** The milestones to choose from: the phrase, a recurring one's occurrence, its quantity, and whether it is still open. */
export function milestoneOptions(milestones: Milestone[]): MilestoneOption[] {
  return milestones.map((m) => {
    const closed = m.status === 'closed' || m.status === 'suspended';
    const occurrence = m.occurrence?.key ?? null;
    const parts = [m.phrase || '未写时限'];
    if (m.occurrence) parts[0] += `（${m.occurrence.label}）`;
    if (m.quantity) parts.push(m.quantity);
    if (closed) parts.push(STATUS_NAMES[m.status]);
    return {
      value: occurrence ? `${m.id}@${occurrence}` : String(m.id),
      milestoneId: m.id,
      occurrence,
      label: parts.join(' · '),
      quantity: m.quantity,
      disabled: closed,
    };
  });
}

/** The service's errors[] by field, several messages on one field joined; unknown fields go under "". */
export function messagesByField(errors: { field: string; message: string }[], known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = known.includes(e.field) ? e.field : '';
    out[key] = out[key] ? `${out[key]}；${e.message}` : e.message;
  }
  return out;
}
