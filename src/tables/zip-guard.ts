import { createInflateRaw } from 'node:zlib';

/** The caps a package is held to: bytes inflated, and the rows and cells its worksheets hold. */
export interface ZipLimits {
  maxInflatedBytes: number;
  maxRows: number;
  maxCells: number;
}

export type ZipCheck = { ok: true } | { ok: false; tooLarge: boolean; message: string; row?: number };

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const MAX_ENTRIES = 10_000;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
/** A row or cell element of sheet XML, with its attributes. */
const ROW_OR_CELL = /<(row|c)(\s[^>]*)?>/g;
const REF = /\sr="([A-Z]*)(\d+)"/;

const refused = (message: string, tooLarge = false, row?: number): ZipCheck => ({ ok: false, tooLarge, message, ...(row ? { row } : {}) });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The central directory of a zip, or a reason it cannot be trusted. */
function centralDirectory(zip: Buffer): Entry[] | string {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return '不是有效的 Excel（.xlsx）文件';
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return '是 ZIP64 格式，不支持，请用 Excel 另存为普通 .xlsx 文件';
  if (directoryOffset + directorySize > end) return '结构损坏（目录位置有误）';
  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== 0x02014b50) return '结构损坏（目录项有误）';
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  // The reader that follows walks the local headers from the start: they must be exactly the entries above, back to
  // back, so nothing it inflates escapes the sizes checked here.
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (entry.offset !== expected || entry.offset + 30 > directoryOffset || zip.readUInt32LE(entry.offset) !== 0x04034b50) {
      return '结构异常（文件中有目录未列出的内容）';
    }
    const localFlags = zip.readUInt16LE(entry.offset + 6);
    const localCompressed = zip.readUInt32LE(entry.offset + 18);
    if (!(localFlags & 0x08) && localCompressed !== entry.compressedSize) return '结构异常（文件头与目录记载的大小不一致）';
    const dataStart = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
    entry.offset = dataStart;
    expected = dataStart + entry.compressedSize;
    if (localFlags & 0x08) expected += expected + 4 <= zip.length && zip.readUInt32LE(expected) === 0x08074b50 ? 16 : 12;
  }
  if (expected !== directoryOffset) return '结构异常（文件中有目录未列出的内容）';
  return entries;
}

/** Text of an inflated part, chunk by chunk (latin1), with the end of what came before it. */
type OnText = (chunk: string, before: string) => void;

/** Inflates one entry, counting: stops as soon as the running total passes the cap, or `stop` says so. Hands worksheet text on. */
function inflateCounted(data: Buffer, budget: number, keep: boolean, onText: OnText, stop: () => boolean): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let total = 0;
    let carry = '';
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        inflater.destroy();
        resolve(null);
        return;
      }
      if (keep) {
        // Markup is ASCII: latin1 keeps every byte in place, and a tag cut between chunks is completed by the carry.
        const text = chunk.toString('latin1');
        onText(text, carry);
        carry = (carry + text).slice(-200);
        if (stop()) {
          inflater.destroy();
          resolve(null);
        }
      }
    });
    inflater.on('end', () => resolve(total));
    inflater.on('error', reject);
    inflater.end(data);
  });
}

/**
 * Counts the rows and cells of worksheets as their XML streams past, before any of it is parsed: rows by their
 * number (r="…", else one more than the last), each row as wide as its last cell. Says which row passes a cap.
 */
class SheetCounter {
  private row = 0;
  private width = 0;
  private column = 0;
  cells = 0;
  passed: { row: number; message: string } | null = null;

  constructor(private readonly limits: ZipLimits) {}

  /** A chunk of a worksheet's XML, with the end of what came before it; tags ending in `before` were counted then. */
  take(chunk: string, before: string): void {
    const text = before + chunk;
    for (const m of text.matchAll(ROW_OR_CELL)) {
      if (this.passed) return;
      if (m.index + m[0].length <= before.length) continue;
      const ref = REF.exec(m[2] ?? '');
      if (m[1] === 'row') {
        this.endRow();
        this.row = ref ? Number(ref[2]) : this.row + 1;
        if (this.row > this.limits.maxRows) {
          this.passed = { row: this.row, message: `表格超过${this.limits.maxRows}行的导入上限（第${this.row}行起超出），请分成几个文件导入` };
        }
      } else {
        this.column = ref?.[1] ? [...ref[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : this.column + 1;
        this.width = Math.max(this.width, this.column);
      }
    }
  }

  /** The sheet is over: its last row counts. */
  endRow(): void {
    this.cells += this.width;
    this.width = 0;
    this.column = 0;
    if (!this.passed && this.cells > this.limits.maxCells) {
      this.passed = {
        row: this.row,
        message: `表格超过${this.limits.maxCells}个单元格的导入上限（到第${this.row}行超出，每行按最后一个单元格计宽度），请删去多余的列或分成几个文件导入`,
      };
    }
  }

  /** The next worksheet starts from its first row; cells count across the workbook. */
  nextSheet(): void {
    this.endRow();
    this.row = 0;
  }
}

/**
 * Checks an XLSX package before anything inflates it whole: the sizes its central directory declares, then the
 * bytes it really inflates to (streamed and counted, a lying directory changes nothing) against `maxInflatedBytes`,
 * and the rows and cells of its worksheets against `maxRows` and `maxCells`, counted in the same pass. Inflating
 * runs on the thread pool and the XML is scanned a chunk at a time, so the service keeps answering meanwhile.
 */
export async function checkZip(zip: Buffer, limits: ZipLimits): Promise<ZipCheck> {
  const { maxInflatedBytes } = limits;
  const entries = centralDirectory(zip);
  if (typeof entries === 'string') return refused(entries);
  if (entries.length > MAX_ENTRIES) return refused(`含有${entries.length}个部件，超过上限${MAX_ENTRIES}个`, true);
  const declared = entries.reduce((sum, e) => sum + (e.size === 0xffffffff ? Infinity : e.size), 0);
  if (declared > maxInflatedBytes) {
    return refused(
      `解压后有${Number.isFinite(declared) ? `${declared}字节（约${mb(declared)}）` : '4 GB以上'}，超过上限${maxInflatedBytes}字节（${mb(maxInflatedBytes)}）`,
      true,
    );
  }
  const counter = new SheetCounter(limits);
  let inflated = 0;
  for (const entry of entries) {
    const data = zip.subarray(entry.offset, entry.offset + entry.compressedSize);
    const isSheet = SHEET_PART.test(entry.name);
    const onText: OnText = (chunk, before) => counter.take(chunk, before);
    let size: number | null;
    if (entry.method === 0) {
      size = data.length <= maxInflatedBytes - inflated ? data.length : null;
      if (size !== null && isSheet) onText(data.toString('latin1'), '');
    } else if (entry.method === 8) {
      try {
        size = await inflateCounted(data, maxInflatedBytes - inflated, isSheet, onText, () => counter.passed !== null);
      } catch {
        return refused(`结构损坏（“${entry.name}”无法解压）`);
      }
    } else {
      return refused(`使用了不支持的压缩方式（${entry.method}）`);
    }
    if (size === null && counter.passed) return refused(counter.passed.message, true, counter.passed.row);
    if (size === null) return refused(`解压后超过上限${maxInflatedBytes}字节（${mb(maxInflatedBytes)}），文件中记载的大小与实际不符`, true);
    if (isSheet) counter.nextSheet();
    if (counter.passed) return refused(counter.passed.message, true, counter.passed.row);
    inflated += size;
  }
  return { ok: true };
}
