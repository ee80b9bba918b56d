import type { FieldProblem } from '../common/domain-error.js';
import { columnLetter } from './table-file.js';
import { type ColumnSpec, normalizeHeader, yearColumn } from './columns.js';

/** A column mapping: header as written in the sheet → the field it holds (a key, or any header that names it); '' ignores it. */
export type ColumnMapping = Record<string, string>;

/** A year column of an indicator table: baseline or target of the year its header names. */
export interface YearColumn {
  index: number;
  role: 'baseline' | 'target';
  year: number;
  header: string;
}

export interface HeaderLayout {
  /** 0-based index of the (last) header row. */
  headerIndex: number;
  /** Rows that form the header (1 or 2: a two-row header splitting "责任单位" into 牵头单位 | 配合单位). */
  headerRows: number;
  /** The header cell of each column as read (the lower cell of a two-row header where it has one). */
  header: string[];
  columnOf: Map<string, number>;
  yearColumns: YearColumn[];
  /** Columns deliberately left out by the mapping. */
  ignored: Set<number>;
  problems: FieldProblem[];
}

/** Values a mapping may give to leave a column out. */
const IGNORE = new Set(['', 'ignore', '忽略', '不导入']);
/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 10;

/** The spec a header text means, or null. */
function specFor(columns: ColumnSpec[], text: string): ColumnSpec | null {
  const normalized = normalizeHeader(text);
  if (normalized === '') return null;
  return columns.find((c) => c.headers.some((h) => normalizeHeader(h) === normalized)) ?? null;
}

/** A header that is just a year ("2020年"): the first such column is the baseline, later ones targets. */
function bareYear(header: string, first: boolean): { role: 'baseline' | 'target'; year: number } | null {
  const match = /^(\d{4})年?$/.exec(normalizeHeader(header));
  if (!match) return null;
  return { role: first ? 'baseline' : 'target', year: Number(match[1]) };
}

/** What a mapping value stands for: a field key, a header naming a field, or a year column header. */
export function resolveMappingValue(
  columns: ColumnSpec[],
  value: string,
  yearColumns: boolean,
): { ignore: true } | { key: string } | { year: { role: 'baseline' | 'target'; year: number }; header: string } | null {
  const text = String(value ?? '').trim();
  if (IGNORE.has(text.toLowerCase())) return { ignore: true };
  const byKey = columns.find((c) => c.key === text);
  if (byKey) return { key: byKey.key };
  const spec = specFor(columns, text);
  if (spec) return { key: spec.key };
  const year = yearColumns ? yearColumn(text) : null;
  return year ? { year, header: text } : null;
}

/** The fields a mapping may name, for messages: "seq（序号）、content（任务内容）…". */
export function fieldList(columns: ColumnSpec[]): string {
  return columns.map((c) => `${c.key}（${c.headers[0]}）`).join('、');
}

/** Mapping entries whose value names no field: each a problem naming header and value. */
export function mappingValueProblems(columns: ColumnSpec[], mapping: ColumnMapping, yearColumns: boolean): FieldProblem[] {
  return Object.entries(mapping)
    .filter(([, value]) => typeof value !== 'string' || resolveMappingValue(columns, value, yearColumns) === null)
    .map(([header, value]) => ({
      field: 'mapping',
      value: `${header}: ${String(value)}`,
      message: `列对应关系中“${header}”对应的“${String(value)}”不是可导入的字段，可选：${fieldList(columns)}${yearColumns ? '，或带年份的现状值/目标值表头（如“现状值（2020年）”）' : ''}，留空则不导入该列`,
    }));
}

/**
 * Finds the header row (below any title rows), a second header row under it, and which column holds which field:
 * the mapping first, then the headers the specs know, then the year columns of indicator tables.
 */
