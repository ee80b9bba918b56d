import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { columnLetter, decodeCsv, DEFAULT_TABLE_LIMITS, readTableFile, type TableLimits } from './table-file.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const limits = (patch: Partial<TableLimits>): TableLimits => ({ ...DEFAULT_TABLE_LIMITS, ...patch });

/** An XLSX built the way a clerk's Excel saves one: `fill` writes the first sheet (and may add more). */
async function xlsx(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('column letters, as Excel names columns', () => {
  it.each([
    [1, 'A'],
    [2, 'B'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'], // Excel's last column
  ])('column %i is %s', (column, letter) => {
    expect(columnLetter(column)).toBe(letter);
  });
});

describe('decoding a CSV', () => {
  it('reads UTF-8 with the BOM taken off, and UTF-8 without one', () => {
    expect(decodeCsv(Buffer.concat([BOM, utf8('序号,任务内容')]))).toBe('序号,任务内容');
    expect(decodeCsv(utf8('序号,任务内容'))).toBe('序号,任务内容');
  });

  it('takes off BOMs only at the start (a doubled one too, as a tool re-saving with a BOM writes it); one inside the text stays', () => {
    expect(decodeCsv(utf8('甲\uFEFF乙'))).toBe('甲\uFEFF乙');
    expect(decodeCsv(Buffer.concat([BOM, BOM, utf8('甲')]))).toBe('甲');
    expect(decodeCsv(Buffer.concat([BOM, BOM, utf8('甲\uFEFF')]))).toBe('甲\uFEFF');
  });

  it('reads GBK as Chinese Excel saves it (bytes that are not UTF-8)', () => {
    // 序号 in GBK: D0 F2 BA C5.
    const gbk = Buffer.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0x31]);
    expect(decodeCsv(gbk)).toBe('序号,1');
    expect(decodeCsv(iconv.encode('区生态环境局、区经济信息委（牵头）', 'gbk'))).toBe('区生态环境局、区经济信息委（牵头）');
  });

  it('reads GB18030 characters outside GBK (four-byte sequences)', () => {
    // U+20087 𠂇 is a four-byte GB18030 character: 0x95 0x32 0x90 0x31 (with 序 so the bytes are not UTF-8).
    expect(decodeCsv(Buffer.concat([iconv.encode('序', 'gbk'), Buffer.from([0x95, 0x32, 0x90, 0x31])]))).toBe('序𠂇');
  });
});

describe('reading a CSV file', () => {
  it('reads rows of text cells, rows of any width', async () => {
    const read = await readTableFile(utf8('序号,任务内容,牵头单位\n1,建立台账\n2,"甲,乙","区生态环境局"\n'), '任务.csv');
    expect(read).toEqual({
      rows: [
        ['序号', '任务内容', '牵头单位'],
        ['1', '建立台账'],
        ['2', '甲,乙', '区生态环境局'],
      ],
      problems: [],
    });
  });

  it('takes CRLF, LF and lone CR alike as the end of a row, even mixed in one file', async () => {
    const read = await readTableFile(utf8('a,b\r\nc,d\ne,f\rg,h'), 'x.csv');
    expect(read.rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps a line break inside a quoted cell in its row, as LF', async () => {
    const read = await readTableFile(utf8('序号,任务内容\r\n1,"第一行\r\n第二行"\r\n2,"甲""乙"""\r\n'), 'x.csv');
    expect(read.rows).toEqual([
      ['序号', '任务内容'],
      ['1', '第一行\n第二行'],
      ['2', '甲"乙"'],
    ]);
  });

  it('keeps blank lines as rows, so row numbers match what the clerk sees', async () => {
    const read = await readTableFile(utf8('序号\n\n1\n'), 'x.csv');
    expect(read.rows).toEqual([['序号'], [''], ['1']]);
  });

  it('accepts .csv and .txt in any case, and a file without a name', async () => {
    for (const name of ['a.CSV', 'a.txt', 'A.TXT', '']) {
      expect(await readTableFile(utf8('序号\n1'), name)).toEqual({ rows: [['序号'], ['1']], problems: [] });
    }
  });

  it('reads a CSV whose first cell starts with the letters PK as a CSV, not as a damaged Excel file', async () => {
    expect(await readTableFile(utf8('PK值,名称\n1,甲'), '编码表.csv')).toEqual({
      rows: [
        ['PK值', '名称'],
        ['1', '甲'],
      ],
      problems: [],
    });
  });

  it('reads a CSV of one to four bytes (too short to be a zip)', async () => {
    expect((await readTableFile(utf8('1'), 'x.csv')).rows).toEqual([['1']]);
    expect((await readTableFile(utf8('1\n'), 'x.csv')).rows).toEqual([['1']]);
    expect((await readTableFile(utf8('a,b'), 'x.csv')).rows).toEqual([['a', 'b']]);
    expect((await readTableFile(utf8('PK,b'), 'x.csv')).rows).toEqual([['PK', 'b']]);
  });

  it('names a malformed CSV, with what the parser found', async () => {
    const read = await readTableFile(utf8('序号,任务内容\n1,"没有结束的引号\n'), '任务.csv');
    expect(read.rows).toEqual([]);
    expect(read.tooLarge).toBeUndefined();
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ field: '文件', value: '任务.csv' });
    expect(read.problems[0].message).toMatch(/^CSV 格式有误：.*Quote Not Closed/);
  });

  it('refuses an empty file and a file of another type, naming the file', async () => {
    expect(await readTableFile(Buffer.alloc(0), '任务.csv')).toEqual({ rows: [], problems: [{ field: '文件', value: '任务.csv', message: '文件为空' }] });
    expect(await readTableFile(utf8('%PDF-1.4'), '任务.pdf')).toEqual({
      rows: [],
      problems: [{ field: '文件', value: '任务.pdf', message: '不支持的文件类型“任务.pdf”，请上传 .xlsx 或 .csv 文件' }],
    });
    // ".csv" must end the name.
    expect((await readTableFile(utf8('序号'), '任务.csv.exe')).problems[0].message).toBe('不支持的文件类型“任务.csv.exe”，请上传 .xlsx 或 .csv 文件');
  });
});

