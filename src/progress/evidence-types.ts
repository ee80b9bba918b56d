/** The kinds of evidence file accepted: by extension, each checked against the file's first bytes. */
interface EvidenceType {
  mimeType: string;
  /** Leading bytes the file must start with (any one of), when the format has a signature. */
  magic: number[][];
}

const ZIP = [[0x50, 0x4b, 0x03, 0x04]];
const OLE = [[0xd0, 0xcf, 0x11, 0xe0]];

export const EVIDENCE_TYPES: Record<string, EvidenceType> = {
  '.pdf': { mimeType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  '.jpg': { mimeType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  '.jpeg': { mimeType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  '.png': { mimeType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  '.docx': { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  '.xlsx': { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  '.pptx': { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP },
  '.doc': { mimeType: 'application/msword', magic: OLE },
  '.xls': { mimeType: 'application/vnd.ms-excel', magic: OLE },
  '.ofd': { mimeType: 'application/ofd', magic: ZIP },
  '.zip': { mimeType: 'application/zip', magic: ZIP },
};

export const EVIDENCE_EXTENSIONS = Object.keys(EVIDENCE_TYPES);

/** The extension of a file name, lower case with its dot ("" when none). */
export function extensionOf(fileName: string): string {
  const match = /\.[A-Za-z0-9]{1,8}$/.exec(fileName);
  return match ? match[0].toLowerCase() : '';
}

/** Null when the file is an accepted kind and its bytes agree with its name; otherwise why not (Chinese). */
export function evidenceProblem(fileName: string, bytes: Buffer): string | null {
  const type = EVIDENCE_TYPES[extensionOf(fileName)];
  if (!type) return `不支持的文件类型“${extensionOf(fileName) || '无扩展名'}”，可上传：${EVIDENCE_EXTENSIONS.join(' ')}`;
  if (bytes.length === 0) return '文件是空的';
  if (!type.magic.some((sig) => sig.every((b, i) => bytes[i] === b))) return `文件内容与扩展名“${extensionOf(fileName)}”不符`;
  return null;
}
