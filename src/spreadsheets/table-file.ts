import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import type { FieldProblem } from '../common/domain-error.js';
import { checkZip, type ZipFacts } from './zip-guard.js';

export interface TableFile {
  rows: string[][];
  problems: FieldProblem[];
  /** Refused for its size (inflated bytes, rows, cells): answered 413. */
  tooLarge?: boolean;
}

/** "A", "B" … for a 1-based column number, as Excel names columns. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A CSV saved by Chinese Excel is GB18030/GBK; others are UTF-8 with or without BOM. */
export function decodeCsv(buffer: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(buffer, 'gb18030');
  }
}

function isXlsx(buffer: Buffer, filename: string): boolean {
  return /\.xlsx$/i.test(filename) || (buffer.length > 3 && buffer[0] === 0x50 && buffer[1] === 0x4b);
}

/** How much of a table an import reads before refusing it (IMPORT_MAX_INFLATED_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_CELLS). */
export interface TableLimits {
  /** Bytes an XLSX package may inflate to, all its parts together. */
  maxInflatedBytes: number;
  /** Rows of the sheet, header and title rows included (the row number a clerk sees). */
  maxRows: number;
  /** Cells of the sheet, counting each row as wide as its last cell. */
  maxCells: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = { maxInflatedBytes: 100 * 1024 * 1024, maxRows: 20_000, maxCells: 1_000_000 };

const fileProblem = (filename: string, message: string, row?: number): FieldProblem => ({ field: '文件', value: filename, message, ...(row ? { row } : {}) });

/** Counts rows and cells as they are read, and says which row passed a cap. */
class TableBudget {
  private cells = 0;

  constructor(
    private readonly limits: TableLimits,
    private readonly filename: string,
  ) {}

