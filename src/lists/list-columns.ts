/** The columns of each list as the government tables write them, matched leniently. */
import type { ColumnSpec } from '../tables/columns.js';

/*
 * Header variants, gathered from the task-division tables (任务分工表, 责任清单, 重点任务分工方案) that Chinese
 * government plans annex: "序号 | 重点任务 | 具体任务 | 牵头单位 | 配合单位 | 完成时限" and its many spellings
 * (主办单位/协办单位, 牵头部门/配合部门/参与单位, 责任单位 alone, 时间节点, 进度安排, 完成期限 …).
 */
const SEQ = ['序号', '编号', '序', '项目序号', '任务序号', '任务编号'];
const LEAD = ['牵头单位', '牵头部门', '主办单位', '主办部门', '牵头责任单位', '责任牵头单位', '主责单位', '主责部门', '牵头', '牵头单位(部门)'];
const SUPPORT = ['配合单位', '配合部门', '协办单位', '协办部门', '参与单位', '参与部门', '协同单位', '协作单位', '配合', '配合单位(部门)', '责任(配合)单位'];
/** Columns that name the responsible units without telling lead from supporting. */
const RESPONSIBLE = ['责任单位', '责任部门', '责任主体', '实施单位', '实施主体', '负责单位', '承办单位', '落实单位', '责任单位(部门)'];
const DEADLINE = [
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

export const INDICATOR_COLUMNS: ColumnSpec[] = [
  { key: 'seq', headers: SEQ, required: true },
  { key: 'level1', headers: ['一级指标', '指标类别', '类别'], carryDown: true },
  { key: 'level2', headers: ['二级指标'], carryDown: true },
  { key: 'name', headers: ['三级指标', '指标名称', '指标'], required: true },
  { key: 'unit', headers: ['单位', '计量单位', '指标单位'] },
  { key: 'leadUnits', headers: LEAD, units: true },
  { key: 'supportingUnits', headers: SUPPORT, units: true },
  { key: 'responsibleUnits', headers: ['指标责任单位', ...RESPONSIBLE], units: true },
  { key: 'note', headers: ['备注'] },
  { key: 'definition', headers: ['指标解释', '指标定义', '指标说明'] },
  { key: 'formula', headers: ['计算方法', '计算公式'] },
  { key: 'dataSource', headers: ['数据来源'] },
];
