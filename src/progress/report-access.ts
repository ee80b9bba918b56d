import type { Actor } from '../auth/role.js';
import { roleOf, type HeldItem } from '../lists/item-holders.js';
import type { ProgressReport } from './progress-report.entity.js';

/**
 * Who reads a report: its own unit always (drafts too); once submitted, the office, leaders and the other
 * units holding the item. Nobody else, and never another unit's draft.
 */
export function canReadReport(actor: Actor, report: ProgressReport, item: HeldItem): boolean {
  if (actor.role === 'unit') {
    if (actor.unitId === report.unitId) return true;
    return report.status !== 'draft' && actor.unitId !== null && roleOf(item, actor.unitId) !== null;
  }
  return report.status !== 'draft';
}

/** Only the reporting unit changes its report, and only before the office has it (draft) or after it came back. */
export function canEditReport(actor: Actor, report: ProgressReport): boolean {
  return actor.role === 'unit' && actor.unitId === report.unitId && (report.status === 'draft' || report.status === 'returned');
}
