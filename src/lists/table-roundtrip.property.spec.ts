import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { ItemView } from './item-query.service.js';
import type { Task } from './tasks/task.entity.js';
import { restoreNeutralised } from '../tables/formula-cells.js';
import { readTasks, TASK_COLUMNS, taskSheet } from './tasks/task.table.js';
import { readTableFile } from '../tables/table-file.js';
import { readTable } from '../tables/table-reader.js';
import { writeCsv, writeXlsx } from '../tables/table-writer.js';

/*
 * Export then import gives back what the office typed, for CSV (UTF-8 with BOM as the service writes it, the same
 * file re-saved in GBK by Chinese Excel, UTF-8 without BOM) and XLSX. The cells hold what breaks naive spreadsheet
 * code: quotes, commas, line breaks inside a cell, and starts a spreadsheet would run as a formula (= + - @, a tab
 * or a line break first), which the export writes behind an apostrophe and the import takes off again.
 * Reading trims a cell's trailing spaces, tabs and line breaks (a clerk's stray spaces), so what the office typed
 * comes back without them; a leading space is trimmed too, so the typed texts here start with anything else (a
 * leading tab or line break is kept).
 */

/** Characters GBK can write: ASCII, the Chinese of the lists, full-width punctuation. */
const GBK_CHARS = [
  ...'abcXYZ019 ,;"\'=+-@.%*()[]_/\\',
  '\t',
  '\n',
  '\r\n',
  ...'无废城市清单任务牵头配合单位区生态环境局经济信息委完成时限年月日合计序号暂未明确等',
  ...'，。、；：（）“”《》【】％—…',
];
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\n', "'", "'=", "''+", '-1', '-1.5', '=SUM(A1:A2)', '@cmd'];

/** A cell as the office typed it: maybe a formula-like start, then text, trailing white space too; no leading space. */
const cell = fc
  .tuple(fc.option(fc.constantFrom(...FORMULA_STARTS), { nil: '' }), fc.string({ unit: fc.constantFrom(...GBK_CHARS), maxLength: 12 }))
  .map(([start, rest]) => start + rest)
  .filter((text) => !/^[^\S\t\r\n]/.test(text));
/** What the import keeps of a typed cell: trailing white space trimmed, line breaks as LF. */
const kept = (text: string) => text.trimEnd().replace(/\r\n?/g, '\n');

const HEADER = ['序号', '任务内容', '完成时限'];
/** Data rows keyed by a 序号 (so no row reads as a title, total or blank row); the other cells anything. */
const rowsArb = fc.array(fc.tuple(cell, cell), { maxLength: 8 }).map((rows) => rows.map(([content, deadline], i) => [String(i + 1), content, deadline]));

const lf = (text: string) => text.replace(/\r\n?/g, '\n');
const sheetOf = (rows: string[][]) => ({ header: HEADER, rows, widths: [6, 40, 12] });

