import { createInflateRaw } from 'node:zlib';

/** What an XLSX package holds that the sheet reader needs beside the rows, gathered while its size is checked. */
export interface ZipFacts {
  /** Merged ranges ("B1:C1") of each worksheet part, by part name ("xl/worksheets/sheet1.xml"). */
  merges: Map<string, string[]>;
  /** The first sheet of the workbook as Excel shows it: its name and part, when the workbook says. */
  firstSheet: { name: string; part: string } | null;
}

export type ZipCheck = { ok: true; facts: ZipFacts } | { ok: false; tooLarge: boolean; message: string };

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const MAX_ENTRIES = 10_000;
const SMALL_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
const MERGE = /<mergeCell\s[^>]*ref="([A-Z]+\d+:[A-Z]+\d+)"/g;

const refused = (message: string, tooLarge = false): ZipCheck => ({ ok: false, tooLarge, message });
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

/** Inflates one entry, counting: stops as soon as the running total passes the cap. Keeps the text of parts it needs. */
function inflateCounted(data: Buffer, budget: number, keep: boolean, onText: OnText): Promise<number | null> {
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
      }
    });
    inflater.on('end', () => resolve(total));
    inflater.on('error', reject);
    inflater.end(data);
  });
}

/**
 * Checks an XLSX package before anything inflates it whole: the sizes its central directory declares, then the
 * bytes it really inflates to (streamed and counted, a lying directory changes nothing), against `maxInflatedBytes`.
 * Inflating runs on the thread pool, so the service keeps answering meanwhile.
 */
export async function checkZip(zip: Buffer, maxInflatedBytes: number): Promise<ZipCheck> {
  const entries = centralDirectory(zip);
  if (typeof entries === 'string') return refused(entries);
  if (entries.length > MAX_ENTRIES) return refused(`含有${entries.length}个部件，超过上限${MAX_ENTRIES}个`, true);
  const declared = entries.reduce((sum, e) => sum + (e.size === 0xffffffff ? Infinity : e.size), 0);
  if (declared > maxInflatedBytes) {
    return refused(`解压后有${Number.isFinite(declared) ? `${declared}字节（约${mb(declared)}）` : '4 GB以上'}，超过上限${maxInflatedBytes}字节（${mb(maxInflatedBytes)}）`, true);
  }
  const merges = new Map<string, string[]>();
  const small = new Map<string, string>();
  let inflated = 0;
  for (const entry of entries) {
    const data = zip.subarray(entry.offset, entry.offset + entry.compressedSize);
    const isSheet = SHEET_PART.test(entry.name);
    const found = new Set<string>();
    let text = '';
    const onText: OnText = (chunk, before) => {
      if (isSheet) for (const m of (before + chunk).matchAll(MERGE)) found.add(m[1]);
      else text += chunk;
    };
    const keep = isSheet || SMALL_PARTS.has(entry.name);
    let size: number | null;
    if (entry.method === 0) {
      size = data.length <= maxInflatedBytes - inflated ? data.length : null;
      if (size !== null && keep) onText(data.toString('latin1'), '');
    } else if (entry.method === 8) {
      try {
        size = await inflateCounted(data, maxInflatedBytes - inflated, keep, onText);
      } catch {
        return refused(`结构损坏（“${entry.name}”无法解压）`);
      }
    } else {
      return refused(`使用了不支持的压缩方式（${entry.method}）`);
    }
    if (size === null) return refused(`解压后超过上限${maxInflatedBytes}字节（${mb(maxInflatedBytes)}），文件中记载的大小与实际不符`, true);
    inflated += size;
    if (isSheet) merges.set(entry.name, [...found]);
    if (SMALL_PARTS.has(entry.name)) small.set(entry.name, Buffer.from(text, 'latin1').toString('utf8'));
  }
  return { ok: true, facts: { merges, firstSheet: firstSheet(small) } };
}

/** The first <sheet> of workbook.xml and the part its relationship points to. */
function firstSheet(parts: Map<string, string>): ZipFacts['firstSheet'] {
  const sheet = /<sheet\s[^>]*>/.exec(parts.get('xl/workbook.xml') ?? '')?.[0];
  if (!sheet) return null;
  const name = /\sname="([^"]*)"/.exec(sheet)?.[1];
  const id = /\sr:id="([^"]*)"/.exec(sheet)?.[1];
  const rel = [...(parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\s[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`));
  const target = rel && /\sTarget="([^"]*)"/.exec(rel)?.[1];
  if (!name || !target) return null;
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return { name: decodeXml(name), part };
}

const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e as 'lt']!);
