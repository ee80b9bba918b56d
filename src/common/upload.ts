import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from './domain-error.js';

export interface UploadOptions {
  /** Largest file accepted, in bytes (default: the multipart plugin's limit). */
  maxBytes?: number;
  /** Said after "file too large", e.g. what was not done. */
  tooLarge?: string;
}

export interface Upload {
  buffer: Buffer;
  filename: string;
  mimetype: string;
  /** The text fields sent before the file part, by name. */
  fields: Record<string, string>;
}

/** The uploaded file of a multipart request (field `file`), with clear errors for a missing or oversized file. */
export async function readUpload(request: FastifyRequest, options: UploadOptions = {}): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new ValidationFailedError([{ field: 'file', message: '请以 multipart/form-data 上传文件，字段名为 file' }]);
  }
  const part = await request.file(options.maxBytes ? { limits: { fileSize: options.maxBytes, files: 1 } } : undefined);
  if (!part || part.fieldname !== 'file') {
    throw new ValidationFailedError([{ field: 'file', value: part?.fieldname, message: '没有收到文件：请把文件放在字段 file 中上传' }]);
  }
  try {
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(part.fields)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first && first.type === 'field' && typeof first.value === 'string') fields[name] = first.value;
    }
    return { buffer: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype, fields };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const limit = options.maxBytes ? `（上限 ${Math.round(options.maxBytes / 1024 / 1024)} MB）` : '';
      throw new DomainError('FILE_TOO_LARGE', `文件“${part.filename}”超过大小上限${limit}${options.tooLarge ? `，${options.tooLarge}` : ''}`, [
        { field: 'file', value: part.filename, message: '文件过大' },
      ]);
    }
    throw error;
  }
}