describe('the row and cell caps of a CSV', () => {
  const rows = (n: number, width = 1) => Array.from({ length: n }, (_, i) => Array.from({ length: width }, () => String(i + 1)).join(',')).join('\n');

  it('reads a file of exactly maxRows rows; one more row is refused as too large, naming the first row over', async () => {
    expect((await readTableFile(utf8(rows(3)), 'x.csv', limits({ maxRows: 3 }))).rows).toHaveLength(3);
    expect(await readTableFile(utf8(rows(4)), 'x.csv', limits({ maxRows: 3 }))).toEqual({
      rows: [],
      problems: [{ field: '文件', value: 'x.csv', row: 4, message: '表格超过3行的导入上限（第4行起超出），请分成几个文件导入' }],
      tooLarge: true,
    });
  });

  it('stops at the first row past the cap: thirty thousand rows, or a broken row after the cap, answer the same', async () => {
    const big = await readTableFile(utf8(rows(30_000)), 'x.csv', limits({ maxRows: 3 }));
    expect(big.problems).toEqual([expect.objectContaining({ row: 4 })]);
    // Row 6 has an unclosed quote: never reached.
    const broken = await readTableFile(utf8(`${rows(5)}\n"unclosed`), 'x.csv', limits({ maxRows: 3 }));
    expect(broken).toMatchObject({ tooLarge: true, problems: [{ row: 4 }] });
  });

  it('counts cells as rows are read: exactly maxCells is read, one more is refused at the row that passes it', async () => {
    // Widths 2 + 3 + 1 = 6 cells.
    const text = 'a,b\nc,d,e\nf';
    expect((await readTableFile(utf8(text), 'x.csv', limits({ maxCells: 6 }))).rows).toEqual([['a', 'b'], ['c', 'd', 'e'], ['f']]);
    expect(await readTableFile(utf8(text), 'x.csv', limits({ maxCells: 5 }))).toEqual({
      rows: [],
      problems: [
        {
          field: '文件',
          value: 'x.csv',
          row: 3,
          message: '表格超过5个单元格的导入上限（到第3行超出，每行按最后一个单元格计宽度），请删去多余的列或分成几个文件导入',
        },
      ],
      tooLarge: true,
    });
    expect((await readTableFile(utf8(text), 'x.csv', limits({ maxCells: 4 }))).problems[0]).toMatchObject({ row: 2 });
  });

  it('the default caps: 20000 rows, 1000000 cells, 100 MB inflated', () => {
    expect(DEFAULT_TABLE_LIMITS).toEqual({ maxInflatedBytes: 104_857_600, maxRows: 20_000, maxCells: 1_000_000 });
  });

  it('reads 20000 rows by default and refuses 20001', async () => {
    expect((await readTableFile(utf8(rows(20_000)), 'x.csv')).rows).toHaveLength(20_000);
    expect((await readTableFile(utf8(rows(20_001)), 'x.csv')).problems[0]).toMatchObject({ row: 20_001 });
  });
});

