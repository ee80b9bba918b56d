import type { FieldProblem } from '../common/domain-error.js';
import { plainTextProblem } from '../common/plain-text.js';
import type { ColumnSpec } from './columns.js';
import { restoreNeutralised } from './formula-cells.js';
import { columnLetter } from './table-file.js';
import { type ColumnMapping, readHeader } from './table-header.js';

/** One data row of a list table, by column key, with the row number a clerk sees in Excel (1-based). */
export interface TableRecord {
  row: number;
  values: Record<string, string>;
  /** Baseline and target cells of indicator tables, with the year their header names. */
  yearValues: { role: 'baseline' | 'target'; year: number; header: string; text: string }[];
}

/** A row of the file that holds no item, and why (a blank row, a chapter title, a 合计 row …). */
export interface SkippedRow {
  row: number;
  reason: string;
}

export interface ReadTable {
  records: TableRecord[];
  /** Total rows ("合计") as written, to check against the sum. */
  totals: { row: number; values: Record<string, string> }[];
  /** Every row of the file other than the header that is not a record, with its reason. */
  skipped: SkippedRow[];
  /** The rows of the file other than the header row(s): records + skipped. */
  rows: number;
  /** The header as written of each field the sheet has. */
  headers: Map<string, string>;
  /** What the reader decided that the office should know (columns not imported …), in Chinese. */
  notes: string[];
  problems: FieldProblem[];
}

const TOTAL_ROW = /^(合计|总计|小计)$/;
const CATEGORY_ORDINAL = /^[（(]?[一二三四五六七八九十]+[)）、.．]\s*/;

/**
 * A cell as text: leading white space trimmed, then the apostrophe an export put before a formula-like start taken
 * off (after that trim, so a text that starts with a tab keeps it), then trailing white space trimmed (after taking
 * the apostrophe off, so a cell exported as "'" + a lone tab or line break reads back empty, not as "'"), line
 * breaks as LF.
 */
function clean(cell: unknown): string {
  const text = typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : '';
  return restoreNeutralised(text.trimStart()).trimEnd().replace(/\r\n?/g, '\n');
}

export interface ReadOptions {
  /**
   * A header merged over two columns, as the Jiangjin annex writes "任务内容" over the task group and the task text:
   * when the header's next cell is blank or the same, the first column is `first` and the second is `key`.
   */
  mergedHeader?: { key: string; first: string };
  /** Header as written → field, for sheets whose headers the reader does not know. */
  mapping?: ColumnMapping;
  /** A mapping header missing from the sheet is an error (a mapping given with the file) rather than passed over (a remembered one). */
  strictMapping?: boolean;
  /** Columns whose header names a year are baseline and target values (indicator tables). */
  yearColumns?: boolean;
}

/**
 * Reads a list table laid out as offices keep it: title rows, a header row (or two), data rows keyed by 序号, rows
 * that hold only a chapter or category title ("二、推广源头减量工艺…") setting the chapter of the rows below, and
 * blank category cells carried down from above. Every row after the header is a record or skipped with a reason;
 * a row with cells beyond the header is an error, never cut short.
 */
