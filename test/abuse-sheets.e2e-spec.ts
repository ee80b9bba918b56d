import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { binary } from './helpers/binary.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const api = (path: string) => `/api/v1${path}`;

interface ZipEntry {
  name: string;
  /** The bytes as stored: deflated (method 8). */
  deflated: Buffer;
  /** The uncompressed size written in the local header and the central directory. */
  declaredSize: number;
}

/** A zip file written by hand, so a test can say what sizes it declares. CRCs are left 0: no reader here checks them. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function deflate(parts: Iterable<Buffer>): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9, memLevel: 9 });
  const chunks: Buffer[] = [];
  deflater.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  for (const part of parts) if (!deflater.write(part)) await new Promise((resolve) => deflater.once('drain', resolve));
  deflater.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A real task sheet as exceljs writes it (header 序号 / 任务内容 / 牵头单位), with its first worksheet's rows
 * replaced: the XML from the worksheet's start to <sheetData>, then `rows`, then the rest.
 */
async function xlsxWithRows(rows: () => Iterable<Buffer>, declare?: (realSize: number) => number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('任务分工表').addRow(['序号', '任务内容', '牵头单位']);
  const package_ = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const entries: ZipEntry[] = [];
  for (const name of Object.keys(package_.files).filter((n) => !package_.files[n].dir)) {
    const data = await package_.file(name)!.async('nodebuffer');
    if (name !== 'xl/worksheets/sheet1.xml') {
      entries.push({ name, deflated: deflateRawSync(data), declaredSize: data.length });
      continue;
    }
    const xml = data.toString('utf8');
    const start = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    const end = xml.indexOf('</sheetData>');
    const head = Buffer.from(
      xml.slice(0, start) +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>任务内容</t></is></c><c r="C1" t="inlineStr"><is><t>牵头单位</t></is></c></row>',
    );
    const tail = Buffer.from(xml.slice(end));
    let size = head.length + tail.length;
    const counted = function* () {
      yield head;
      for (const part of rows()) {
        size += part.length;
        yield part;
      }
      yield tail;
    };
    const deflated = await deflate(counted());
    entries.push({ name, deflated, declaredSize: declare ? declare(size) : size });
  }
  return zip(entries);
}

const MB = 1024 * 1024;
/** 300 MB of one cell's text: about 300 KB deflated. */
const bombRows = function* () {
  yield Buffer.from('<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>');
  const block = Buffer.alloc(MB, 'A');
  for (let i = 0; i < 300; i++) yield block;
  yield Buffer.from('</t></is></c><c r="C2" t="inlineStr"><is><t>甲局</t></is></c></row>');
};

