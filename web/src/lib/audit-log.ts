// The audit log in Chinese: what was changed (table names), how (actions), when (in the plan's time zone) and which
// fields, before and after.

/** One entry as GET /plans/:planId/audit and GET /audit answer it (the service's own type; erased from the bundle). */
export type { AuditEntryView as AuditEntry } from '../../../src/audit/audit.dto.js';
import type { AuditEntryView as AuditEntry } from '../../../src/audit/audit.dto.js';

/** The tables an office or admin looks for in the log, named as they know them. */
export const ENTITY_NAMES: Record<string, string> = {
  tasks: '任务',
  projects: '项目',
  indicators: '指标',
  indicator_values: '指标数值',
  milestones: '时间节点',
  assignments: '责任分工',
  units: '责任单位',
  unit_groups: '单位分组',
  unit_contacts: '联系人',
  plans: '建设方案',
  plan_stages: '方案阶段',
  progress_reports: '进展填报',
  evidence_files: '佐证材料',
  status_events: '销号与状态',
  extension_requests: '延期申请',
  supervision_notices: '督办通知',
  instructions: '领导批示',
  item_signatures: '签收',
  reminder_settings: '提醒设置',
  reminder_pauses: '提醒暂停',
  calendar_days: '工作日调整',
  assessment_rules: '考核规则',
  import_mappings: '导入列对应',
  users: '账号',
  access_tokens: '登录与令牌',
};

export const ACTION_NAMES: Record<string, string> = {
  insert: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
};

/** Column names in Chinese, for the fields offices change most; others are shown as the API names them. */
export const FIELD_NAMES: Record<string, string> = {
  seq: '序号',
  chapter: '章节',
  taskGroup: '任务类别',
  content: '内容',
  name: '名称',
  deadlineText: '时限（原文）',
  leadUnitsText: '牵头单位（原文）',
  supportUnitsText: '配合单位（原文）',
  withdrawnOn: '撤销日期',
  withdrawnReason: '撤销原因',
  dueDate: '到期日',
  baselineDate: '原定日期',
  phrase: '时限原文',
  quantity: '数量',
  note: '说明',
  status: '状态',
  narrative: '进展情况',
  reason: '原因',
  role: '角色',
  unitId: '单位',
  displayName: '姓名',
  active: '启用',
  published: '已发布',
};

export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field;
}

/** "system" (seeds, migrations, the command line) in Chinese; users by their user name. */
export function actorLabel(actorName: string): string {
  return actorName === 'system' ? '系统（初始化或命令行）' : actorName;
}

export function entityName(entityType: string): string {
  return ENTITY_NAMES[entityType] ?? entityType;
}

export function actionName(action: string): string {
  return ACTION_NAMES[action] ?? action;
}

/** "2026-11-23T01:30:05.000Z" in Asia/Shanghai → "2026年11月23日 09:30:05". */
export function formatInstant(iso: string, timeZone = 'Asia/Shanghai'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A value as a cell shows it: text as is, nothing as "—", anything else as JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Bookkeeping columns every row has; a change of only these says nothing to a reader. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'version']);

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/**
 * The fields an entry changed, before and after: for an update the columns the service names as changed (or, from an
 * older entry without that list, every column whose value differs); for an insert every column it wrote; for a
 * delete every column it had. Bookkeeping columns are left out.
 */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after' | 'changed'>): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields =
    entry.changed ?? [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  return fields.filter((f) => !BOOKKEEPING.has(f)).map((field) => ({ field, before: showValue(before[field]), after: showValue(after[field]) }));
}

/**
 * What the entry is about, as offices name it: a task, project or indicator by its 序号 in the plan ("任务7"),
 * anything else by its table and row number ("责任单位 #62").
 */
export function objectLabel(entry: Pick<AuditEntry, 'entityType' | 'entityId' | 'before' | 'after'>): string {
  const seq = entry.after?.seq ?? entry.before?.seq;
  const isItem = entry.entityType === 'tasks' || entry.entityType === 'projects' || entry.entityType === 'indicators';
  if (isItem && (typeof seq === 'number' || typeof seq === 'string')) return `${entityName(entry.entityType)}${seq}`;
  return entry.entityId === null ? entityName(entry.entityType) : `${entityName(entry.entityType)} #${entry.entityId}`;
}

/** The list items whose page the app has: a log entry about one links to it. */
export function itemLink(planId: number | null, entityType: string, entityId: number | null): string | null {
  if (planId === null || entityId === null) return null;
  if (entityType === 'tasks' || entityType === 'projects' || entityType === 'indicators') return `/plans/${planId}/${entityType}/${entityId}`;
  return null;
}

export interface AuditFilters {
  actor: string;
  entityType: string;
  entityId: string;
  action: string;
  /** [from, to] as YYYY-MM-DD, or null. */
  days: [string, string] | null;
}

export const NO_FILTERS: AuditFilters = { actor: '', entityType: '', entityId: '', action: '', days: null };

/** The API query of the filters (empty ones left out) and a page. */
export interface AuditApiQuery {
  limit: number;
  offset: number;
  actor?: string;
  entityType?: string;
  entityId?: number;
  action?: string;
  from?: string;
  to?: string;
}

export function auditQuery(filters: AuditFilters, page: number, pageSize: number): AuditApiQuery {
  const query: AuditApiQuery = { limit: pageSize, offset: (page - 1) * pageSize };
  if (filters.actor.trim()) query.actor = filters.actor.trim();
  if (filters.entityType) query.entityType = filters.entityType;
  if (/^\d+$/.test(filters.entityId.trim())) query.entityId = Number(filters.entityId.trim());
  if (filters.action) query.action = filters.action;
  if (filters.days) {
    query.from = filters.days[0];
    query.to = filters.days[1];
  }
  return query;
}

/** Filters from the page's address (?entityType=tasks&entityId=5 from an item page's "变更记录" link). */
export function filtersFromQuery(query: Record<string, unknown>): AuditFilters {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const from = text(query.from);
  const to = text(query.to);
  return {
    actor: text(query.actor),
    entityType: text(query.entityType),
    entityId: text(query.entityId),
    action: text(query.action),
    days: from && to ? [from, to] : null,
  };
}
