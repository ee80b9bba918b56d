import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { type ListSheet, neutralise } from './list-rows.js';

/** An XLSX workbook of one sheet: bold frozen header, readable widths, wrapped long text, every cell as text. */
export async function writeXlsx(sheet: ListSheet, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.header.map((header, i) => ({ header, width: sheet.widths[i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row.map(neutralise));
  ws.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A UTF-8 CSV with BOM, so Chinese Excel opens it correctly. */
export function writeCsv(sheet: ListSheet): Buffer {
  const text = stringify([sheet.header, ...sheet.rows.map((r) => r.map(neutralise))], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]);
}
