// Pure rules of the office's oversight screens (督办): the review queue, close-out actions on a milestone, notices
// and who is late to answer, extension decisions, 签收 by unit.
import type { Status } from './status.js';

export type ItemType = 'task' | 'project' | 'indicator';

export const ITEM_TYPE_NAMES: Record<ItemType, string> = { task: '任务', project: '项目', indicator: '指标' };

/** "任务11" — how the lists and the mails name an item. */
export function itemCode(itemType: string, seq: number | null | undefined): string {
  const name = ITEM_TYPE_NAMES[itemType as ItemType] ?? itemType;
  return seq === null || seq === undefined ? name : `${name}${seq}`;
}

export const REVIEW_STATUS_NAMES: Record<string, string> = { draft: '草稿', submitted: '待审核', accepted: '已通过', returned: '已退回' };
export const REPORT_STATE_NAMES: Record<string, string> = { in_progress: '推进中', done: '已完成' };
export const NOTICE_STATUS_NAMES: Record<string, string> = { open: '待答复', answered: '已答复' };
export const EXTENSION_STATUS_NAMES: Record<string, string> = { pending: '待审批', approved: '已同意', refused: '已驳回' };

/** What accepting a report does: the lead unit's "done" closes out (销号) what it reports on; any other report is only noted. */
export function acceptOutcome(report: { role: 'lead' | 'support'; state: 'in_progress' | 'done' }): { label: string; closes: boolean; hint: string } {
  if (report.role === 'lead' && report.state === 'done') {
    return { label: '通过并销号', closes: true, hint: '牵头单位报告已完成：通过后该节点销号（无其他未完成节点时事项随之销号），灯变灰。' };
  }
  const why = report.role === 'support' ? '配合单位的填报' : '进展填报（推进中）';
  return { label: '通过', closes: false, hint: `这是${why}，通过只记录审核意见，不改变事项状态。` };
}

/** One page of rows (page counts from 1). */
export function pageOf<T>(rows: readonly T[], page: number, size: number): T[] {
  const start = (Math.max(1, page) - 1) * size;
  return rows.slice(start, start + size);
}

export type MilestoneAction = 'reopen' | 'suspend' | 'resume' | 'waive';

export const MILESTONE_ACTIONS: Record<MilestoneAction, { label: string; verb: string; placeholder: string }> = {
  reopen: { label: '撤销销号', verb: '重新打开', placeholder: '例如：复核发现第3家工厂认定被撤销' },
  suspend: { label: '暂停', verb: '暂停', placeholder: '例如：项目因规划调整暂缓实施' },
  resume: { label: '恢复', verb: '恢复', placeholder: '例如：规划调整已完成，恢复推进' },
  waive: { label: '免除本期', verb: '免除本期', placeholder: '例如：本年度该项工作已由市级统一开展' },
};

/**
 * The close-out actions the office may take on a milestone in this status (src/progress/review.service.ts):
 * reopen a closed one; suspend an open one; resume a suspended one; waive one occurrence of a recurring one that is not closed.
 */
export function milestoneActions(m: { status: Status; kind: string }): MilestoneAction[] {
  const actions: MilestoneAction[] = [];
  if (m.status === 'closed') actions.push('reopen');
  if (m.status === 'not_started' || m.status === 'in_progress' || m.status === 'submitted') actions.push('suspend');
  if (m.status === 'suspended') actions.push('resume');
  if (m.kind === 'recurring' && m.status !== 'closed') actions.push('waive');
  return actions;
}

export interface NoticeLike {
  status: string;
  answerBy: string | null;
  unit: { id: number; name: string };
}

/** An open notice whose answer date has passed (today is the plan's date, YYYY-MM-DD). */
export function isLate(n: NoticeLike, today: string): boolean {
  return n.status === 'open' && n.answerBy !== null && n.answerBy < today;
}

/** Units late to answer, with how many notices each; most first, then by name. */
export function lateUnits(notices: readonly NoticeLike[], today: string): { unit: { id: number; name: string }; count: number }[] {
  const byUnit = new Map<number, { unit: { id: number; name: string }; count: number }>();
  for (const n of notices) {
    if (!isLate(n, today)) continue;
    const entry = byUnit.get(n.unit.id) ?? { unit: n.unit, count: 0 };
    entry.count++;
    byUnit.set(n.unit.id, entry);
  }
  return [...byUnit.values()].sort((a, b) => b.count - a.count || a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
}

/** Days between two YYYY-MM-DD dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface SignatureRowLike {
  unit: { id: number; name: string };
  itemType: string;
  itemId: number;
  code: string;
  role: 'lead' | 'support';
  signed: boolean;
}

export type UnsignedGroup<R> = {
  unit: { id: number; name: string };
  rows: R[];
  lead: number;
};

/** Rows not signed for, grouped by unit: units with most to sign for first, then by name; rows keep their order. */
export function groupUnsigned<R extends SignatureRowLike>(rows: readonly R[]): UnsignedGroup<R>[] {
  const groups = new Map<number, UnsignedGroup<R>>();
  for (const row of rows) {
    if (row.signed) continue;
    const group = groups.get(row.unit.id) ?? { unit: row.unit, rows: [], lead: 0 };
    group.rows.push(row);
    if (row.role === 'lead') group.lead++;
    groups.set(row.unit.id, group);
  }
  return [...groups.values()].sort((a, b) => b.rows.length - a.rows.length || a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
}

/** What the office is told after reminding units to sign: written, already sent today, and who has no address. */
export function remindSummary(answer: { queued: number; units: { queued: number; alreadyToday: number }[]; unreachable: { name: string }[] }): string {
  const reached = answer.units.filter((u) => u.queued > 0).length;
  const already = answer.units.filter((u) => u.queued === 0 && u.alreadyToday > 0).length;
  const parts = [answer.queued ? `已向${reached}个单位发出${answer.queued}条签收提醒` : '没有发出新的提醒'];
  if (already) parts.push(`${already}个单位今天已提醒过`);
  if (answer.unreachable.length) parts.push(`${answer.unreachable.map((u) => u.name).join('、')}没有联络员邮箱或工作群，无法提醒`);
  return parts.join('；');
}
