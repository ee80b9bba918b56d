import type { FieldProblem } from '../common/domain-error.js';
import { type ColumnSpec, normalizeHeader, yearColumn } from './list-columns.js';

/** One data row of a list table, by column key, with the row number a clerk sees in Excel (1-based). */
export interface TableRecord {
  row: number;
  values: Record<string, string>;
  /** Baseline and target cells of indicator tables, with the year their header names. */
  yearValues: { role: 'baseline' | 'target'; year: number; header: string; text: string }[];
}

export interface ReadTable {
  records: TableRecord[];
  /** Total rows ("合计") as written, to check against the sum. */
  totals: { row: number; values: Record<string, string> }[];
  problems: FieldProblem[];
}

const TOTAL_ROW = /^(合计|总计|小计)$/;
const CATEGORY_ORDINAL = /^[（(]?[一二三四五六七八九十]+[)）、.．]\s*/;

function clean(cell: unknown): string {
  return String(cell ?? '').replace(/\r\n?/g, '\n').trim();
}

/**
 * Reads a list table laid out as offices keep it: a header row, data rows keyed by 序号, rows that hold only
 * a chapter or category title ("二、推广源头减量工艺…") setting the chapter of the rows below, and blank
 * category cells carried down from above.
 */
export interface ReadOptions {
  /**
   * A header merged over two columns, as the Jiangjin annex writes "任务内容" over the task group and the task text:
   * when the header's next cell is blank or the same, the first column is `first` and the second is `key`.
   */
  mergedHeader?: { key: string; first: string };
}

export function readTable(rawRows: unknown[][], columns: ColumnSpec[], options: ReadOptions = {}): ReadTable {
  const rows = rawRows.map((r) => r.map(clean));
  const problems: FieldProblem[] = [];
  const headerIndex = rows.findIndex((r) => r.some((c) => c !== ''));
  if (headerIndex < 0) {
    return { records: [], totals: [], problems: [{ field: '文件', row: 1, message: '文件为空，没有表头和数据' }] };
  }
  const header = rows[headerIndex];
  const columnOf = new Map<string, number>();
  const yearColumns: { index: number; role: 'baseline' | 'target'; year: number; header: string }[] = [];
  header.forEach((text, index) => {
    const normalized = normalizeHeader(text);
    const spec = columns.find((c) => c.headers.some((h) => normalizeHeader(h) === normalized));
    if (spec && !columnOf.has(spec.key)) {
      columnOf.set(spec.key, index);
      return;
    }
    const year = yearColumn(text) ?? bareYear(text, yearColumns.length === 0);
    if (year) yearColumns.push({ index, header: text, ...year });
  });
  const merged = options.mergedHeader;
  const spanned = merged ? columnOf.get(merged.key) : undefined;
  if (merged && spanned !== undefined && !columnOf.has(merged.first) && [header[spanned], ''].includes(header[spanned + 1] ?? '-')) {
    columnOf.set(merged.first, spanned);
    columnOf.set(merged.key, spanned + 1);
  }
  for (const spec of columns.filter((c) => c.required && !columnOf.has(c.key))) {
    problems.push({
      field: spec.headers[0],
      row: headerIndex + 1,
      value: header.filter((h) => h).join('、'),
      message: `缺少必需的列“${spec.headers[0]}”（表头第${headerIndex + 1}行）`,
    });
  }
  if (problems.length) return { records: [], totals: [], problems };

  const titleKey = columns.find((c) => c.carryDown)?.key;
  const carried: Record<string, string> = {};
  const records: TableRecord[] = [];
  const totals: ReadTable['totals'] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i];
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0) continue;
    const values: Record<string, string> = {};
    for (const [key, index] of columnOf) values[key] = cells[index] ?? '';
    const first = cells.find((c) => c !== '') ?? '';
    if (TOTAL_ROW.test(values.seq ?? first)) {
      totals.push({ row: i + 1, values });
      continue;
    }
    if (filled.length === 1 && !/^\d+$/.test(first) && titleKey) {
      // A title row: sets the chapter (or category) of the rows below and clears the carried groups under it.
      for (const spec of columns.filter((c) => c.carryDown)) delete carried[spec.key];
      // A chapter keeps its number as written; a category ("一、工程项目") is the name alone.
      carried[titleKey] = titleKey === 'chapter' ? first : first.replace(CATEGORY_ORDINAL, '');
      continue;
    }
    for (const spec of columns.filter((c) => c.carryDown)) {
      if (values[spec.key]) {
        if (values[spec.key] !== carried[spec.key]) {
          // A new value at this level clears the carried levels below it.
          const below = columns.slice(columns.indexOf(spec) + 1).filter((c) => c.carryDown);
          for (const b of below) if (!values[b.key]) delete carried[b.key];
        }
        carried[spec.key] = values[spec.key];
      } else if (carried[spec.key]) {
        values[spec.key] = carried[spec.key];
      }
    }
    const yearValues = yearColumns.map((y) => ({ role: y.role, year: y.year, header: y.header, text: cells[y.index] ?? '' }));
    records.push({ row: i + 1, values, yearValues });
  }
  return { records, totals, problems };
}

/** A header that is just a year ("2020年"): the first such column is the baseline, later ones targets. */
function bareYear(header: string, first: boolean): { role: 'baseline' | 'target'; year: number } | null {
  const match = /^(\d{4})年?$/.exec(normalizeHeader(header));
  if (!match) return null;
  return { role: first ? 'baseline' : 'target', year: Number(match[1]) };
}

/** Splits a cell of unit names on 、，,；; and drops empties and the unassigned placeholder. */
export function splitUnits(cell: string): { names: string[]; unassigned: boolean } {
  const parts = cell
    .split(/[、，,；;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const unassigned = parts.some((p) => UNASSIGNED.test(p));
  return { names: parts.filter((p) => !UNASSIGNED.test(p)), unassigned };
}

/** "暂未明确" and the like mean nobody is assigned yet: a gap to report, never a unit. */
export const UNASSIGNED = /^(暂未明确|待定|暂无|未明确)$/;
