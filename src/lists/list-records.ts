import type { FieldProblem } from '../common/domain-error.js';
import type { IndicatorDirection, IndicatorMark, IndicatorTarget } from './indicators/indicator.entity.js';
import { inferDirection, readIndicatorValues, readMark, unitFromValue } from './indicators/indicator-values.js';
import { INDICATOR_COLUMNS, PROJECT_COLUMNS, TASK_COLUMNS } from './list-columns.js';
import { type ReadOptions, type ReadTable, readTable, type SkippedRow, splitUnits, type TableRecord } from '../tables/table-reader.js';

/**
 * Who is responsible for an item: unit names as parsed, and the cells as the document wrote them (kept as written,
 * "…等" included, and written back by exports); `unassigned` when the table says "暂未明确".
 */
export interface UnitCells {
  leadUnits: string[];
  supportingUnits: string[];
  leadUnitsText: string;
  supportUnitsText: string;
  unassigned: boolean;
}

export interface TaskInput extends UnitCells {
  row: number;
  seq: number;
  chapter: string;
  taskGroup: string;
  content: string;
  deadlineText: string | null;
}

export interface ProjectInput extends UnitCells {
  row: number;
  seq: number;
  category: string;
  name: string;
  content: string;
  investment: number | null;
  fundingSource: string;
  deadlineText: string | null;
}

export interface IndicatorInput extends UnitCells {
  row: number;
  seq: number;
  level1: string;
  level2: string;
  name: string;
  mark: IndicatorMark | null;
  unit: string;
  direction: IndicatorDirection;
  baselineYear: number | null;
  baselineText: string;
  baselineValue: number | null;
  targets: IndicatorTarget[];
  /** The target column headers as written, by year, for milestone phrases. */
  targetHeaders: Record<number, string>;
  definition: string;
  formula: string;
  dataSource: string;
  note: string;
}

export interface ListRead<T> {
  items: T[];
  problems: FieldProblem[];
  /** Rows of the file other than the header: items + skipped. */
  rows?: number;
  skipped?: SkippedRow[];
  /** Decisions the office should know about, in Chinese. */
  notes?: string[];
}

/** How a sheet is read: an explicit column mapping, and whether its headers must all be in the sheet. */
export type ListReadOptions = Pick<ReadOptions, 'mapping' | 'strictMapping'>;

export type ListName = 'tasks' | 'projects' | 'indicators';
export const LIST_NAMES: readonly ListName[] = ['tasks', 'projects', 'indicators'];

function readSeq(record: TableRecord, seen: Map<number, number>, problems: FieldProblem[]): number | null {
  const text = record.values.seq ?? '';
  if (!/^\d+$/.test(text)) {
    problems.push({ row: record.row, field: '序号', value: text, message: `第${record.row}行：序号“${text}”不是正整数` });
    return null;
  }
  const seq = Number(text);
  const earlier = seen.get(seq);
  if (earlier !== undefined) {
    problems.push({ row: record.row, field: '序号', value: text, message: `第${record.row}行：序号${seq}与第${earlier}行重复` });
    return null;
  }
  seen.set(seq, record.row);
  return seq;
}

/**
 * Which cells hold lead and supporting units. A sheet whose only unit column is 责任单位 (or 责任部门, 实施单位 …)
 * does not tell lead from supporting: all its units are recorded as lead units, as the seed plans whose documents
 * list the units in parentheses ("（市发展改革委、…按职责分工负责）", Jiangyin and Foshan) are stored. Beside a
 * 牵头单位 column, a 责任单位 column names the other responsible units, recorded as supporting.
 */
function unitColumns(table: ReadTable): { lead: string[]; support: string[]; notes: string[] } {
  const has = (key: string) => table.headers.has(key);
  const header = (key: string) => table.headers.get(key)!;
  if (!has('responsibleUnits')) return { lead: ['leadUnits'], support: ['supportingUnits'], notes: [] };
  if (has('leadUnits')) {
    return {
      lead: ['leadUnits'],
      support: ['supportingUnits', 'responsibleUnits'],
      notes: [`“${header('responsibleUnits')}”列与“${header('leadUnits')}”列并列，其中的单位记为配合单位`],
    };
  }
  if (has('supportingUnits')) return { lead: ['responsibleUnits'], support: ['supportingUnits'], notes: [] };
  return {
    lead: ['responsibleUnits'],
    support: [],
    notes: [`“${header('responsibleUnits')}”列未区分牵头与配合，全部记为牵头单位`],
  };
}

function unitCells(record: TableRecord, columns: { lead: string[]; support: string[] }): UnitCells {
  const text = (keys: string[]) =>
    keys
      .map((k) => record.values[k] ?? '')
      .filter((t) => t !== '')
      .join('、');
  const leadUnitsText = text(columns.lead);
  const supportUnitsText = text(columns.support);
  const lead = splitUnits(leadUnitsText);
  const support = splitUnits(supportUnitsText);
  return { leadUnits: lead.names, supportingUnits: support.names, leadUnitsText, supportUnitsText, unassigned: lead.unassigned };
}