export function readTable(rawRows: unknown[][], columns: ColumnSpec[], options: ReadOptions = {}): ReadTable {
  const rows = rawRows.map((r) => Array.from(r, clean));
  const none = { records: [], totals: [], skipped: [], rows: 0, headers: new Map<string, string>(), notes: [] };
  const layout = readHeader(rows, columns, options);
  if (layout.headerIndex < 0) return { ...none, problems: [{ field: '文件', row: 1, message: '文件为空，没有表头和数据' }] };
  if (layout.problems.length) return { ...none, problems: layout.problems };
  const { header, columnOf, yearColumns, headerIndex } = layout;
  const firstHeader = headerIndex - layout.headerRows + 1;
  const headers = new Map([...columnOf].map(([key, index]) => [key, header[index]]));
  const problems: FieldProblem[] = [];
  const skipped: SkippedRow[] = [];
  for (let i = 0; i < firstHeader; i++) {
    const text = rows[i].find((c) => c !== '');
    skipped.push({ row: i + 1, reason: text ? `表头前的标题行“${text}”` : '空行（表头之前）' });
  }
  const width = header.reduce((last, text, index) => (text !== '' ? index + 1 : last), 0);
  const used = new Set([...columnOf.values(), ...yearColumns.map((y) => y.index)]);

  const titleKey = columns.find((c) => c.carryDown)?.key;
  const carried: Record<string, string> = {};
  const records: TableRecord[] = [];
  const totals: ReadTable['totals'] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i];
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0) {
      skipped.push({ row: i + 1, reason: '空行' });
      continue;
    }
    const extra: { text: string; index: number }[] = [];
    for (let index = width; index < cells.length; index++) if (cells[index] !== '') extra.push({ text: cells[index], index });
    if (extra.length) {
      problems.push({
        row: i + 1,
        field: `${columnLetter(extra[0].index + 1)}列`,
        value: extra.map((c) => c.text).join('、'),
        message:
          `第${i + 1}行有${extra.length}个单元格超出表头的${width}列：` +
          `${extra.map((c) => `${columnLetter(c.index + 1)}列“${c.text}”`).join('、')}，请检查是否错列或多了分隔符`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    for (const [key, index] of columnOf) values[key] = cells[index] ?? '';
    problems.push(...invisibleCharacters(i + 1, cells, header, columnOf, yearColumns, columns));
    const first = filled[0];
    if (TOTAL_ROW.test(values.seq ?? first) || TOTAL_ROW.test(first)) {
      totals.push({ row: i + 1, values });
      skipped.push({ row: i + 1, reason: `合计行“${first}”` });
      continue;
    }
    if (filled.length === 1 && !/^\d+$/.test(first) && titleKey) {
      // A title row: sets the chapter (or category) of the rows below and clears the carried groups under it.
      // Stryker disable next-line MethodExpression: only carried-down keys are ever in `carried`, so deleting the others changes nothing
      for (const spec of columns.filter((c) => c.carryDown)) delete carried[spec.key];
      // A chapter keeps its number as written; a category ("一、工程项目") is the name alone.
      carried[titleKey] = titleKey === 'chapter' ? first : first.replace(CATEGORY_ORDINAL, '');
      skipped.push({ row: i + 1, reason: `标题行“${first}”（作为下方各行的${columns.find((c) => c.key === titleKey)!.headers[0]}）` });
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
  const notes: string[] = [];
  header.forEach((text, index) => {
    if (text === '' || used.has(index) || layout.ignored.has(index)) return;
    const withText = records.filter((r) => (rows[r.row - 1][index] ?? '') !== '').length;
    if (withText === 0) return;
    notes.push(
      `${columnLetter(index + 1)}列“${text}”不是可识别的列，其中${withText}行的内容未导入；` + `如需导入，请用 mapping 指定它对应的字段（指定为空则不再提示）`,
    );
  });
  const dataRows = rows.length - layout.headerRows;
  // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: skipped is built in row order (rows above the header, then each row below it), so the sort keeps it as it is
  return { records, totals, skipped: skipped.sort((a, b) => a.row - b.row), rows: dataRows, headers, notes, problems };
}

/**
 * The API's rule for texts, applied to the cells of one row: no control, zero-width or bidirectional-override
 * characters (line feeds and tabs allowed, as in multi-line texts), and each unit name of a units cell a plain name, so
 * no lookalike unit is created by an import. Each problem names the row, the column and the code point.
 */
function invisibleCharacters(
  row: number,
  cells: string[],
  header: string[],
  columnOf: Map<string, number>,
  yearColumns: { index: number }[],
  columns: ColumnSpec[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const where = (index: number) => `第${row}行${columnLetter(index + 1)}列“${header[index]}”`;
  const checked: [ColumnSpec | undefined, number][] = [
    ...[...columnOf].map(([key, index]) => [columns.find((c) => c.key === key), index] as [ColumnSpec | undefined, number]),
    ...yearColumns.map((y) => [undefined, y.index] as [undefined, number]),
  ];
  for (const [spec, index] of checked) {
    const cell = cells[index] ?? '';
    // Stryker disable next-line ConditionalExpression: a shortcut; an empty cell has no unit names and no characters to refuse
    if (cell === '') continue;
    if (spec?.units) {
      for (const name of splitUnits(cell).names) {
        const problem = plainTextProblem(name);
        if (problem) problems.push({ row, field: header[index], value: name, message: `${where(index)}：单位名称“${name}”${problem}` });
      }
      continue;
    }
    // Cells of office tables keep their line breaks (Alt+Enter in Excel) in every column; only unit names are single-line.
    const problem = plainTextProblem(cell, true);
    if (problem) problems.push({ row, field: header[index], value: cell, message: `${where(index)}${problem}` });
  }
  return problems;
}

/** A trailing "等" (or "等单位", "等部门") marks an open list: the units are the names before it. */
const OPEN_LIST = /等(单位|部门|相关单位|有关单位)?$/;

/** Splits a cell of unit names on 、，,；; and drops empties, the unassigned placeholder and an open list's "等". */
export function splitUnits(cell: string): { names: string[]; unassigned: boolean } {
  const parts = cell
    .split(/[、，,；;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // Stryker disable next-line LogicalOperator: with || a list without 等 takes the branch and writes its last name back unchanged; an empty list tests undefined ("undefined" has no 等)
  if (parts.length && OPEN_LIST.test(parts[parts.length - 1])) {
    const last = parts[parts.length - 1].replace(OPEN_LIST, '').trim();
    if (last) parts[parts.length - 1] = last;
    else parts.pop();
  }
  const unassigned = parts.some((p) => UNASSIGNED.test(p));
  return { names: parts.filter((p) => !UNASSIGNED.test(p)), unassigned };
}

/** "暂未明确" and the like mean nobody is assigned yet: a gap to report, never a unit. */
export const UNASSIGNED = /^(暂未明确|待定|暂无|未明确)$/;
