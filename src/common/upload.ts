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
  /** The text fields sent with the file, by name (the first of each). */
  fields: Record<string, string>;
}

const code = (error: unknown) => (error as { code?: string }).code;

/** A multipart body that cannot be read (no boundary, cut short, malformed): a 400 in one line, not a 500. */
function broken(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const reason = String((error as Error)?.message ?? error).slice(0, 100);
  return new ValidationFailedError([
    { field: 'file', value: reason, message: '上传内容不完整或格式不正确（multipart/form-data 缺少分隔符或被截断），请重新上传' },
  ]);
}

/**
 * The one uploaded file of a multipart request (field `file`). A missing file, a second file, an oversized file
 * and a body that is cut short or has no boundary are each refused with a clear error; nothing is half-read.
 */
export async function readUpload(request: FastifyRequest, options: UploadOptions = {}): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new ValidationFailedError([{ field: 'file', message: '请以 multipart/form-data 上传文件，字段名为 file' }]);
  }
  let upload: Upload | null = null;
  const fields: Record<string, string> = {};
  try {
    // Two files are let through the parser so the second can be named and refused here, not silently dropped.
    const limits = { files: 2, ...(options.maxBytes ? { fileSize: options.maxBytes } : {}) };
    for await (const part of request.parts({ limits })) {
      if (part.type !== 'file') {
        if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
        continue;
      }
      if (upload) {
        throw new ValidationFailedError([
          { field: 'file', value: part.filename, message: `每次只能上传一个文件（收到“${upload.filename}”和“${part.filename}”）` },
        ]);
      }
      if (part.fieldname !== 'file') {
        throw new ValidationFailedError([{ field: 'file', value: part.fieldname, message: '没有收到文件：请把文件放在字段 file 中上传' }]);
      }
      try {
        upload = { buffer: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype, fields };
      } catch (error) {
        if (code(error) === 'FST_REQ_FILE_TOO_LARGE') {
          const limit = options.maxBytes ? `（上限 ${Math.round(options.maxBytes / 1024 / 1024)} MB）` : '';
          throw new DomainError('FILE_TOO_LARGE', `文件“${part.filename}”超过大小上限${limit}${options.tooLarge ? `，${options.tooLarge}` : ''}`, [
            { field: 'file', value: part.filename, message: '文件过大' },
          ]);
        }
        throw error;
      }
    }
  } catch (error) {
    if (code(error) === 'FST_FILES_LIMIT') {
      throw new ValidationFailedError([{ field: 'file', message: '每次只能上传一个文件' }]);
    }
    throw broken(error);
  }
  if (!upload) throw new ValidationFailedError([{ field: 'file', message: '没有收到文件：请把文件放在字段 file 中上传' }]);
  return upload;
}
