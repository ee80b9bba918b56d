import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { FieldProblem } from '../common/domain-error.js';
import { checkZip } from './zip-guard.js';
import { loadExcel } from './excel.js';

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

/** Named .xlsx, or a zip by its first bytes (a local file header, PK\x03\x04): a CSV may start with the letters "PK". */
function isXlsx(buffer: Buffer, filename: string): boolean {
  return /\.xlsx$/i.test(filename) || (buffer.length > 3 && buffer.readUInt32LE(0) === 0x04034b50);
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
      return fileProblem(
        this.filename,
        `表格超过${this.limits.maxCells}个单元格的导入上限（到第${row}行超出，每行按最后一个单元格计宽度），请删去多余的列或分成几个文件导入`,
        row,
      );
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
    const parsed: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false, to: limits.maxRows + 1 });
    rows = parsed;
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

async function readXlsx(buffer: Buffer, filename: string, limits: TableLimits): Promise<TableFile> {
  const unreadable = `无法读取 Excel 文件“${filename}”，请确认是 .xlsx 格式`;
  // Sizes, rows and cells are checked on the compressed package, streamed, before the workbook is loaded: the
  // load below (the whole workbook in memory) only ever sees a package within the caps. (exceljs 4.4's streaming
  // reader decodes each chunk on its own and breaks Chinese characters cut between chunks, so it is not used.)
  const check = await checkZip(buffer, limits);
  if (!check.ok) {
    const message = check.tooLarge ? `Excel 文件“${filename}”${check.message}` : `${unreadable}：文件${check.message}`;
    return { rows: [], problems: [fileProblem(filename, message, check.row)], tooLarge: check.tooLarge };
  }
  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [fileProblem(filename, unreadable)] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], problems: [fileProblem(filename, 'Excel 文件中没有工作表')] };
  const rows: string[][] = [];
  const problems: FieldProblem[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    rows[rowNumber - 1] = rowCells(row, excel.ValueType.Formula, problems);
  });
  return { rows: Array.from(rows, (r) => r ?? []), problems };
}

function rowCells(row: ExcelJS.Row, formula: ExcelJS.ValueType, problems: FieldProblem[]): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    if (cell.type === formula) {
      const text = `=${cell.formula ?? ''}`;
      problems.push({
        row: row.number,
        field: `${columnLetter(column)}列`,
        value: text,
        message: `第${row.number}行${columnLetter(column)}列是公式“${text}”，请改为数值或文字后再导入`,
      });
    }
    cells[column - 1] = cellText(cell.value);
  });
  return Array.from(cells, (c) => c ?? '');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result ?? null);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}
