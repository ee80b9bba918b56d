// Pure rules of the import wizard (导入导出): the lists and sheet files it takes, which headers of a sheet need a field
// chosen, the mapping sent to the service, the errors of a dry run grouped for the table, and when the import may be
// confirmed. The service decides everything else (src/spreadsheets/import.service.ts); this only reads its answers.
import type { ImportError, ImportOutcome, ListName, MappingField } from '../api/models.js';

export const IMPORT_LISTS: readonly { value: ListName; title: string }[] = [
  { value: 'tasks', title: '任务清单' },
  { value: 'projects', title: '项目清单' },
  { value: 'indicators', title: '目标清单' },
];

export const listTitle = (list: ListName): string => IMPORT_LISTS.find((l) => l.value === list)?.title ?? list;

/** The sheet kinds the service reads. */
export const SHEET_EXTENSIONS = ['.xlsx', '.csv'] as const;

/** The service's default IMPORT_MAX_BYTES (10 MB); a lower setting there still answers with its own message. */
export const SHEET_MAX_BYTES = 10 * 1024 * 1024;

/** A field mapping value that leaves a column out (the service also takes '忽略', '不导入'). */
export const IGNORE_COLUMN = '';

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Null when the file may be uploaded; otherwise why not, in Chinese. */
export function sheetProblem(name: string, size: number, maxBytes = SHEET_MAX_BYTES): string | null {
  const extension = (/\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '').toLowerCase();
  if (extension === '.xls') return `“${name}”是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后上传`;
  if (!(SHEET_EXTENSIONS as readonly string[]).includes(extension)) return `“${name}”不是表格文件，只能上传 Excel（.xlsx）或 CSV 文件`;
  if (size === 0) return `“${name}”是空文件`;
  if (size > maxBytes) return `“${name}”有${sizeText(size)}，超过${sizeText(maxBytes)}的上限`;
  return null;
}

/** Spaces and line breaks out, brackets and colons ASCII: the service's rule for comparing headers (list-columns.ts). */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
}

/** The field a header names without a mapping, or null. */
export function fieldOfHeader(fields: readonly MappingField[], header: string): string | null {
  const normalized = normalizeHeader(header);
  if (!normalized) return null;
  return fields.find((f) => f.headers.some((h) => normalizeHeader(h) === normalized))?.field ?? null;
}

/** A header that names a year's baseline or target (indicator tables read these without a mapping). */
const yearHeader = (header: string) => /\d{4}/.test(header) && /现状|基准|基期|目标|规划|预期|^\d{4}年?$/.test(normalizeHeader(header));

const MISSING_COLUMN = /^缺少必需的列/;
const UNRECOGNISED_NOTE = /列“(.+?)”不是可识别的列/;
const UNKNOWN_UNIT = /未知单位/;

export interface HeaderCheck {
  /** Headers of the sheet that name no field the service knows, in sheet order: each needs a field chosen (or 不导入). */
  unknown: string[];
  /** Required fields the sheet has no column for, by their Chinese names. */
  missing: string[];
}

/**
 * Which headers need a field, read from the service's answer: a refused import names each missing required column
 * with the sheet's headers as its value ("序号、督办事项、牵头单位"); an accepted one notes every unrecognised column
 * that holds text. Headers already in `mapping` still count as unknown, so their choice stays editable.
 */
export function checkHeaders(fields: readonly MappingField[], outcome: ImportOutcome, list: ListName): HeaderCheck {
  const headers: string[] = [];
  const missing: string[] = [];
  for (const e of outcome.errors) {
    if (!MISSING_COLUMN.test(e.message)) continue;
    missing.push(e.column);
    for (const h of String(e.value ?? '').split('、')) if (h && !headers.includes(h)) headers.push(h);
  }
  for (const note of outcome.notes ?? []) {
    const header = UNRECOGNISED_NOTE.exec(note)?.[1];
    if (header && !headers.includes(header)) headers.push(header);
  }
  const unknown = headers.filter((h) => fieldOfHeader(fields, h) === null && !(list === 'indicators' && yearHeader(h)));
  return { unknown, missing };
}

/** Whether a refused import was refused for its header alone: the office can map columns and try again. */
export function isHeaderProblem(outcome: ImportOutcome): boolean {
  return !outcome.ok && outcome.errors.length > 0 && outcome.errors.every((e) => MISSING_COLUMN.test(e.message) || e.column === 'mapping');
}

/** The choices in the wizard (header → field, '' for 不导入, null for not chosen yet) as the mapping the service takes. */
export function mappingToSend(choices: Readonly<Record<string, string | null>>): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const [header, field] of Object.entries(choices)) if (field !== null && field !== undefined) mapping[header] = field;
  return mapping;
}

