// A unit's own responsibility list (我的责任清单): filtered by role and light, the nearest deadline first.
import type { Light } from './status.js';

export interface MyLine {
  itemType: 'task' | 'project' | 'indicator';
  itemId: number;
  code: string;
  role: 'lead' | 'support';
  light: Light;
  overdue: boolean;
  nextDue: { dueDate: string; phrase: string } | null;
}

export type RoleFilter = 'all' | 'lead' | 'support';

/** Overdue first, then by next deadline (none last), then by code in list order ("任务2" before "任务10"). */
export function sortMyLines<T extends MyLine>(lines: readonly T[]): T[] {
  return [...lines].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.nextDue?.dueDate ?? '9999-12-31').localeCompare(b.nextDue?.dueDate ?? '9999-12-31') ||
      a.code.localeCompare(b.code, 'zh', { numeric: true }),
  );
}

export function filterMyLines<T extends MyLine>(lines: readonly T[], role: RoleFilter, light: Light | 'all'): T[] {
  return lines.filter((l) => (role === 'all' || l.role === role) && (light === 'all' || l.light === light));
}
