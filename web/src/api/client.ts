// The one API client: paths, parameters and bodies typed from the service's OpenAPI document (schema.d.ts).
import createClient from 'openapi-fetch';
import type { paths } from './schema.js';
import { forget, token } from '../session.js';
import { fileNameOf } from '../lib/download-name.js';

export const api = createClient<paths>({ baseUrl: '' });

let onExpired: () => void = () => undefined;

/** What to do when the API says the session is over (401): the router sends the user to sign-in and back. */
export function whenSessionEnds(handler: () => void): void {
  onExpired = handler;
}

api.use({
  onRequest({ request }) {
    const current = token();
    if (current) request.headers.set('Authorization', `Bearer ${current}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith('/api/v1/auth/login')) {
      forget();
      onExpired();
    }
    return response;
  },
});

/** An answer other than 2xx, with the service's Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The fields the service named (errors[].field) with their Chinese messages. */
    readonly fields: FieldError[] = [],
    /** The whole error answer, for pages that read more of it (an import's errors by row and column; a 409's current row as `current`). */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export interface FieldError {
  field: string;
  message: string;
}

function fieldsOf(body: unknown): FieldError[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string')
    .map((e) => ({ field: e.field, message: e.message }));
}

function messageOf(status: number, body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message) return message;
  if (status === 403) return '没有权限查看';
  if (status === 404) return '没有找到，可能已被删除';
  return `服务暂时不可用（${status}），请稍后再试`;
}

/** What a page says when loading failed: nothing on 401 (the router takes the user to sign in), else the service's message. */
export function loadFailure(e: unknown): string {
  if (e instanceof ApiError && e.status === 401) return '';
  return e instanceof ApiError ? e.message : '加载失败，请刷新重试';
}

/** The answer's JSON as T, or an ApiError. */
export async function expectJson<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, '无法连接服务，请检查网络后重试');
  }
  if (!result.response.ok) throw new ApiError(result.response.status, messageOf(result.response.status, result.error), fieldsOf(result.error), result.error);
  return result.data as T;
}

/**
 * Opens a file the API serves only with the bearer token (the HTML briefing, evidence) in a new tab: the tab is
 * opened at the click (so no popup blocker stops it), the file fetched as a blob and shown there.
 */
export async function openFile(call: () => Promise<{ data?: unknown; response: Response }>): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const { data, response } = await call();
    if (!response.ok) throw new ApiError(response.status, messageOf(response.status, null));
    const url = URL.createObjectURL(data as Blob);
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (error) {
    tab?.close();
    throw error;
  }
}

export interface UploadOptions {
  /** Query parameters (undefined ones left out). */
  query?: Record<string, string | number | boolean | undefined>;
  /** Multipart text fields sent before the file. */
  fields?: Record<string, string>;
}

/**
 * Uploads one file (multipart field `file`) with the bearer token, reporting progress (0-100): fetch cannot report
 * upload progress, XMLHttpRequest can. Answers the JSON, or throws an ApiError with the service's message.
 */
export function uploadFile<T>(url: string, file: File, onProgress: (percent: number) => void, options: UploadOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) query.set(name, String(value));
    xhr.open('POST', query.toString() ? `${url}?${query.toString()}` : url);
    const current = token();
    if (current) xhr.setRequestHeader('Authorization', `Bearer ${current}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, '无法连接服务，请检查网络后重试'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status === 401) {
        forget();
        onExpired();
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, messageOf(xhr.status, body), fieldsOf(body), body));
    };
    const form = new FormData();
    // Text fields go before the file: the service reads them as the file arrives.
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}

/**
 * Downloads a file the API serves only with the bearer token (an export, a template) under the name the service
 * gives it: fetched as a blob, then saved through a temporary link. Answers the file name.
 */
export async function downloadFile(call: () => Promise<{ data?: unknown; response: Response }>, fallbackName: string): Promise<string> {
  let result;
  try {
    result = await call();
  } catch {
    throw new ApiError(0, '无法连接服务，请检查网络后重试');
  }
  const { data, response } = result;
  if (!response.ok) throw new ApiError(response.status, messageOf(response.status, null));
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
