// The unit's side of notices (督办) and extension requests (延期申请) on an item page: who may answer or ask, and how a
// request reads on its milestone.
import type { Extension, Milestone, Notice } from '../api/models.js';
import { formatDate } from './format.js';
import { EXTENSION_STATUS_NAMES } from './oversight.js';

/** A unit user answers an open notice addressed to its own unit; nobody else answers. */
export function canAnswer(notice: Notice, unitId: number | null | undefined): boolean {
  return notice.status === 'open' && unitId !== null && unitId !== undefined && notice.unit.id === unitId;
}

/** The requests about one milestone (of a recurring one: about its occurrence shown), newest first. */
export function extensionsOf(milestone: Milestone, extensions: Extension[]): Extension[] {
  const occurrence = milestone.occurrence?.key ?? null;
  return extensions
    .filter((x) => x.milestoneId === milestone.id && (occurrence === null || x.occurrence === null || x.occurrence === occurrence))
    .sort((a, b) => b.id - a.id);
}

/**
 * Whether the lead unit can ask to move this milestone now: it has a due date, is not closed or suspended, and no
 * request for it waits for the office.
 */
export function canRequestExtension(milestone: Milestone, extensions: Extension[], isLead: boolean): boolean {
  if (!isLead || milestone.dueDate === null) return false;
  if (milestone.status === 'closed' || milestone.status === 'suspended') return false;
  return !extensionsOf(milestone, extensions).some((x) => x.status === 'pending');
}

/** "申请延至2027年6月30日（原定2025年12月31日）· 待审批". */
export function extensionSummary(x: Extension): string {
  const from = x.currentDueDate ? `（原定${formatDate(x.currentDueDate)}）` : '';
  return `申请延至${formatDate(x.requestedDueDate)}${from} · ${EXTENSION_STATUS_NAMES[x.status] ?? x.status}`;
}

/** The date picker offers only days after the milestone's current due date ("YYYY-MM-DD"). */
export function tooEarly(day: Date, dueDate: string): boolean {
  const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return iso <= dueDate;
}