type Encoding = 'utf8-bom' | 'gbk' | 'utf8';
/** The service's CSV as it reaches the import: as written, re-saved by Chinese Excel (GBK), or by a tool that drops the BOM. */
function csvAs(encoding: Encoding, rows: string[][]): Buffer {
  const written = writeCsv(sheetOf(rows));
  if (encoding === 'utf8-bom') return written;
  expect(written.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = written.subarray(3).toString('utf8');
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

async function fileFor(format: Encoding | 'xlsx', rows: string[][]): Promise<{ buffer: Buffer; name: string }> {
  if (format === 'xlsx') return { buffer: await writeXlsx(sheetOf(rows), '任务清单'), name: '任务清单.xlsx' };
  return { buffer: csvAs(format, rows), name: '任务清单.csv' };
}

const FORMATS = ['utf8-bom', 'gbk', 'utf8', 'xlsx'] as const;
// endOnFailure: a failure is reported as found, without shrinking (each step writes and reads a file), so a mutation
// run that breaks the reader stops at once.

describe('export then import is the identity', () => {
  it.each(FORMATS)('%s: the file gives back every cell as written, the apostrophe before formula-like starts included', async (format) => {
    await fc.assert(
      fc.asyncProperty(rowsArb, async (rows) => {
        const { buffer, name } = await fileFor(format, rows);
        const read = await readTableFile(buffer, name);
        expect(read.problems).toEqual([]);
        expect(read.rows.map((r) => r.map((c) => lf(restoreNeutralised(c))))).toEqual([HEADER, ...rows].map((r) => r.map(lf)));
      }),
      { numRuns: format === 'xlsx' ? 15 : 50, endOnFailure: true },
    );
  });

  it.each(FORMATS)('%s: the table reader gives back each row as typed, keyed by column', async (format) => {
    await fc.assert(
      fc.asyncProperty(rowsArb, async (rows) => {
        const { buffer, name } = await fileFor(format, rows);
        const table = readTable((await readTableFile(buffer, name)).rows, TASK_COLUMNS);
        expect(table.problems).toEqual([]);
        expect(table.skipped).toEqual([]);
        expect(table.records.map((r) => [r.row, r.values])).toEqual(
          rows.map(([seq, content, deadline], i) => [i + 2, { seq, content: kept(content), deadline: kept(deadline) }]),
        );
      }),
      { numRuns: format === 'xlsx' ? 15 : 50, endOnFailure: true },
    );
  });

  it('a cell that is only a tab or a line break comes back empty, and an apostrophe before a trailing tab comes back alone', async () => {
    // What each cell holds once its trailing white space is trimmed: "", "", "'" and "'".
    const rows = [
      ['1', '\t', '\n'],
      ['2', "'\t", "'\n"],
      ['3', '\r\n', "''\t"],
    ];
    for (const format of FORMATS) {
      const { buffer, name } = await fileFor(format, rows);
      const table = readTable((await readTableFile(buffer, name)).rows, TASK_COLUMNS);
      expect(table.records.map((r) => [r.values.content, r.values.deadline])).toEqual([
        ['', ''],
        ["'", "'"],
        ['', "''"],
      ]);
    }
  });
});

/** Names of units as a list cell writes them. */
const unitsText = fc
  .uniqueArray(fc.constantFrom('区生态环境局', '区经济信息委', '区发展改革委', '市城管局'), { minLength: 1, maxLength: 3 })
  .map((n) => n.join('、'));
const nonEmpty = cell.filter((text) => kept(text) !== '');

const taskArb = fc.record({
  chapter: nonEmpty,
  taskGroup: nonEmpty,
  content: nonEmpty,
  leadUnitsText: unitsText,
  supportUnitsText: fc.option(unitsText, { nil: '' }),
  deadlineText: fc.option(nonEmpty, { nil: null }),
});

describe('a task list exported and imported again', () => {
  it.each(['utf8-bom', 'gbk', 'xlsx'] as const)('%s: every task comes back with its 序号, texts and unit cells', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.array(taskArb, { minLength: 1, maxLength: 6 }), async (drafts) => {
        const tasks = drafts.map((d, i) => ({ ...d, seq: i * 2 + 1, leadUnits: [], supportingUnits: [] }) as unknown as ItemView<Task>);
        const sheet = taskSheet(tasks);
        let buffer: Buffer;
        if (format === 'xlsx') buffer = await writeXlsx(sheet, '任务清单');
        else if (format === 'gbk') buffer = iconv.encode(writeCsv(sheet).subarray(3).toString('utf8'), 'gbk');
        else buffer = writeCsv(sheet);
        const read = readTasks((await readTableFile(buffer, `任务清单.${format === 'xlsx' ? 'xlsx' : 'csv'}`)).rows);
        expect(read.problems).toEqual([]);
        expect(read.items.map((t) => [t.seq, t.chapter, t.taskGroup, t.content, t.leadUnitsText, t.supportUnitsText, t.deadlineText])).toEqual(
          drafts.map((d, i) => [
            i * 2 + 1,
            kept(d.chapter),
            kept(d.taskGroup),
            kept(d.content),
            d.leadUnitsText,
            d.supportUnitsText,
            d.deadlineText === null ? null : kept(d.deadlineText),
          ]),
        );
      }),
      { numRuns: format === 'xlsx' ? 10 : 30, endOnFailure: true },
    );
  });
});
