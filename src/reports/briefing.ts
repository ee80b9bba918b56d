import { escapeHtml, formatDate } from '../reminders/message-format.js';
import { type Light, type Status, STATUS_NAMES, STATUSES } from '../status/status.js';
import type { AssessmentReport } from './assessment.js';
import { type OverdueReport, overduePhrase } from './overdue-report.js';
import type { PlanHeader } from './plan-view.js';
import type { ProgressReport, StatusCounts } from './progress-report.js';
import { LIGHT_NAMES, type ReportSheet } from './report-sheets.js';
import { type BarRow, type Segment, stackedBarChart } from './svg-charts.js';
import type { UnitsReport } from './unit-report.js';

/**
 * The printable briefing (工作简报): one A4 HTML page set in the manner of a government work bulletin, a red
 * masthead and rule, numbered sections, SVG charts and tables that repeat their header on each printed page.
 * Fonts are Chinese system fonts (Noto CJK on Linux, SimSun/YaHei on Windows, Songti/PingFang on macOS).
 */

const STATUS_COLOURS: Record<Status, string> = {
  not_started: '#9e9e9e',
  in_progress: '#1e88e5',
  submitted: '#26a69a',
  closed: '#2e7d32',
  suspended: '#d7ccc8',
};
export const STATUS_LEGEND: Segment[] = STATUSES.map((s) => ({ label: STATUS_NAMES[s], colour: STATUS_COLOURS[s] }));
const LIGHT_COLOURS: Record<Light, string> = { red: '#c62828', yellow: '#f9a825', green: '#2e7d32', grey: '#9e9e9e' };

const STYLE = `
@page { size: A4; margin: 18mm 16mm 16mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 178mm; color: #111; font: 11pt/1.6 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; }
h1, h2, h3, figcaption, th, .masthead, .meta { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", SimHei, sans-serif; }
.masthead { color: #c00000; text-align: center; font-size: 26pt; font-weight: bold; letter-spacing: 4pt; margin: 0 0 4pt; }
.meta { display: flex; justify-content: space-between; font-size: 10.5pt; border-bottom: 2pt solid #c00000; padding-bottom: 4pt; margin-bottom: 10pt; }
h1 { font-size: 16pt; text-align: center; margin: 8pt 0; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; }
p { margin: 4pt 0; text-indent: 2em; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 6pt 0; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid #555; padding: 2pt 4pt; vertical-align: top; }
th { background: #f2f2f2; font-weight: bold; }
td.n { text-align: right; white-space: nowrap; }
.chart { margin: 6pt 0; page-break-inside: avoid; break-inside: avoid; }
figcaption { text-align: center; font-size: 9.5pt; color: #333; }
.light { display: inline-block; width: 8pt; height: 8pt; border-radius: 50%; margin-right: 2pt; vertical-align: middle; }
.alert { border: 1pt solid #c62828; padding: 4pt 8pt; margin: 6pt 0; }
.footer { margin-top: 14pt; border-top: 1pt solid #c00000; font-size: 9pt; color: #444; padding-top: 4pt; }
@media screen { body { padding: 12mm; } }
`;

