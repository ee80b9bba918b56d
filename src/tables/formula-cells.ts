/**
 * One rule for every CSV and XLSX the service writes (list exports, templates, reports) and every table it reads:
 * a cell a spreadsheet would run as a formula, or that starts with a tab or a line break (which some spreadsheets
 * skip before looking for one), is written with a leading apostrophe; reading removes that apostrophe again.
 * A cell that already starts with an apostrophe before such a character gets one more, so reading gives back
 * exactly what was written: read(write(text)) === text for every text.
 */
const RUNS_AS_FORMULA = /^[=+@\t\r\n]|^-(?!\d+(\.\d+)?$)/;

/** Whether reading takes the first character of this cell off: an apostrophe before what export quotes. */
function marked(text: string): boolean {
  return text.startsWith("'") && (RUNS_AS_FORMULA.test(text.slice(1)) || marked(text.slice(1)));
}

/** The cell as written to a file: "=SUM(1)" → "'=SUM(1)", "\t=1" → "'\t=1"; plain negative numbers stay. */
export function neutralise(text: string): string {
  return RUNS_AS_FORMULA.test(text) || marked(text) ? `'${text}` : text;
}

/** The cell as read from a file: "'=SUM(1)" → "=SUM(1)", "''=1" → "'=1"; anything else unchanged. */
export function restoreNeutralised(text: string): string {
  return marked(text) ? text.slice(1) : text;
}
