// The filter bar of the office's lists (任务/项目/目标清单): what the form holds, how it sits in the address bar (so a
// filtered list, or a past day's list, can be bookmarked and sent), and the query the list API takes.
import type { Light, Status } from './status.js';

export const PAGE_SIZES = [20, 50, 100] as const;
const STATUS_VALUES: readonly Status[] = ['not_started', 'in_progress', 'submitted', 'closed', 'suspended'];
const LIGHT_VALUES: readonly Light[] = ['red', 'yellow', 'green', 'grey'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ListFilters {
  chapter: string;
  /** Unit ids as strings ('' for any): the API takes an id or a name. */
  leadUnit: string;
  supportingUnit: string;
  status: Status | '';
  light: Light | '';
  overdue: 'true' | 'false' | '';
  dueAfter: string;
  dueBefore: string;
  /** The day the list is shown as of ('' for today). */
  asOf: string;
  page: number;
  size: number;
}

export function emptyFilters(): ListFilters {
  return { chapter: '', leadUnit: '', supportingUnit: '', status: '', light: '', overdue: '', dueAfter: '', dueBefore: '', asOf: '', page: 1, size: 20 };
}

function text(value: unknown): string {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one.trim() : '';
}

function positive(value: unknown, fallback: number): number {
  const n = Number(text(value));
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** The filters in an address bar's query; anything malformed is left out rather than sent on to the API. */
export function filtersFromQuery(query: Record<string, unknown>): ListFilters {
  const f = emptyFilters();
  f.chapter = text(query.chapter).slice(0, 300);
  for (const key of ['leadUnit', 'supportingUnit'] as const) {
    const v = text(query[key]);
    f[key] = /^\d+$/.test(v) ? v : '';
  }
  const status = text(query.status);
  f.status = STATUS_VALUES.includes(status as Status) ? (status as Status) : '';
  const light = text(query.light);
  f.light = LIGHT_VALUES.includes(light as Light) ? (light as Light) : '';
  const overdue = text(query.overdue);
  f.overdue = overdue === 'true' || overdue === 'false' ? overdue : '';
  for (const key of ['dueAfter', 'dueBefore', 'asOf'] as const) {
    const v = text(query[key]);
    f[key] = DATE.test(v) ? v : '';
  }
  f.page = positive(query.page, 1);
  const size = positive(query.size, 20);
  f.size = (PAGE_SIZES as readonly number[]).includes(size) ? size : 20;
  return f;
}

/** The address bar's query for the filters: only what is set (page 1 and the default size left out). */
export function filtersToQuery(f: ListFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['chapter', 'leadUnit', 'supportingUnit', 'status', 'light', 'overdue', 'dueAfter', 'dueBefore', 'asOf'] as const) {
    const v = f[key].trim();
    if (v) query[key] = v;
  }
  if (f.page > 1) query.page = String(f.page);
  if (f.size !== 20) query.size = String(f.size);
  return query;
}

export interface ListApiQuery {
  limit: number;
  offset: number;
  chapter?: string;
  leadUnit?: string;
  supportingUnit?: string;
  status?: Status;
  light?: Light;
  overdue?: boolean;
  dueAfter?: string;
  dueBefore?: string;
  asOf?: string;
}

/** The query of GET /plans/:planId/{tasks,projects,indicators} for the filters and page. */
export function apiQuery(f: ListFilters): ListApiQuery {
  const q: ListApiQuery = { limit: f.size, offset: (f.page - 1) * f.size };
  if (f.chapter.trim()) q.chapter = f.chapter.trim();
  if (f.leadUnit) q.leadUnit = f.leadUnit;
  if (f.supportingUnit) q.supportingUnit = f.supportingUnit;
  if (f.status) q.status = f.status;
  if (f.light) q.light = f.light;
  if (f.overdue) q.overdue = f.overdue === 'true';
  if (f.dueAfter) q.dueAfter = f.dueAfter;
  if (f.dueBefore) q.dueBefore = f.dueBefore;
  if (f.asOf) q.asOf = f.asOf;
  return q;
}

/** A problem with the date range a clerk can fix, or '' (the API would answer an empty list without saying why). */
export function dateRangeProblem(f: ListFilters): string {
  if (f.dueAfter && f.dueBefore && f.dueAfter > f.dueBefore) return '“到期不早于”晚于“到期不晚于”，没有事项能同时满足，请调整日期';
  return '';
}

/** How many filters (besides the page and the as-of day) are set: for the "已筛选 N 项" hint and the reset button. */
export function activeFilterCount(f: ListFilters): number {
  return (['chapter', 'leadUnit', 'supportingUnit', 'status', 'light', 'overdue', 'dueAfter', 'dueBefore'] as const).filter((k) => f[k].trim() !== '').length;
}
