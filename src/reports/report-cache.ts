/** What the cache may hold, in bytes of JSON: every plan's progress and overdue reports at national scale fit. */
export const REPORT_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Reports as sent (JSON bytes), by what they were worked out from: the plan, its revision (database/plan-revisions.ts,
 * moved on by every committed change their reports read, in any instance), the date and the variant asked. An entry
 * of an older revision is never asked for again and ages out: the least recently used go first once the budget is
 * spent.
 */
export class ReportCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(readonly budget = REPORT_CACHE_BYTES) {}

  get(key: string): Buffer | undefined {
    const json = this.entries.get(key);
    if (json !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, json);
    }
    return json;
  }

  set(key: string, json: Buffer): void {
    if (json.length > this.budget) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.length;
    this.entries.delete(key);
    this.entries.set(key, json);
    this.bytes += json.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }
}
