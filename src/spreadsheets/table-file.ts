import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { FieldProblem } from '../common/domain-error.js';

export interface TableFile {
  rows: string[][];
  problems: FieldProblem[];
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

/** A cell neutralised on export ("'=SUM(1)") reads back as written ("=SUM(1)"). */
export function restoreNeutralised(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

function isXlsx(buffer: Buffer, filename: string): boolean {
  return /\.xlsx$/i.test(filename) || (buffer.length > 3 && buffer[0] === 0x50 && buffer[1] === 0x4b);
}

/** Reads the first sheet of an XLSX file, or a CSV file, into rows of text cells. Formula cells are refused. */
export async function readTableFile(buffer: Buffer, filename: string): Promise<TableFile> {
  if (buffer.length === 0) return { rows: [], problems: [{ field: '文件', value: filename, message: '文件为空' }] };
  if (isXlsx(buffer, filename)) return readXlsx(buffer, filename);
  if (!/\.(csv|txt)$/i.test(filename) && filename !== '') {
    return { rows: [], problems: [{ field: '文件', value: filename, message: `不支持的文件类型“${filename}”，请上传 .xlsx 或 .csv 文件` }] };
  }
  try {
    // One line ending throughout: csv-parse takes the first line's ending as the record delimiter, so rows appended
    // with LF to a CRLF file (files joined together) would otherwise run into the previous row's last cell.
    const text = decodeCsv(buffer).replace(/\r\n?/g, '\n');
    const rows = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
    return { rows: rows.map((r) => r.map(restoreNeutralised)), problems: [] };
  } catch (error) {
    return { rows: [], problems: [{ field: '文件', value: filename, message: `CSV 格式有误：${(error as Error).message}` }] };
  }
}

async function readXlsx(buffer: Buffer, filename: string): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ field: '文件', value: filename, message: `无法读取 Excel 文件“${filename}”，请确认是 .xlsx 格式` }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], problems: [{ field: '文件', value: filename, message: 'Excel 文件中没有工作表' }] };
  const rows: string[][] = [];
  const problems: FieldProblem[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (cell.type === ExcelJS.ValueType.Formula) {
        problems.push({
          row: rowNumber,
          field: `${columnLetter(column)}列`,
          value: `=${cell.formula ?? ''}`,
          message: `第${rowNumber}行${columnLetter(column)}列是公式“=${cell.formula ?? ''}”，请改为数值或文字后再导入`,
        });
      }
      cells[column - 1] = restoreNeutralised(cellText(cell.value));
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { rows: Array.from(rows, (r) => r ?? []), problems };
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