describe('reading an XLSX file', () => {
  it('reads the first sheet as text: numbers, dates, rich text, links, results and errors', async () => {
    const buffer = await xlsx((wb) => {
      const ws = wb.addWorksheet('任务');
      ws.addRow(['序号', '项目名称', '总投资（万元）', '完成时限', '备注']);
      ws.addRow([
        1,
        { richText: [{ text: '甲' }, { text: '项目', font: { bold: true } }] },
        25000.5,
        new Date(Date.UTC(2025, 11, 31)),
        { text: '说明', hyperlink: 'https://example.org' },
      ]);
      ws.addRow([2, true, { error: '#N/A' }, '2025年底', null]);
      wb.addWorksheet('其他').addRow(['不读']);
    });
    const read = await readTableFile(buffer, '项目.xlsx');
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      ['序号', '项目名称', '总投资（万元）', '完成时限', '备注'],
      ['1', '甲项目', '25000.5', '2025-12-31', '说明'],
      ['2', 'true', '#N/A', '2025年底'],
    ]);
  });

  it('keeps blank rows and blank cells in place, so row and column numbers match the sheet', async () => {
    const buffer = await xlsx((wb) => {
      const ws = wb.addWorksheet('任务');
      ws.getCell('A1').value = '序号';
      ws.getCell('C1').value = '任务内容';
      ws.getCell('A3').value = '1';
      ws.getCell('C3').value = '建立台账';
    });
    expect((await readTableFile(buffer, '任务.xlsx')).rows).toEqual([['序号', '', '任务内容'], [], ['1', '', '建立台账']]);
  });

  it('refuses each formula cell, naming its row, column and formula, and still reads its last result', async () => {
    const buffer = await xlsx((wb) => {
      const ws = wb.addWorksheet('项目');
      ws.addRow(['序号', '总投资（万元）']);
      ws.addRow(['1', 100]);
      ws.addRow(['合计', { formula: 'SUM(B2:B2)', result: 100 }]);
      ws.getCell('AB4').value = { formula: 'A1', result: undefined };
    });
    const read = await readTableFile(buffer, '项目.xlsx');
    expect(read.problems).toEqual([
      { row: 3, field: 'B列', value: '=SUM(B2:B2)', message: '第3行B列是公式“=SUM(B2:B2)”，请改为数值或文字后再导入' },
      { row: 4, field: 'AB列', value: '=A1', message: '第4行AB列是公式“=A1”，请改为数值或文字后再导入' },
    ]);
    expect(read.rows[2]).toEqual(['合计', '100']);
  });

  it('takes a zip by its first bytes whatever the name, and a .xlsx name whatever the bytes', async () => {
    const buffer = await xlsx((wb) => wb.addWorksheet('任务').addRow(['序号']));
    expect((await readTableFile(buffer, '任务.csv')).rows).toEqual([['序号']]);
    expect((await readTableFile(buffer, '')).rows).toEqual([['序号']]);
    expect(await readTableFile(utf8('序号,任务内容\n'), '任务.XLSX')).toEqual({
      rows: [],
      problems: [{ field: '文件', value: '任务.XLSX', message: '无法读取 Excel 文件“任务.XLSX”，请确认是 .xlsx 格式：文件不是有效的 Excel（.xlsx）文件' }],
      tooLarge: false,
    });
  });

  it('names a zip whose workbook cannot be read, and one that holds no sheet', async () => {
    const { default: JSZip } = await import('jszip');
    const zipOf = async (name: string, content: string) => {
      const zip = new JSZip();
      zip.file(name, content);
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    expect(await readTableFile(await zipOf('xl/workbook.xml', '<workbook'), '任务.xlsx')).toEqual({
      rows: [],
      problems: [{ field: '文件', value: '任务.xlsx', message: '无法读取 Excel 文件“任务.xlsx”，请确认是 .xlsx 格式' }],
    });
    expect(await readTableFile(await zipOf('readme.txt', '不是表格'), '任务.xlsx')).toEqual({
      rows: [],
      problems: [{ field: '文件', value: '任务.xlsx', message: 'Excel 文件中没有工作表' }],
    });
  });

  it('says so when the workbook has no sheet', async () => {
    const buffer = await xlsx(() => undefined);
    expect(await readTableFile(buffer, '空.xlsx')).toEqual({ rows: [], problems: [{ field: '文件', value: '空.xlsx', message: 'Excel 文件中没有工作表' }] });
  });

  it('refuses a sheet past the row cap before loading it, naming the file and the first row over', async () => {
    const buffer = await xlsx((wb) => {
      const ws = wb.addWorksheet('任务');
      for (let i = 1; i <= 5; i++) ws.addRow([String(i)]);
    });
    expect((await readTableFile(buffer, '任务.xlsx', limits({ maxRows: 5 }))).rows).toHaveLength(5);
    expect(await readTableFile(buffer, '任务.xlsx', limits({ maxRows: 4 }))).toEqual({
      rows: [],
      problems: [{ field: '文件', value: '任务.xlsx', row: 5, message: 'Excel 文件“任务.xlsx”表格超过4行的导入上限（第5行起超出），请分成几个文件导入' }],
      tooLarge: true,
    });
  });
});
