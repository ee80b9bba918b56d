import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/** exceljs, loaded on first use: its ~190 ms and 8 MB are paid by the first import or export, not by every start. */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
