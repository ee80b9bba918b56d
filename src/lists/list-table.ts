import type { FieldProblem } from '../common/domain-error.js';
import type { ColumnSpec } from '../tables/columns.js';
import type { ListSheet } from '../tables/table-writer.js';
import type { ItemView } from './item-query.service.js';
import { type ReadOptions, type ReadTable, type SkippedRow, splitUnits, type TableRecord } from '../tables/table-reader.js';

/** What every list's government table shares: the 序号 and unit columns, reading them, and writing units back. */

/*
 * Header variants, gathered from the task-division tables (任务分工表, 责任清单, 重点任务分工方案) that Chinese
 * government plans annex: "序号 | 重点任务 | 具体任务 | 牵头单位 | 配合单位 | 完成时限" and its many spellings
 * (主办单位/协办单位, 牵头部门/配合部门/参与单位, 责任单位 alone, 时间节点, 进度安排, 完成期限 …).
 */
export const SEQ = ['序号', '编号', '序', '项目序号', '任务序号', '任务编号'];
export const LEAD = ['牵头单位', '牵头部门', '主办单位', '主办部门', '牵头责任单位', '责任牵头单位', '主责单位', '主责部门', '牵头', '牵头单位(部门)'];
export const SUPPORT = [
  '配合单位',
  '配合部门',
  '协办单位',
  '协办部门',
  '参与单位',
  '参与部门',
  '协同单位',
  '协作单位',
  '配合',
  '配合单位(部门)',
  '责任(配合)单位',
];
/** Columns that name the responsible units without telling lead from supporting. */
export const RESPONSIBLE = ['责任单位', '责任部门', '责任主体', '实施单位', '实施主体', '负责单位', '承办单位', '落实单位', '责任单位(部门)'];
export const DEADLINE = [
  '完成时限',
  '时限',
  '完成时间',
  '时间节点',
  '时限要求',
  '完成时限要求',
  '进度安排',
  '完成期限',
  '完成年限',
  '时间安排',
  '完成节点',
  '进度要求',
  '计划完成时间',
];

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

/** A row of a list's table as read: its row number, its 序号 and its units, besides the list's own fields. */
export type ListInput = UnitCells & { row: number; seq: number };

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

export function readSeq(record: TableRecord, seen: Map<number, number>, problems: FieldProblem[]): number | null {
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
export function unitColumns(table: ReadTable): { lead: string[]; support: string[]; notes: string[] } {
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

export function unitCells(record: TableRecord, columns: { lead: string[]; support: string[] }): UnitCells {
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
export function accounted(table: ReadTable, notes: string[]): Pick<ListRead<never>, 'rows' | 'skipped' | 'notes'> {
  return { rows: table.rows, skipped: table.skipped, notes: [...notes, ...table.notes] };
}

export function required(record: TableRecord, key: string, header: string, problems: FieldProblem[]): string {
  const value = record.values[key] ?? '';
  if (!value) problems.push({ row: record.row, field: header, value, message: `第${record.row}行：“${header}”不能为空` });
  return value;
}

const names = (units: { name: string }[]) => units.map((u) => u.name).join('、');
/** A units cell: as the document wrote it when the item came from a table, else the unit names. */
export const unitsCell = (text: string | null, units: { name: string }[], none = '') => text ?? (units.length ? names(units) : none);

/**
 * A list's government table: the columns it is read by, how a row becomes an item's fields, and the layout an
 * export writes (the one the import reads back, so an exported file imports unchanged).
 */
export interface ListTable<E, I extends ListInput> {
  columns: ColumnSpec[];
  /** Whether columns headed by a year hold baseline and target values (indicator tables). */
  yearColumns: boolean;
  read(rows: unknown[][], options?: ListReadOptions): ListRead<I>;
  /** The fields a row gives the item (units are written apart). */
  fields(input: I): Partial<E>;
  /** The header of an empty template to fill in. */
  templateHeader: string[];
  sheet(items: ItemView<E>[]): ListSheet;
}

/** The units cells as written, stored beside the parsed units. */
export const unitTexts = (i: UnitCells) => ({ leadUnitsText: i.leadUnitsText, supportUnitsText: i.supportUnitsText });