export function readHeader(
  rows: string[][],
  columns: ColumnSpec[],
  options: { mapping?: ColumnMapping; strictMapping?: boolean; yearColumns?: boolean; mergedHeader?: { key: string; first: string } },
): HeaderLayout {
  const mapping = new Map(Object.entries(options.mapping ?? {}).map(([header, value]) => [normalizeHeader(header), { header, value }]));
  const known = (text: string) => mapping.has(normalizeHeader(text)) || specFor(columns, text) !== null;
  const filledRows = rows.map((r, i) => [r, i] as const).filter(([r]) => r.some((c) => c !== ''));
  const candidates = filledRows.slice(0, HEADER_SEARCH_ROWS);
  const required = columns.filter((c) => c.required);
  const looksLikeHeader = (r: string[]) =>
    r.filter(known).length >= 2 || r.some((c) => required.some((s) => s === specFor(columns, c)) || mapping.has(normalizeHeader(c)));
  const headerIndex = (candidates.find(([r]) => looksLikeHeader(r)) ?? filledRows[0] ?? [[], -1])[1];
  const layout: HeaderLayout = { headerIndex, headerRows: 1, header: [], columnOf: new Map(), yearColumns: [], ignored: new Set(), problems: [] };
  if (headerIndex < 0) return layout;

  // A second header row: every filled cell a known header or the merged cell above, and at least one new header.
  let header = [...rows[headerIndex]];
  const below = rows[headerIndex + 1];
  if (below && below.some((c, i) => c !== '' && c !== header[i]) && below.every((c, i) => c === '' || c === header[i] || known(c))) {
    header = Array.from({ length: Math.max(header.length, below.length) }, (_, i) => (below[i] ? below[i] : (header[i] ?? '')));
    layout.headerIndex = headerIndex + 1;
    layout.headerRows = 2;
  }
  layout.header = header;

  const { columnOf, yearColumns } = layout;
  const seen = new Set<string>();
  // The mapping decides first.
  header.forEach((text, index) => {
    const entry = mapping.get(normalizeHeader(text));
    if (!entry || text === '') return;
    seen.add(normalizeHeader(text));
    const target = resolveMappingValue(columns, entry.value, options.yearColumns ?? false);
    if (!target || 'ignore' in target) {
      layout.ignored.add(index);
      return;
    }
    if ('key' in target) {
      const taken = columnOf.get(target.key);
      if (taken === undefined) columnOf.set(target.key, index);
      else {
        layout.ignored.add(index);
        layout.problems.push({
          field: 'mapping',
          row: layout.headerIndex + 1,
          value: text,
          message: `列对应关系把“${header[taken]}”和“${text}”都对应到字段 ${target.key}，一个字段只能对应一列`,
        });
      }
    } else yearColumns.push({ index, header: entry.value, ...target.year });
  });
  if (options.strictMapping) {
    for (const [normalized, { header: written }] of mapping) {
      if (seen.has(normalized)) continue;
      layout.problems.push({
        field: 'mapping',
        row: layout.headerIndex + 1,
        value: written,
        message: `列对应关系中的表头“${written}”不在表格中（表头第${layout.headerIndex + 1}行：${header.filter((h) => h).join('、')}）`,
      });
    }
  }
  // Then the headers the specs know, and year columns.
  header.forEach((text, index) => {
    if (layout.ignored.has(index) || [...columnOf.values()].includes(index) || yearColumns.some((y) => y.index === index)) return;
    const spec = specFor(columns, text);
    if (spec && !columnOf.has(spec.key)) {
      columnOf.set(spec.key, index);
      return;
    }
    if (!options.yearColumns) return;
    const year = yearColumn(text) ?? bareYear(text, yearColumns.length === 0);
    if (year) yearColumns.push({ index, header: text, ...year });
  });
  // A field with no column of its own takes a fallback header another field claimed ("重点任务" alone is the task text).
  for (const spec of columns.filter((c) => c.fallback && !columnOf.has(c.key))) {
    const fallback = new Set(spec.fallback!.map(normalizeHeader));
    for (const [key, index] of columnOf) {
      if (fallback.has(normalizeHeader(header[index])) && !mapping.has(normalizeHeader(header[index]))) {
        columnOf.delete(key);
        columnOf.set(spec.key, index);
        break;
      }
    }
  }
  const merged = options.mergedHeader;
  const spanned = merged ? columnOf.get(merged.key) : undefined;
  if (merged && spanned !== undefined && !columnOf.has(merged.first) && [header[spanned], ''].includes(header[spanned + 1] ?? '-')) {
    columnOf.set(merged.first, spanned);
    columnOf.set(merged.key, spanned + 1);
  }
  const missing = columns.filter((c) => c.required && !columnOf.has(c.key));
  const found = header.map((h, i) => (h ? `${columnLetter(i + 1)}列“${h}”` : '')).filter((h) => h);
  for (const spec of missing) {
    layout.problems.push({
      field: spec.headers[0],
      row: layout.headerIndex + 1,
      value: header.filter((h) => h).join('、'),
      message:
        `缺少必需的列“${spec.headers[0]}”（表头第${layout.headerIndex + 1}行）。表中的表头：${found.join('、') || '无'}；` +
        `需要的列：${missing.map((m) => m.headers[0]).join('、')}（“${spec.headers[0]}”也可写作：${spec.headers.slice(1, 8).join('、')}）。` +
        `表头写法不同时，可用 mapping 参数指定，如 {"${header.find((h) => h && !specFor(columns, h)) ?? '表头'}":"${spec.key}"}`,
    });
  }
  return layout;
}