/** The parts of a table read every list returns beside its items. */
function accounted(table: ReadTable, notes: string[]): Pick<ListRead<never>, 'rows' | 'skipped' | 'notes'> {
  return { rows: table.rows, skipped: table.skipped, notes: [...notes, ...table.notes] };
}

function required(record: TableRecord, key: string, header: string, problems: FieldProblem[]): string {
  const value = record.values[key] ?? '';
  if (!value) problems.push({ row: record.row, field: header, value, message: `第${record.row}行：“${header}”不能为空` });
  return value;
}

export function readTasks(rows: unknown[][], options: ListReadOptions = {}): ListRead<TaskInput> {
  const table = readTable(rows, TASK_COLUMNS, { ...options, mergedHeader: { key: 'content', first: 'taskGroup' } });
  const units = unitColumns(table);
  const problems = [...table.problems];
  const seen = new Map<number, number>();
  const items: TaskInput[] = [];
  for (const record of table.records) {
    const seq = readSeq(record, seen, problems);
    const content = required(record, 'content', '任务内容', problems);
    if (seq === null || !content) continue;
    items.push({
      row: record.row,
      seq,
      chapter: record.values.chapter ?? '',
      taskGroup: record.values.taskGroup ?? '',
      content,
      deadlineText: record.values.deadline || null,
      ...unitCells(record, units),
    });
  }
  return { items, problems, ...accounted(table, units.notes) };
}

export function readProjects(rows: unknown[][], options: ListReadOptions = {}): ListRead<ProjectInput> {
  const table = readTable(rows, PROJECT_COLUMNS, options);
  const units = unitColumns(table);
  const problems = [...table.problems];
  const seen = new Map<number, number>();
  const items: ProjectInput[] = [];
  for (const record of table.records) {
    const seq = readSeq(record, seen, problems);
    const name = required(record, 'name', '项目名称', problems);
    const investmentText = (record.values.investment ?? '').replace(/,/g, '');
    const investment = investmentText === '' ? null : Number(investmentText);
    if (investment !== null && !Number.isFinite(investment)) {
      problems.push({
        row: record.row,
        field: '总投资（万元）',
        value: record.values.investment,
        message: `第${record.row}行：总投资“${record.values.investment}”不是数字（单位：万元）`,
      });
      continue;
    }
    if (seq === null || !name) continue;
    items.push({
      row: record.row,
      seq,
      category: record.values.category ?? '',
      name,
      content: record.values.content ?? '',
      investment,
      fundingSource: record.values.fundingSource ?? '',
      deadlineText: record.values.deadline || null,
      ...unitCells(record, units),
    });
  }
  for (const total of table.totals) {
    const written = Number((total.values.investment ?? '').replace(/,/g, ''));
    const sum = items.reduce((s, p) => s + (p.investment ?? 0), 0);
    if (total.values.investment && Math.abs(written - sum) > 0.005) {
      problems.push({
        row: total.row,
        field: '总投资（万元）',
        value: total.values.investment,
        message: `第${total.row}行：合计${total.values.investment}万元与各项目之和${sum}万元不符`,
      });
    }
  }
  return { items, problems, ...accounted(table, units.notes) };
}

export function readIndicators(rows: unknown[][], options: ListReadOptions = {}): ListRead<IndicatorInput> {
  const table = readTable(rows, INDICATOR_COLUMNS, { ...options, yearColumns: true });
  const units = unitColumns(table);
  const problems = [...table.problems];
  const seen = new Map<number, number>();
  const items: IndicatorInput[] = [];
  for (const record of table.records) {
    const seq = readSeq(record, seen, problems);
    const rawName = required(record, 'name', '指标名称', problems);
    if (seq === null || !rawName) continue;
    const { name, mark } = readMark(rawName);
    const baseline = record.yearValues.find((y) => y.role === 'baseline');
    const targetCells = record.yearValues.filter((y) => y.role === 'target');
    const targets = targetCells.flatMap((t) => readIndicatorValues(t.text, t.year));
    const baselineValues = baseline ? readIndicatorValues(baseline.text, baseline.year) : [];
    const baselineValue = baselineValues.length === 1 ? baselineValues[0].value : null;
    const unit = record.values.unit || unitFromValue(targets[0]?.text ?? '') || unitFromValue(baseline?.text ?? '');
    items.push({
      row: record.row,
      seq,
      level1: record.values.level1 ?? '',
      level2: record.values.level2 ?? '',
      name,
      mark,
      unit,
      direction: inferDirection(name, baselineValue, targets),
      baselineYear: baseline?.year ?? null,
      baselineText: baseline?.text ?? '',
      baselineValue,
      targets,
      targetHeaders: Object.fromEntries(targetCells.map((t) => [t.year, t.header])),
      definition: record.values.definition ?? '',
      formula: record.values.formula ?? '',
      dataSource: record.values.dataSource ?? '',
      note: record.values.note ?? '',
      ...unitCells(record, units),
    });
  }
  return { items, problems, ...accounted(table, units.notes) };
}
