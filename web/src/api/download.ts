// Saves a file the API serves only with the bearer token (exports, reports as CSV/XLSX) under the service's name.
import { fileNameFrom } from '../lib/file-name.js';
import { ApiError } from './client.js';

/** Fetches the file through the typed client (parseAs: 'blob') and hands it to the browser as a download. */
export async function downloadFile(call: () => Promise<{ data?: unknown; response: Response }>, fallbackName: string): Promise<string> {
  let result;
  try {
    result = await call();
  } catch {
    throw new ApiError(0, '无法连接服务，请检查网络后重试');
  }
  const { data, response } = result;
  if (!response.ok) {
    let message = `下载失败（${response.status}），请稍后再试`;
    if (response.status === 403) message = '没有权限下载';
    throw new ApiError(response.status, message);
  }
  const name = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
