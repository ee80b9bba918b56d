import type { ColumnSpec } from '../../tables/columns.js';
import { readTable } from '../../tables/table-reader.js';
import type { ListSheet } from '../../tables/table-writer.js';
import type { ItemView } from '../item-query.service.js';
import type { Task } from './task.entity.js';
import {
  type ListTable,
  unitTexts,
  accounted,
  DEADLINE,
  LEAD,
  type ListRead,
  type ListReadOptions,
  readSeq,
  required,
  RESPONSIBLE,
  SEQ,
  SUPPORT,
  type UnitCells,
  unitCells,
  unitColumns,
  unitsCell,
} from '../list-table.js';

/** The task list (任务清单): its columns, how a row is read, and the layout it is exported in. */

export interface TaskInput extends UnitCells {
  row: number;
  seq: number;
  chapter: string;
  taskGroup: string;
  content: string;
  deadlineText: string | null;
}

export const TASK_COLUMNS: ColumnSpec[] = [
  { key: 'seq', headers: SEQ, required: true },
  { key: 'chapter', headers: ['章节', '章', '领域', '重点领域', '工作领域'], carryDown: true },
  { key: 'taskGroup', headers: ['任务类别', '重点任务', '任务类型', '任务名称', '主要任务', '工作类别', '任务分类'], carryDown: true },
  {
    key: 'content',
    headers: [
      '任务内容',
      '任务',
      '工作任务',
      '具体任务',
      '任务措施',
      '工作内容',
      '重点工作',
      '主要工作',
      '工作措施',
      '具体措施',
      '主要措施',
      '具体工作',
      '工作事项',
      '任务事项',
      '主要内容',
    ],
    required: true,
    fallback: ['重点任务', '主要任务', '任务名称'],
  },
  { key: 'leadUnits', headers: LEAD, units: true },
  { key: 'supportingUnits', headers: SUPPORT, units: true },
  { key: 'responsibleUnits', headers: RESPONSIBLE, units: true },
  { key: 'deadline', headers: DEADLINE },
];

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

export const TASK_HEADER = ['序号', '章节', '任务类别', '任务内容', '牵头单位', '配合单位', '完成时限'];
export function taskSheet(tasks: ItemView<Task>[]): ListSheet {
  return {
    header: TASK_HEADER,
    rows: tasks.map((t) => [
      String(t.seq),
      t.chapter,
      t.taskGroup,
      t.content,
      unitsCell(t.leadUnitsText, t.leadUnits),
      unitsCell(t.supportUnitsText, t.supportingUnits),
      t.deadlineText ?? '',
    ]),
    widths: [6, 30, 24, 80, 24, 30, 14],
  };
}

export const TASK_TABLE: ListTable<Task, TaskInput> = {
  columns: TASK_COLUMNS,
  yearColumns: false,
  read: readTasks,
  fields: (i) => ({
    seq: i.seq,
    chapter: i.chapter,
    taskGroup: i.taskGroup,
    content: i.content,
    deadlineText: i.deadlineText,
    ...unitTexts(i),
  }),
  templateHeader: TASK_HEADER,
  sheet: taskSheet,
};