function page(plan: PlanHeader | null, asOf: string, title: string, body: string): string {
  const issuer = plan ? `${plan.region}“无废城市”建设工作领导小组办公室` : '“无废城市”建设工作领导小组办公室';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<div class="masthead">“无废城市”建设工作简报</div>
<div class="meta"><span>${escapeHtml(issuer)}</span><span>截至${formatDate(asOf)}</span></div>
<h1>${escapeHtml(title)}</h1>
${body}
<div class="footer">本简报由清单系统按${formatDate(asOf)}的数据生成；状态以无废办销号为准，逾期指时限已过且未销号。</div>
</body></html>`;
}

/** A table from a report sheet: numbers right-aligned. */
export function sheetTable(sheet: Pick<ReportSheet, 'header' | 'rows'>): string {
  const head = `<thead><tr>${sheet.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const rows = sheet.rows.map((r) => `<tr>${r.map((c) => `<td${/^-?[\d.]+%?$/.test(c) ? ' class="n"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<table>${head}<tbody>${rows || `<tr><td colspan="${sheet.header.length}">无</td></tr>`}</tbody></table>`;
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

function countsSentence(c: StatusCounts): string {
  return `共${c.total}项，已销号${c.byStatus.closed}项（销号率${pct(c.closedRate)}），已报完成待销号${c.byStatus.submitted}项，推进中${c.byStatus.in_progress}项，未开始${c.byStatus.not_started}项，逾期${c.overdue}项（逾期率${pct(c.overdueRate)}）`;
}

export function statusRow(label: string, c: StatusCounts): BarRow {
  return { label, values: STATUSES.map((s) => c.byStatus[s]), note: c.overdue ? `逾期${c.overdue}` : undefined };
}

export function progressBriefing(report: ProgressReport, sheets: ReportSheet[]): string {
  const [byChapter, byUnit, indicators, projects, unassigned] = sheets;
  const chapters = report.lists.flatMap((l) => l.chapters.map((c) => statusRow(`${l.name.slice(0, 2)}·${c.name}`, c)));
  const unitRows: BarRow[] = report.units.map((u) => ({ label: u.name, values: [u.closed, u.led - u.closed - u.overdue, u.overdue] }));
  const unitLegend: Segment[] = [
    { label: '已销号', colour: STATUS_COLOURS.closed },
    { label: '未销号未逾期', colour: STATUS_COLOURS.in_progress },
    { label: '逾期', colour: LIGHT_COLOURS.red },
  ];
  const lists = report.lists.map((l) => `${l.name}${l.total}项`).join('、');
  const body = `
<h2>一、总体进展</h2>
<p>截至${formatDate(report.asOf)}，${escapeHtml(report.plan.name)}共有${lists}，${countsSentence(report.totals)}。信号灯：${(['red', 'yellow', 'green', 'grey'] as Light[])
    .map((l) => `<span class="light" style="background:${LIGHT_COLOURS[l]}"></span>${LIGHT_NAMES[l]}${report.totals.lights[l]}项`)
    .join('，')}。</p>
${report.lists.map((l) => `<p>${l.name}：${countsSentence(l)}。</p>`).join('\n')}
${stackedBarChart('图1 各章节事项状态', STATUS_LEGEND, chapters)}
${sheetTable(byChapter)}
<h2>二、牵头单位完成情况</h2>
${stackedBarChart('图2 各牵头单位事项状态', unitLegend, unitRows)}
${sheetTable(byUnit)}
<h2>三、目标指标</h2>
${sheetTable(indicators)}
<h2>四、项目投资与完成</h2>
<p>项目计划总投资${report.investment.planned}万元，已报完成投资${report.investment.reported}万元。</p>
${sheetTable(projects)}
<h2>五、尚未明确牵头单位的事项</h2>
${report.unassigned.length ? `<div class="alert">以下${report.unassigned.length}项尚未明确牵头单位，请无废办尽快明确责任。</div>${sheetTable(unassigned)}` : '<p>无。</p>'}`;
  return page(report.plan, report.asOf, `${report.plan.name}进展情况`, body);
}

export function overdueBriefing(report: OverdueReport): string {
  const table = {
    header: ['编号', '事项', '时限（原文）', '到期日', '逾期天数', '牵头单位', '最近填报', '督办'],
    rows: report.rows.map((r) => [
      r.code,
      r.title,
      overduePhrase(r),
      r.dueDate,
      String(r.daysOverdue),
      r.leadUnits.join('、') || '未明确',
      r.lastReportDate ?? '从未填报',
      r.notices.count ? `${r.notices.count}次${r.notices.open ? `（${r.notices.open}次未回复）` : ''}` : '—',
    ]),
  };
  const byUnit = new Map<string, number>();
  for (const row of report.rows) for (const unit of row.leadUnits) byUnit.set(unit, (byUnit.get(unit) ?? 0) + 1);
  const rows: BarRow[] = [...byUnit].sort((a, b) => b[1] - a[1]).map(([label, n]) => ({ label, values: [n] }));
  const longest = report.rows[0];
  const body = `
<h2>一、逾期总体情况</h2>
<p>截至${formatDate(report.asOf)}，共有${report.items}项事项的${report.milestones}个时限节点逾期未销号（任务${report.byList.task}个、项目${report.byList.project}个、指标${report.byList.indicator}个）${
    longest ? `，逾期最久的是${escapeHtml(longest.code)}（${escapeHtml(overduePhrase(longest))}，已逾期${longest.daysOverdue}天）` : ''
  }。</p>
${rows.length ? stackedBarChart('图1 各牵头单位逾期节点数', [{ label: '逾期节点', colour: LIGHT_COLOURS.red }], rows) : ''}
<h2>二、逾期事项清单（按逾期天数排序）</h2>
${sheetTable(table)}`;
  return page(report.plan, report.asOf, `${report.plan.name}逾期事项通报`, body);
}

export function unitsBriefing(report: UnitsReport, sheets: ReportSheet[]): string {
  const table = {
    header: ['责任单位', '角色', '编号', '事项', '状态', '下一时限', '本单位最近填报'],
    rows: report.units.flatMap((u) =>
      u.items.map((i) => [
        u.name,
        i.role === 'lead' ? '牵头' : '配合',
        i.code,
        i.title,
        `${STATUS_NAMES[i.status]}${i.overdue ? '（逾期）' : ''}`,
        i.nextDue ? `${i.nextDue.phrase}（${i.nextDue.dueDate}）` : '—',
        i.lastReportDate ?? '从未填报',
      ]),
    ),
  };
  const rows: BarRow[] = report.units.map((u) => ({
    label: u.name,
    values: STATUSES.map((s) => u.items.filter((i) => i.status === s).length),
    note: u.overdue ? `逾期${u.overdue}` : undefined,
  }));
  const silent = report.silentUnits.length
    ? `<div class="alert">以下单位对所承担的事项从未填报进展：${report.silentUnits.map((u) => `${escapeHtml(u.name)}（${u.items.length}项）`).join('、')}。</div>`
    : '<p>所有责任单位均已填报过进展。</p>';
  const body = `
<h2>一、各单位承担事项状态</h2>
${stackedBarChart('图1 各责任单位事项状态', STATUS_LEGEND, rows)}
<h2>二、从未填报的单位</h2>
${silent}
${sheetTable(sheets[1])}
<h2>三、责任清单</h2>
${sheetTable(table)}`;
  return page(report.plan, report.asOf, `${report.plan.name}责任清单落实情况`, body);
}

export function assessmentBriefing(report: AssessmentReport): string {
  const r = report.rule;
  const table = {
    header: ['排名', '责任单位', '得分', '按期销号率', '按月填报率', '督办按期回复率', '从未填报事项'],
    rows: report.units.map((u) => [u.rank === null ? '—' : String(u.rank), u.name, u.score === null ? '—' : String(u.score), pct(u.onTime.rate), pct(u.reporting.rate), pct(u.notices.rate), `${u.silentItems.length}项`]),
  };
  const silent = report.units.filter((u) => u.silentItems.length);
  const rows: BarRow[] = report.units.filter((u) => u.score !== null).map((u) => ({ label: u.name, values: [u.score as number] }));
  const body = `
<h2>一、考核规则</h2>
<p>按期销号（对照原定时限）${r.onTimeWeight}分，按月填报${r.reportingWeight}分，督办按期回复${r.noticesWeight}分；某项无可考核内容的，其分值按比例计入其他项。对承担事项从未填报进展的，每项扣${r.silencePenalty}分。</p>
<h2>二、得分排名</h2>
${rows.length ? stackedBarChart(`图1 ${report.year}年度各单位得分`, [{ label: '得分', colour: STATUS_COLOURS.in_progress }], rows) : ''}
${sheetTable(table)}
<h2>三、从未填报进展的事项</h2>
${silent.length ? silent.map((u) => `<p>${escapeHtml(u.name)}（${u.silentItems.length}项）：${escapeHtml(u.silentItems.join('、'))}。</p>`).join('\n') : '<p>无。</p>'}`;
  return page(report.plan, report.asOf, `${report.plan.name}${report.year}年度责任单位考核`, body);
}

/** Several plans on one page: a table per plan is too much, so one line each and a chart. */
export function crossPlanBriefing(title: string, asOf: string, chartRows: BarRow[], legend: Segment[], sheets: ReportSheet[]): string {
  const body = `${stackedBarChart('图1 各方案事项状态', legend, chartRows)}${sheets.map((s) => `<h2>${escapeHtml(s.title)}</h2>${sheetTable(s)}`).join('\n')}`;
  return page(null, asOf, title, body);
}