  /** A problem when row `row` (1-based), `width` cells wide, takes the table past a cap. */
  take(row: number, width: number): FieldProblem | null {
    if (row > this.limits.maxRows) {
      return fileProblem(this.filename, `表格超过${this.limits.maxRows}行的导入上限（第${row}行起超出），请分成几个文件导入`, row);
    }
    this.cells += width;
    if (this.cells > this.limits.maxCells) {
      return fileProblem(this.filename, `表格超过${this.limits.maxCells}个单元格的导入上限（到第${row}行超出，每行按最后一个单元格计宽度），请删去多余的列或分成几个文件导入`, row);
    }
    return null;
  }
}

/**
 * Reads the first sheet of an XLSX file, or a CSV file, into rows of text cells. Formula cells are refused; a file
 * past the limits is refused as soon as it passes them (`tooLarge`), before it is read whole.
 */
export async function readTableFile(buffer: Buffer, filename: string, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<TableFile> {
  if (buffer.length === 0) return { rows: [], problems: [fileProblem(filename, '文件为空')] };
  if (isXlsx(buffer, filename)) return readXlsx(buffer, filename, limits);
  if (!/\.(csv|txt)$/i.test(filename) && filename !== '') {
    return { rows: [], problems: [fileProblem(filename, `不支持的文件类型“${filename}”，请上传 .xlsx 或 .csv 文件`)] };
  }
  let rows: string[][];
  try {
    // One line ending throughout: csv-parse takes the first line's ending as the record delimiter, so rows appended
    // with LF to a CRLF file (files joined together), or an old Mac file's lone CRs, would otherwise run together.
    const text = decodeCsv(buffer).replace(/\r\n?/g, '\n');
    // Parsing stops one record past the row cap: a file of millions of rows costs no more than the cap.
    rows = parse(text, { relax_column_count: true, skip_empty_lines: false, to: limits.maxRows + 1 }) as string[][];
  } catch (error) {
    return { rows: [], problems: [fileProblem(filename, `CSV 格式有误：${(error as Error).message}`)] };
  }
  const budget = new TableBudget(limits, filename);
  for (let i = 0; i < rows.length; i++) {
    const problem = budget.take(i + 1, rows[i].length);
    if (problem) return { rows: [], problems: [problem], tooLarge: true };
  }
  return { rows, problems: [] };
}

/** The worksheet Excel shows first, as the zip check found it; without that, the first the reader meets. */
function isFirstSheet(sheet: { id: number | string; name?: string }, facts: ZipFacts): boolean {
  const first = facts.firstSheet;
  if (!first) return true;
  return sheet.name !== undefined ? sheet.name === first.name : `xl/worksheets/sheet${sheet.id}.xml` === first.part;
}

async function readXlsx(buffer: Buffer, filename: string, limits: TableLimits): Promise<TableFile> {
  const unreadable = `无法读取 Excel 文件“${filename}”，请确认是 .xlsx 格式`;
  const check = await checkZip(buffer, limits.maxInflatedBytes);
  if (!check.ok) {
    const message = check.tooLarge ? `Excel 文件“${filename}”${check.message}` : `${unreadable}：文件${check.message}`;
    return { rows: [], problems: [fileProblem(filename, message)], tooLarge: check.tooLarge };
  }
  const rows: string[][] = [];
  const problems: FieldProblem[] = [];
  const budget = new TableBudget(limits, filename);
  let part: string | null = null;
  try {
    // Row by row: the package is read as a stream and the sheet's rows arrive one at a time, so a sheet past the
    // caps is refused at the row that passes them, never built whole.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as { id: number | string; name?: string } & AsyncIterable<ExcelJS.Row>;
      if (!isFirstSheet(sheet, check.facts)) continue;
      part = check.facts.firstSheet?.part ?? `xl/worksheets/sheet${sheet.id}.xml`;
      for await (const row of sheet) {
        const tooMany = budget.take(row.number, row.cellCount);
        if (tooMany) return { rows: [], problems: [tooMany], tooLarge: true };
        rows[row.number - 1] = rowCells(row, problems);
      }
      break;
    }
  } catch {
    return { rows: [], problems: [fileProblem(filename, unreadable)] };
  }
  if (part === null) return { rows: [], problems: [fileProblem(filename, 'Excel 文件中没有工作表')] };
  const table = Array.from(rows, (r) => r ?? []);
  const spread = spreadMerges(table, check.facts.merges.get(part) ?? [], budget);
  if (spread) return { rows: [], problems: [spread], tooLarge: true };
  return { rows: table, problems };
}

function rowCells(row: ExcelJS.Row, problems: FieldProblem[]): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    if (cell.type === ExcelJS.ValueType.Formula) {
      const formula = `=${cell.formula ?? ''}`;
      problems.push({
        row: row.number,
        field: `${columnLetter(column)}列`,
        value: formula,
        message: `第${row.number}行${columnLetter(column)}列是公式“${formula}”，请改为数值或文字后再导入`,
      });
    }
    cells[column - 1] = cellText(cell.value);
  });
  return Array.from(cells, (c) => c ?? '');
}

/**
 * A merged range reads as its first cell in every cell it covers, as Excel shows it (a unit cell merged down over
 * several tasks names the unit of each). Clipped to the rows and columns the sheet has; the cells it adds count.
 */
function spreadMerges(rows: string[][], merges: string[], budget: TableBudget): FieldProblem | null {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const range of merges) {
    const [from, to] = range.split(':').map(cellAddress);
    const master = rows[from.row - 1]?.[from.column - 1] ?? '';
    const lastRow = Math.min(to.row, rows.length);
    const lastColumn = Math.min(to.column, width);
    for (let r = from.row; r <= lastRow; r++) {
      const cells = rows[r - 1];
      if (cells.length < lastColumn) {
        const problem = budget.take(r, lastColumn - cells.length);
        if (problem) return problem;
        for (let c = cells.length; c < lastColumn; c++) cells[c] = '';
      }
      for (let c = from.column; c <= lastColumn; c++) if (r !== from.row || c !== from.column) cells[c - 1] = master;
    }
  }
  return null;
}

function cellAddress(ref: string): { row: number; column: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(digits), column };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
