// The office's form for a task, project or indicator: the fields of each list, the form values of an item as read,
// and the body a save sends. Conflicts (edit-conflict.ts) compare these form values field by field.
import type { FieldSpec } from './edit-conflict.js';

export type ListKey = 'tasks' | 'projects' | 'indicators';

export const LIST_NAMES: Record<ListKey, string> = { tasks: '任务', projects: '项目', indicators: '指标' };
export const ITEM_TYPES = { tasks: 'task', projects: 'project', indicators: 'indicator' } as const;

export interface TargetRow {
  year: number | null;
  text: string;
}

/** Every field any of the three forms has; each list uses its own FIELDS. */
export interface ItemForm {
  seq: number | null;
  chapter: string;
  taskGroup: string;
  category: string;
  name: string;
  content: string;
  investment: number | null;
  fundingSource: string;
  deadlineText: string;
  level1: string;
  level2: string;
  mark: 'mandatory' | 'local' | null;
  unit: string;
  direction: string;
  baselineYear: number | null;
  baselineText: string;
  baselineValue: number | null;
  targets: TargetRow[];
  definition: string;
  formula: string;
  dataSource: string;
  note: string;
  leadUnitIds: number[];
  supportingUnitIds: number[];
}

const UNITS: FieldSpec<ItemForm>[] = [
  { key: 'leadUnitIds', label: '牵头单位' },
  { key: 'supportingUnitIds', label: '配合单位' },
];

export const FIELDS: Record<ListKey, readonly FieldSpec<ItemForm>[]> = {
  tasks: [
    { key: 'seq', label: '序号' },
    { key: 'chapter', label: '章节' },
    { key: 'taskGroup', label: '任务类别' },
    { key: 'content', label: '任务内容' },
    { key: 'deadlineText', label: '完成时限' },
    ...UNITS,
  ],
  projects: [
    { key: 'seq', label: '序号' },
    { key: 'category', label: '项目类别' },
    { key: 'name', label: '项目名称' },
    { key: 'content', label: '主要内容' },
    { key: 'investment', label: '总投资（万元）' },
    { key: 'fundingSource', label: '资金来源' },
    { key: 'deadlineText', label: '完成时限' },
    ...UNITS,
  ],
  indicators: [
    { key: 'seq', label: '序号' },
    { key: 'level1', label: '一级指标' },
    { key: 'level2', label: '二级指标' },
    { key: 'name', label: '指标名称' },
    { key: 'mark', label: '指标属性' },
    { key: 'unit', label: '单位' },
    { key: 'direction', label: '指标方向' },
    { key: 'baselineYear', label: '基准年' },
    { key: 'baselineText', label: '基准值' },
    { key: 'baselineValue', label: '基准数值' },
    { key: 'targets', label: '目标值' },
    { key: 'definition', label: '指标解释' },
    { key: 'formula', label: '计算方法' },
    { key: 'dataSource', label: '数据来源' },
    { key: 'note', label: '备注' },
    ...UNITS,
  ],
};

export const DIRECTION_NAMES: Record<string, string> = { higher: '越高越好', lower: '越低越好', qualitative: '定性' };
export const MARK_NAMES: Record<string, string> = { mandatory: '★ 必选指标', local: '☆ 特色指标' };

/** An item as the list API answers it (the fields a form reads; any of the three lists). */
export interface ItemRead {
  seq: number;
  version: number;
  leadUnits: { id: number; name: string }[];
  supportingUnits: { id: number; name: string }[];
  [field: string]: unknown;
}

export function emptyForm(): ItemForm {
  return {
    seq: null,
    chapter: '',
    taskGroup: '',
    category: '',
    name: '',
    content: '',
    investment: null,
    fundingSource: '',
    deadlineText: '',
    level1: '',
    level2: '',
    mark: null,
    unit: '',
    direction: 'higher',
    baselineYear: null,
    baselineText: '',
    baselineValue: null,
    targets: [],
    definition: '',
    formula: '',
    dataSource: '',
    note: '',
    leadUnitIds: [],
    supportingUnitIds: [],
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The form values of an item as read (nulls shown as empty fields). */
export function formOf(item: ItemRead): ItemForm {
  const targets = Array.isArray(item.targets) ? (item.targets as { year?: unknown; text?: unknown }[]) : [];
  return {
    seq: item.seq,
    chapter: str(item.chapter),
    taskGroup: str(item.taskGroup),
    category: str(item.category),
    name: str(item.name),
    content: str(item.content),
    investment: num(item.investment),
    fundingSource: str(item.fundingSource),
    deadlineText: str(item.deadlineText),
    level1: str(item.level1),
    level2: str(item.level2),
    mark: item.mark === 'mandatory' || item.mark === 'local' ? item.mark : null,
    unit: str(item.unit),
    direction: str(item.direction) || 'higher',
    baselineYear: num(item.baselineYear),
    baselineText: str(item.baselineText),
    baselineValue: num(item.baselineValue),
    targets: targets.map((t) => ({ year: num(t.year), text: str(t.text) })),
    definition: str(item.definition),
    formula: str(item.formula),
    dataSource: str(item.dataSource),
    note: str(item.note),
    leadUnitIds: item.leadUnits.map((u) => u.id),
    supportingUnitIds: item.supportingUnits.map((u) => u.id),
  };
}

/** The body of a create: every field of the list (targets without a text left out). */
export function createBody(list: ListKey, form: ItemForm): Record<string, unknown> {
  return bodyOf(
    list,
    form,
    FIELDS[list].map((f) => f.key),
  );
}

/** The body of a change: the given fields only. */
export function bodyOf(list: ListKey, form: Partial<ItemForm>, keys: readonly (keyof ItemForm)[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    if (!FIELDS[list].some((f) => f.key === key)) continue;
    const value = form[key];
    if (key === 'targets') body.targets = (value as TargetRow[]).filter((t) => t.text.trim()).map((t) => ({ year: t.year, text: t.text.trim() }));
    else if (key === 'seq') body.seq = value ?? undefined;
    else body[key] = value;
  }
  return body;
}

/** A value as a clerk reads it in the conflict view: unit names, targets by year, empty as “（空）”. */
export function displayValue(key: keyof ItemForm, value: unknown, unitName: (id: number) => string): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (key === 'leadUnitIds' || key === 'supportingUnitIds') {
    const ids = value as number[];
    return ids.length ? ids.map(unitName).join('、') : '（空）';
  }
  if (key === 'targets') {
    const rows = value as TargetRow[];
    return rows.length ? rows.map((t) => `${t.year ?? ''}年：${t.text}`).join('；') : '（空）';
  }
  if (key === 'direction') return DIRECTION_NAMES[String(value)] ?? String(value);
  if (key === 'mark') return MARK_NAMES[String(value)] ?? String(value);
  return String(value);
}

/** What a row of a list is called: "任务12", "项目3". */
export function itemCode(list: ListKey, seq: number): string {
  return `${LIST_NAMES[list]}${seq}`;
}