describe('hostile spreadsheets: refused quickly, nothing written, the service keeps answering', () => {
  let t: TestApp;
  const newPlan = async (name: string) =>
    (await t.http().post(api('/plans')).send({ name, region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' }).expect(201)).body.id as number;
  const upload = (id: number, list: string, file: Buffer, filename: string, query = '') =>
    t
      .http()
      .post(api(`/plans/${id}/import/${list}${query}`))
      .attach('file', file, filename);
  const tasks = async (id: number) =>
    (
      await t
        .http()
        .get(api(`/plans/${id}/tasks`))
        .expect(200)
    ).body.items as { seq: number; content: string; leadUnits: { name: string }[] }[];
  const unitNames = async (id: number) =>
    (
      (
        await t
          .http()
          .get(api(`/plans/${id}/units`))
          .expect(200)
      ).body.items as { name: string }[]
    ).map((u) => u.name);

  /**
   * Fires the import and, while it runs, health requests, each of which must be answered (the service is not
   * blocked); returns the import's answer. How fast each is refused is the bench's to measure, not a test's.
   */
  async function importWhileAskingHealth(id: number, file: Buffer, filename: string) {
    const importing = upload(id, 'tasks', file, filename, '?createUnits=true');
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 3; i++) {
      const health = await t.anon().get(api('/health')).timeout(10000);
      expect(health.status).toBe(200);
    }
    return { res: await importing };
  }

  beforeAll(async () => {
    t = await startTestApp({ SEED: 'false' });
  });
  afterAll(() => t.close());

  describe('spreadsheet bombs', () => {
    it('refuses an XLSX whose zip declares a 300 MB sheet with 413 before inflating it, and health answers meanwhile', async () => {
      const id = await newPlan('压缩炸弹');
      const file = await xlsxWithRows(bombRows);
      expect(file.length).toBeLessThan(400 * 1024);
      const { res } = await importWhileAskingHealth(id, file, 'bomb.xlsx');
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('FILE_TOO_LARGE');
      expect(res.body.message).toContain('解压后');
      expect(res.body.message).toContain('104857600');
      expect(res.body.errors[0]).toMatchObject({ column: '文件', value: 'bomb.xlsx' });
      expect(await tasks(id)).toEqual([]);
      expect(await unitNames(id)).toEqual([]);
    }, 30000);

    it('refuses an XLSX whose zip understates its sheet, once inflating passes the cap, and health answers meanwhile', async () => {
      const id = await newPlan('谎报大小');
      const file = await xlsxWithRows(bombRows, () => 2000);
      const { res } = await importWhileAskingHealth(id, file, 'liar.xlsx');
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('FILE_TOO_LARGE');
      expect(res.body.message).toContain('解压后');
      expect(await tasks(id)).toEqual([]);
    }, 30000);

    it('refuses an XLSX of a million rows at the row cap (20000), naming the row, and writes nothing', async () => {
      const id = await newPlan('百万行');
      const file = await xlsxWithRows(function* () {
        for (let r = 2; r <= 1_000_001; r += 1000) {
          let xml = '';
          for (let i = r; i < r + 1000; i++) xml += `<row r="${i}"><c r="A${i}"><v>${i - 1}</v></c></row>`;
          yield Buffer.from(xml);
        }
      });
      expect(file.length).toBeLessThan(10 * MB);
      const { res } = await importWhileAskingHealth(id, file, 'rows.xlsx');
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('FILE_TOO_LARGE');
      expect(res.body.message).toContain('超过20000行');
      expect(res.body.errors[0]).toMatchObject({ row: 20001, column: '文件', value: 'rows.xlsx' });
      expect(await tasks(id)).toEqual([]);
    }, 60000);

    it('refuses an XLSX with a cell in the last column of each row at the cell cap, naming the row', async () => {
      const id = await newPlan('百万格');
      const file = await xlsxWithRows(function* () {
        for (let i = 2; i <= 200; i++)
          yield Buffer.from(`<row r="${i}"><c r="A${i}"><v>${i - 1}</v></c><c r="XFD${i}" t="inlineStr"><is><t>x</t></is></c></row>`);
      });
      const res = await upload(id, 'tasks', file, 'wide.xlsx').expect(413);
      // The header is 3 cells wide, every row below 16384 (to XFD): rows 1-62 hold 3 + 61 × 16384 = 999,427 cells,
      // row 63 takes the total to 1,015,811, past the cap of 1,000,000.
      expect(res.body.errors[0]).toMatchObject({ row: 63, column: '文件', value: 'wide.xlsx' });
      expect(res.body.message).toContain('超过1000000个单元格');
      expect(await tasks(id)).toEqual([]);
    }, 30000);

    it('refuses a CSV of five million rows at the row cap, and writes nothing, while health answers', async () => {
      const id = await newPlan('五百万行');
      const file = Buffer.concat([Buffer.from('序号,任务内容,牵头单位\n1,建立台账,甲局\n'), Buffer.alloc(5_000_000, '\n')]);
      const { res } = await importWhileAskingHealth(id, file, 'rows.csv');
      expect(res.status).toBe(413);
      expect(res.body.message).toContain('超过20000行');
      expect(res.body.errors[0]).toMatchObject({ row: 20001, column: '文件', value: 'rows.csv' });
      expect(await tasks(id)).toEqual([]);
      expect(await unitNames(id)).toEqual([]);
    }, 30000);
  });

  describe('formula cells in list exports', () => {
    it('quotes cells starting with a tab or a carriage return in the list CSV, and an import reads them back unchanged', async () => {
      const id = await newPlan('制表符公式');
      await t
        .http()
        .post(api(`/plans/${id}/units`))
        .send({ name: '甲局' })
        .expect(201);
      const units = (
        await t
          .http()
          .get(api(`/plans/${id}/units`))
          .expect(200)
      ).body.items as { id: number }[];
      const lead = [units[0].id];
      await t
        .http()
        .post(api(`/plans/${id}/tasks`))
        .send({ seq: 1, content: '\t=1+2 开展排查', leadUnitIds: lead, leadUnitsText: '甲局', supportUnitsText: '' })
        .expect(201);
      await t
        .http()
        .post(api(`/plans/${id}/tasks`))
        .send({ seq: 2, content: "'=1+2 原文带引号", leadUnitIds: lead, leadUnitsText: '甲局', supportUnitsText: '' })
        .expect(201);
      const csv = (await binary(t.http().get(api(`/plans/${id}/export/tasks?format=csv`))).expect(200)).body as Buffer;
      const rows: string[][] = parse(csv.toString('utf8'), { bom: true });
      expect(rows[1][3]).toBe("'\t=1+2 开展排查");
      expect(rows[2][3]).toBe("''=1+2 原文带引号");
      const again = await upload(id, 'tasks', csv, 'back.csv').expect(201);
      expect(again.body).toMatchObject({ unchanged: 2, updated: 0, created: 0 });
      expect((await tasks(id)).map((task) => task.content)).toEqual(['\t=1+2 开展排查', "'=1+2 原文带引号"]);
    });
  });

  describe('line endings', () => {
    it('imports every row of a CSV with lone-CR line endings (old Mac)', async () => {
      const id = await newPlan('旧Mac换行');
      const file = Buffer.from('序号,任务内容,牵头单位\r1,建立台账,甲局\r2,"开展排查\r分两步",乙局\r3,完善制度,甲局\r');
      const res = await upload(id, 'tasks', file, 'mac.csv', '?createUnits=true').expect(201);
      expect(res.body).toMatchObject({ rows: 3, created: 3, skipped: 0 });
      expect((await tasks(id)).map((task) => [task.seq, task.content, task.leadUnits.map((u) => u.name)])).toEqual([
        [1, '建立台账', ['甲局']],
        [2, '开展排查\n分两步', ['乙局']],
        [3, '完善制度', ['甲局']],
      ]);
    });

    it('imports every row of a CSV mixing CRLF, LF and lone CR', async () => {
      const id = await newPlan('三种换行');
      const file = Buffer.from('序号,任务内容,牵头单位\r\n1,建立台账,甲局\n2,开展排查,乙局\r3,完善制度,甲局\r\n4,开展培训,乙局');
      const res = await upload(id, 'tasks', file, 'mixed.csv', '?createUnits=true').expect(201);
      expect(res.body).toMatchObject({ rows: 4, created: 4, skipped: 0 });
      expect((await tasks(id)).map((task) => [task.seq, task.content])).toEqual([
        [1, '建立台账'],
        [2, '开展排查'],
        [3, '完善制度'],
        [4, '开展培训'],
      ]);
    });
  });

  describe('invisible characters arriving by import', () => {
    it('refuses unit names holding a right-to-left override or a control character with createUnits=true, naming row, column and code point', async () => {
      const id = await newPlan('隐形单位');
      const file = Buffer.from('序号,任务内容,牵头单位,配合单位\n1,建立台账,甲局,\n2,开展排查,乙局,区生态\u202E局环境\n3,完善制度,丙\u0007局,\n');
      const res = await upload(id, 'tasks', file, 'bidi.csv', '?createUnits=true').expect(400);
      expect(res.body.code).toBe('IMPORT_FAILED');
      expect(res.body.errors).toEqual([
        {
          row: 3,
          column: '配合单位',
          value: '区生态\u202E局环境',
          message: '第3行D列“配合单位”：单位名称“区生态\u202E局环境”含有不可见字符 U+202E（从右至左强制符）',
        },
        { row: 4, column: '牵头单位', value: '丙\u0007局', message: '第4行C列“牵头单位”：单位名称“丙\u0007局”含有控制字符 U+0007' },
      ]);
      expect(await tasks(id)).toEqual([]);
      expect(await unitNames(id)).toEqual([]);
    });

    it('refuses a tab in a unit name and a zero-width space in a task text of an XLSX, writing nothing', async () => {
      const id = await newPlan('控制字符');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('任务');
      sheet.addRow(['序号', '任务内容', '牵头单位']);
      sheet.addRow([1, '建立\u200B台账', '甲局']);
      sheet.addRow([2, '开展排查', '乙\t局']);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const res = await upload(id, 'tasks', file, 'ctl.xlsx', '?createUnits=true').expect(400);
      expect(res.body.errors).toEqual([
        { row: 2, column: '任务内容', value: '建立\u200B台账', message: '第2行B列“任务内容”含有不可见字符 U+200B（零宽空格）' },
        { row: 3, column: '牵头单位', value: '乙\t局', message: '第3行C列“牵头单位”：单位名称“乙\t局”含有控制字符 U+0009' },
      ]);
      expect(await tasks(id)).toEqual([]);
      expect(await unitNames(id)).toEqual([]);
    });
  });
});
