/** The columns of each list as the government tables write them, matched leniently. */
export interface ColumnSpec {
  key: string;
  /** Header texts that mean this column (compared after normalizeHeader). */
  headers: string[];
  required?: boolean;
  /** Blank cells take the value above (merged or carried-down categories). */
  carryDown?: boolean;
}

export const TASK_COLUMNS: ColumnSpec[] = [
  { key: 'seq', headers: ['序号'], required: true },
  { key: 'chapter', headers: ['章节', '章'], carryDown: true },
  { key: 'taskGroup', headers: ['任务类别', '重点任务', '任务类型', '任务名称'], carryDown: true },
  { key: 'content', headers: ['任务内容', '任务', '主要任务'], required: true },
  { key: 'leadUnits', headers: ['牵头单位', '责任单位', '牵头部门'] },
  { key: 'supportingUnits', headers: ['配合单位', '配合部门', '协办单位'] },
  { key: 'deadline', headers: ['完成时限', '时限', '完成时间'] },
];

export const PROJECT_COLUMNS: ColumnSpec[] = [
  { key: 'seq', headers: ['序号'], required: true },
  { key: 'category', headers: ['项目类别', '类别'], carryDown: true },
  { key: 'name', headers: ['项目名称'], required: true },
  { key: 'content', headers: ['主要内容', '建设内容', '主要建设内容'] },
  { key: 'investment', headers: ['总投资(万元)', '总投资', '投资(万元)'] },
  { key: 'fundingSource', headers: ['资金来源'] },
  { key: 'deadline', headers: ['完成时限', '完成时间'] },
  { key: 'leadUnits', headers: ['责任单位', '牵头单位'] },
  { key: 'supportingUnits', headers: ['配合单位'] },
];

export const INDICATOR_COLUMNS: ColumnSpec[] = [
  { key: 'seq', headers: ['序号'], required: true },
  { key: 'level1', headers: ['一级指标'], carryDown: true },
  { key: 'level2', headers: ['二级指标'], carryDown: true },
  { key: 'name', headers: ['三级指标', '指标名称', '指标'], required: true },
  { key: 'unit', headers: ['单位', '计量单位'] },
  { key: 'leadUnits', headers: ['指标责任单位', '责任单位', '牵头单位'] },
  { key: 'supportingUnits', headers: ['配合单位'] },
  { key: 'note', headers: ['备注'] },
  { key: 'definition', headers: ['指标解释', '指标定义'] },
  { key: 'formula', headers: ['计算方法', '计算公式'] },
  { key: 'dataSource', headers: ['数据来源'] },
];

/** Removes spaces and line breaks, and makes brackets and colons ASCII, so "总投资（万元）" = "总投资(万元)". */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
}

/** Baseline and target columns carry their year in the header: "现状值2020年", "规划目标（2025年）", "2023年阶段目标". */
export function yearColumn(header: string): { role: 'baseline' | 'target'; year: number } | null {
  const text = normalizeHeader(header);
  const year = /(\d{4})年?/.exec(text);
  if (!year) return null;
  const role = /现状|基准|基期/.test(text) ? 'baseline' : /目标|规划|预期/.test(text) ? 'target' : null;
  if (role) return { role, year: Number(year[1]) };
  return null;
}
