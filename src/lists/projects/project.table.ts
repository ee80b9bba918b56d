import type { ColumnSpec } from '../../tables/columns.js';
import { readTable } from '../../tables/table-reader.js';
import type { ListSheet } from '../../tables/table-writer.js';
import type { ItemView } from '../item-query.service.js';
import type { Project } from './project.entity.js';
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

/** The project list (项目清单): its columns, how a row is read, and the layout it is exported in. */

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

export const PROJECT_COLUMNS: ColumnSpec[] = [
  { key: 'seq', headers: SEQ, required: true },
  { key: 'category', headers: ['项目类别', '类别', '项目类型', '类型'], carryDown: true },
  { key: 'name', headers: ['项目名称', '名称', '项目'], required: true },
  { key: 'content', headers: ['主要内容', '建设内容', '主要建设内容', '建设规模及内容', '项目内容', '建设规模'] },
  { key: 'investment', headers: ['总投资(万元)', '总投资', '投资(万元)', '投资额(万元)', '计划总投资(万元)', '估算投资(万元)', '总投资额(万元)'] },
  { key: 'fundingSource', headers: ['资金来源', '资金渠道'] },
  { key: 'deadline', headers: [...DEADLINE, '建设期限', '建设年限', '实施年限', '建设周期'] },
  { key: 'leadUnits', headers: LEAD, units: true },
  { key: 'supportingUnits', headers: SUPPORT, units: true },
  { key: 'responsibleUnits', headers: RESPONSIBLE, units: true },
];

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

export const PROJECT_HEADER = ['序号', '项目类别', '项目名称', '主要内容', '总投资（万元）', '资金来源', '完成时限', '责任单位', '配合单位'];
export function projectSheet(projects: ItemView<Project>[]): ListSheet {
  return {
    header: PROJECT_HEADER,
    rows: projects.map((p) => [
      String(p.seq),
      p.category,
      p.name,
      p.content,
      p.investment === null ? '' : String(p.investment),
      p.fundingSource,
      p.deadlineText ?? '',
      unitsCell(p.leadUnitsText, p.leadUnits, '暂未明确'),
      unitsCell(p.supportUnitsText, p.supportingUnits),
    ]),
    widths: [6, 16, 36, 60, 14, 12, 12, 30, 24],
  };
}

export const PROJECT_TABLE: ListTable<Project, ProjectInput> = {
  columns: PROJECT_COLUMNS,
  yearColumns: false,
  read: readProjects,
  fields: (i) => ({
    seq: i.seq,
    category: i.category,
    name: i.name,
    content: i.content,
    investment: i.investment,
    fundingSource: i.fundingSource,
    deadlineText: i.deadlineText,
    ...unitTexts(i),
  }),
  templateHeader: PROJECT_HEADER,
  sheet: projectSheet,
};
