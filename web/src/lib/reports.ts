// The report pages: which reports there are, the query each sends, and the assessment rule's check.
import type { AssessmentWeights } from '../api/models.js';

export type ReportKind = 'progress' | 'overdue' | 'units' | 'assessment';

export const REPORTS: readonly { kind: ReportKind; title: string; hint: string }[] = [
  { kind: 'progress', title: '进展汇总', hint: '各清单、各章节、各牵头单位的完成与逾期情况，指标和项目投资。' },
  { kind: 'overdue', title: '逾期清单', hint: '截至所选日期已过时限、尚未销号的节点，按逾期天数排列。' },
  { kind: 'units', title: '单位责任', hint: '每个单位牵头和配合的事项、逾期与从未填报的事项。' },
  { kind: 'assessment', title: '年度考核', hint: '按期销号、按月填报、督办回复三项得分，按考核规则加权。' },
];

export type ListFilter = '' | 'task' | 'project' | 'indicator';

export interface ReportFilters {
  /** YYYY-MM-DD, or '' for today in the plan's time zone. */
  asOf: string;
  unitId: number | '';
  list: ListFilter;
  year: number | undefined;
}

export const NO_REPORT_FILTERS: ReportFilters = { asOf: '', unitId: '', list: '', year: undefined };

/** The API query of a report: only the filters that report takes, empty ones left out. */
export function reportQuery(kind: ReportKind, filters: ReportFilters, format?: 'csv' | 'xlsx' | 'html'): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  if (filters.asOf) query.asOf = filters.asOf;
  if ((kind === 'overdue' || kind === 'units') && filters.unitId !== '') query.unitId = filters.unitId;
  if (kind === 'overdue' && filters.list) query.list = filters.list;
  if (kind === 'assessment' && filters.year !== undefined) query.year = filters.year;
  if (format) query.format = format;
  return query;
}

export const WEIGHT_FIELDS: readonly { key: keyof AssessmentWeights; label: string; hint: string }[] = [
  { key: 'onTimeWeight', label: '按期销号权重', hint: '牵头节点在原定时限前销号' },
  { key: 'reportingWeight', label: '按月填报权重', hint: '牵头事项未销号期间每月都有进展填报' },
  { key: 'noticesWeight', label: '督办回复权重', hint: '督办通知在回复期限前回复' },
  { key: 'silencePenalty', label: '未填报扣分（每项）', hint: '承担但从未填报的事项，每项扣分' },
];

/** What is wrong with a rule before it is sent (the service checks the same), by field; empty when it may be saved. */
export function ruleProblems(rule: AssessmentWeights): Partial<Record<keyof AssessmentWeights, string>> {
  const problems: Partial<Record<keyof AssessmentWeights, string>> = {};
  for (const { key } of WEIGHT_FIELDS) {
    const value = rule[key];
    if (!Number.isInteger(value) || value < 0 || value > 100) problems[key] = '请填写0到100之间的整数';
  }
  if (!problems.onTimeWeight && !problems.reportingWeight && !problems.noticesWeight && rule.onTimeWeight + rule.reportingWeight + rule.noticesWeight === 0) {
    problems.onTimeWeight = '按期销号、按月填报、督办回复三项权重不能都为0';
  }
  return problems;
}
