import { stringify } from 'csv-stringify/sync';
import { neutralise } from './formula-cells.js';
import { loadExcel } from './excel.js';

/** The rows of each list in the layout the import reads, so an exported file imports back unchanged. */
export interface ListSheet {
  header: string[];
  rows: string[][];
  /** Column widths in characters, for a readable sheet. */
  widths: number[];
}

export type TitledSheet = ListSheet & { title: string };

/** An XLSX workbook of one sheet: bold frozen header, readable widths, wrapped long text, every cell as text. */
export async function writeXlsx(sheet: ListSheet, title: string): Promise<Buffer> {
  return writeXlsxSheets([{ ...sheet, title }]);
}

/** An XLSX workbook with one worksheet per table, each laid out as writeXlsx lays out one. */
export async function writeXlsxSheets(sheets: TitledSheet[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.header.map((header, i) => ({ header, width: sheet.widths[i] ?? 16 }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map(neutralise));
    ws.eachRow((row, n) => {
      if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A UTF-8 CSV with BOM, so Chinese Excel opens it correctly. */
export function writeCsv(sheet: ListSheet): Buffer {
  return csvBuffer([sheet.header, ...sheet.rows.map((r) => r.map(neutralise))]);
}

/** One table: a plain CSV. Several: each under a title line, with an empty line between them. */
export function writeCsvSections(sheets: TitledSheet[]): Buffer {
  if (sheets.length === 1) return writeCsv(sheets[0]);
  const records = sheets.flatMap((sheet, i) => [...(i > 0 ? [[]] : []), [sheet.title], sheet.header, ...sheet.rows.map((r) => r.map(neutralise))]);
  return csvBuffer(records);
}

function csvBuffer(records: string[][]): Buffer {
  // A cell with a line break is quoted whatever the break, so every reader (and Excel) keeps it in its row.
  const text = stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]);
}
