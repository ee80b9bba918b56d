// The file name a download is saved under, from the service's Content-Disposition header.

/**
 * `attachment; filename*=UTF-8''%E9%80%BE%E6%9C%9F.csv` → "逾期.csv"; a plain `filename="a.csv"` → "a.csv"; no header
 * (or one without a name) → the fallback.
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed escape: try the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}