/** What keeps the chosen mapping from being tried, in Chinese; empty when it may be sent. */
export function mappingProblems(choices: Readonly<Record<string, string | null>>, fields: readonly MappingField[], check: HeaderCheck): string[] {
  const problems: string[] = [];
  const nameOf = (field: string) => fields.find((f) => f.field === field)?.name ?? field;
  const byField = new Map<string, string[]>();
  for (const [header, field] of Object.entries(choices)) {
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  for (const [field, headers] of byField) {
    if (headers.length > 1) problems.push(`“${headers.join('”和“')}”都对应到“${nameOf(field)}”，一个字段只能对应一列`);
  }
  const chosen = new Set(byField.keys());
  for (const name of check.missing) {
    const field = fields.find((f) => f.name === name)?.field;
    if (field && !chosen.has(field)) problems.push(`还没有哪一列对应到必需的“${name}”`);
  }
  return problems;
}

/** A remembered mapping as lines to show: header as written → the field's Chinese name (不导入 for an ignored one). */
export function mappingLines(mapping: Readonly<Record<string, string>> | null, fields: readonly MappingField[]): { header: string; field: string }[] {
  return Object.entries(mapping ?? {}).map(([header, value]) => {
    const known = fields.find((f) => f.field === value) ?? fields.find((f) => f.headers.some((h) => normalizeHeader(h) === normalizeHeader(value)));
    return { header, field: ['', 'ignore', '忽略', '不导入'].includes(value.trim()) ? '不导入' : (known?.name ?? value) };
  });
}

export interface ErrorGroups {
  /** Every error but unknown units, by row (errors without a row — the file, the header — first), then column. */
  rows: ImportError[];
  /** Unit names the plan does not have, each with the rows naming it. */
  unknownUnits: { name: string; rows: number[] }[];
}

/** The errors of a refused import, for the table and for the choice to create the unknown units. */
export function groupErrors(errors: readonly ImportError[]): ErrorGroups {
  const unknown = new Map<string, number[]>();
  const rows: ImportError[] = [];
  for (const e of errors) {
    if (UNKNOWN_UNIT.test(e.message) && (e.column === '牵头单位' || e.column === '配合单位')) {
      const name = String(e.value);
      const at = unknown.get(name) ?? [];
      if (e.row !== null && !at.includes(e.row)) at.push(e.row);
      unknown.set(name, at);
    } else rows.push(e);
  }
  rows.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { rows, unknownUnits: [...unknown].map(([name, at]) => ({ name, rows: at.sort((a, b) => a - b) })) };
}

/** "第12行" or "表头/文件" for an error with no row. */
export const rowLabel = (row: number | null): string => (row === null ? '—' : `第${row}行`);

/** What a dry run would do, in one line: "新增 2 项，更新 1 项，不变 80 项，跳过 6 行（标题行、空行）". */
export function countsLine(outcome: { created: number; updated: number; unchanged: number; skipped: number }): string {
  return `新增 ${outcome.created} 项，更新 ${outcome.updated} 项，不变 ${outcome.unchanged} 项，跳过 ${outcome.skipped} 行`;
}

export interface ConfirmState {
  /** The last dry run, or null before one. */
  dryRun: ImportOutcome | null;
  /** The file, mapping and unit choice the dry run was made with still chosen (nothing changed since). */
  current: boolean;
  busy: boolean;
  /** A column mapping goes with the import (confirming remembers it even when no row changes). */
  withMapping?: boolean;
}

/** Whether 确认导入 may be pressed, and if not why (shown beside the button). */
export function confirmState(state: ConfirmState): { allowed: boolean; reason: string } {
  const { dryRun } = state;
  if (state.busy) return { allowed: false, reason: '正在处理，请稍候' };
  if (!dryRun) return { allowed: false, reason: '请先上传表格并预检' };
  if (!state.current) return { allowed: false, reason: '表格或选项已改动，请重新预检' };
  if (!dryRun.ok) {
    const units = groupErrors(dryRun.errors);
    if (units.rows.length === 0 && units.unknownUnits.length > 0)
      return { allowed: false, reason: '表格中有方案没有的单位：勾选“自动新建这些单位”后重新预检，或改正单位名称后重新上传' };
    return { allowed: false, reason: '表格有错误，不能导入：请按下表改正后重新上传' };
  }
  if (dryRun.created + dryRun.updated === 0 && dryRun.unitsCreated.length === 0 && !state.withMapping)
    return { allowed: false, reason: '表格与现有清单完全相同，无需导入' };
  return { allowed: true, reason: '' };
}

/** The service's answer to an import as the wizard keeps it: an accepted one as is, a refused one (400) with its errors. */
export function outcomeOf(body: unknown, refused?: { message: string }): ImportOutcome {
  const b = (body ?? {}) as Partial<ImportOutcome>;
  const errors = Array.isArray(b.errors)
    ? b.errors.map((e) => ({
        row: typeof e.row === 'number' ? e.row : null,
        column: String(e.column ?? (e as { field?: string }).field ?? ''),
        value: e.value ?? null,
        message: String(e.message ?? ''),
      }))
    : [];
  return {
    ok: !refused,
    message: refused?.message ?? '',
    rows: b.rows ?? 0,
    created: b.created ?? 0,
    updated: b.updated ?? 0,
    unchanged: b.unchanged ?? 0,
    skipped: b.skipped ?? 0,
    skippedRows: b.skippedRows ?? [],
    notes: b.notes ?? [],
    mapping: b.mapping ?? null,
    dryRun: b.dryRun ?? true,
    unitsCreated: b.unitsCreated ?? [],
    errors,
  };
}

/** The service's message without the hint meant for API callers ("请使用 createUnits=true"): the wizard offers a checkbox. */
export function messageForOffice(message: string): string {
  return message.replace(/（如需自动新建这些单位，请使用 createUnits=true）/, '');
}

/**
 * The field a remembered mapping gives a header (compared as the service compares headers), or null. A mapping sent
 * with the file replaces the remembered one, so the wizard starts each unknown header from what was remembered.
 */
export function rememberedChoice(mapping: Readonly<Record<string, string>> | null, header: string): string | null {
  const normalized = normalizeHeader(header);
  const entry = Object.entries(mapping ?? {}).find(([h]) => normalizeHeader(h) === normalized);
  return entry ? entry[1] : null;
}
