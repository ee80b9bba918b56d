import { writeCsvSections, writeXlsxSheets } from '../tables/table-writer.js';
import type { AssessmentReport } from './assessment.js';
import { assessmentBriefing, crossPlanBriefing, overdueBriefing, progressBriefing, STATUS_LEGEND, statusRow, unitsBriefing } from './briefing.js';
import type { OverdueReport } from './overdue-report.js';
import type { ProgressReport } from './progress-report.js';
import { assessmentSheets, overdueSheet, overdueSheets, progressSheets, type ReportSheet, unitsSheets } from './report-sheets.js';
import type { ReportFormat } from './reports.dto.js';
import type { UnitsReport } from './unit-report.js';

/** A report in a file format: what the controller sends. JSON is sent as the report itself. */
export interface ReportFile {
  contentType: string;
  /** Set for downloads (CSV, XLSX); the briefing opens in the browser. */
  filename: string | null;
  body: Buffer | string;
}

export type ReportOf =
  | { kind: 'progress'; report: ProgressReport }
  | { kind: 'overdue'; report: OverdueReport }
  | { kind: 'units'; report: UnitsReport }
  | { kind: 'assessment'; report: AssessmentReport }
  | { kind: 'progress-all'; report: ProgressReport[]; asOf: string }
  | { kind: 'overdue-all'; report: OverdueReport[]; asOf: string };

/** A report asked for as JSON, already serialized (reports.service.ts keeps it per plan revision). */
export interface ReportJson {
  kind: 'json';
  /** The JSON bytes; several plans' reports as the pieces of one array, sent one after the other, never joined. */
  json: Buffer | readonly Buffer[];
}

const TITLES: Record<ReportOf['kind'], string> = {
  progress: '进展报告',
  overdue: '逾期报告',
  units: '责任清单报告',
  assessment: '年度考核',
  'progress-all': '各方案进展汇总',
  'overdue-all': '各方案逾期汇总',
};

export async function renderReport(of: ReportOf, format: Exclude<ReportFormat, 'json'>): Promise<ReportFile> {
  const sheets = sheetsOf(of);
  const asOf = 'asOf' in of ? of.asOf : of.report.asOf;
  const name = 'plan' in of.report ? `${of.report.plan.name}${TITLES[of.kind]}` : TITLES[of.kind];
  const filename = `${name}-${asOf}`;
  switch (format) {
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', filename: `${filename}.csv`, body: writeCsvSections(sheets) };
    case 'xlsx':
      return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${filename}.xlsx`, body: await writeXlsxSheets(sheets) };
    case 'html':
      return { contentType: 'text/html; charset=utf-8', filename: null, body: briefingOf(of, sheets) };
  }
}

function sheetsOf(of: ReportOf): ReportSheet[] {
  switch (of.kind) {
    case 'progress':
      return progressSheets(of.report);
    case 'overdue':
      return overdueSheets(of.report);
    case 'units':
      return unitsSheets(of.report);
    case 'assessment':
      return assessmentSheets(of.report);
    case 'progress-all':
      return [planSummarySheet(of.report)];
    case 'overdue-all': {
      const first = overdueSheet(of.report.flatMap((r) => r.rows));
      const planOf = of.report.flatMap((r) => r.rows.map(() => r.plan.name));
      return [{ ...first, title: '各方案逾期事项', header: ['方案', ...first.header], rows: first.rows.map((row, i) => [planOf[i], ...row]), widths: [24, ...first.widths] }];
    }
  }
}

function planSummarySheet(reports: ProgressReport[]): ReportSheet {
  return {
    title: '各方案进展',
    header: ['方案', '地区', '事项数', '已销号', '销号率', '逾期', '逾期率', '红灯', '黄灯', '未明确牵头单位'],
    rows: reports.map((r) =>
      [r.plan.name, r.plan.region, r.totals.total, r.totals.byStatus.closed, pctText(r.totals.closedRate), r.totals.overdue, pctText(r.totals.overdueRate), r.totals.lights.red, r.totals.lights.yellow, r.unassigned.length].map(String),
    ),
    widths: [36, 14, 8, 8, 8, 8, 8, 8, 8, 14],
  };
}

const pctText = (v: number | null) => (v === null ? '' : `${v}%`);

function briefingOf(of: ReportOf, sheets: ReportSheet[]): string {
  switch (of.kind) {
    case 'progress':
      return progressBriefing(of.report, sheets);
    case 'overdue':
      return overdueBriefing(of.report);
    case 'units':
      return unitsBriefing(of.report, sheets);
    case 'assessment':
      return assessmentBriefing(of.report);
    case 'progress-all':
      return crossPlanBriefing(TITLES[of.kind], of.asOf, of.report.map((r) => statusRow(r.plan.name, r.totals)), STATUS_LEGEND, sheets);
    case 'overdue-all':
      return crossPlanBriefing(
        TITLES[of.kind],
        of.asOf,
        of.report.map((r) => ({ label: r.plan.name, values: [r.milestones] })),
        [{ label: '逾期节点', colour: '#c62828' }],
        sheets,
      );
  }
}
