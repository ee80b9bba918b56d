import type { ListSheet } from '../tables/table-writer.js';
import { STATUS_NAMES } from '../status/status.js';
import type { AssessmentReport } from './assessment.js';
import { type OverdueReport, type OverdueRow, overduePhrase } from './overdue-report.js';
import type { ProgressReport, StatusCounts } from './progress-report.js';
import type { UnitsReport } from './unit-report.js';

/** A titled table of a report, as CSV sections and XLSX sheets show it. */
export interface ReportSheet extends ListSheet {
  title: string;
}

export const LIGHT_NAMES = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '灰灯' } as const;

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));
const percent = (value: number | null): string => (value === null ? '' : `${value}%`);
const yesNo = (value: boolean): string => (value ? '是' : '否');

const COUNT_HEADER = ['事项数', '未开始', '推进中', '已报完成', '已销号', '已暂停', '逾期', '销号率', '逾期率', '红灯', '黄灯', '绿灯', '灰灯'];

function countCells(c: StatusCounts): string[] {
  return [
    c.total,
    c.byStatus.not_started,
    c.byStatus.in_progress,
    c.byStatus.submitted,
    c.byStatus.closed,
    c.byStatus.suspended,
    c.overdue,
    percent(c.closedRate),
    percent(c.overdueRate),
    c.lights.red,
    c.lights.yellow,
    c.lights.green,
    c.lights.grey,
  ].map(text);
}

export function progressSheets(report: ProgressReport): ReportSheet[] {
  const countWidths = COUNT_HEADER.map(() => 9);
  return [
    {
      title: '分清单分章节进展',
      header: ['清单', '章节', ...COUNT_HEADER],
      rows: [
        ...report.lists.flatMap((list) => [[list.name, '合计', ...countCells(list)], ...list.chapters.map((c) => [list.name, c.name, ...countCells(c)])]),
        ['全部清单', '合计', ...countCells(report.totals)],
      ],
      widths: [12, 40, ...countWidths],
    },
    {
      title: '牵头单位',
      header: ['牵头单位', '牵头事项', '已销号', '逾期事项', '应完成节点', '按期销号节点', '按期完成率'],
      rows: report.units.map((u) => [u.name, u.led, u.closed, u.overdue, u.due, u.closedOnTime, percent(u.onTimeRate)].map(text)),
      widths: [28, 10, 10, 10, 12, 14, 12],
    },
    {
      title: '目标指标',
      header: ['编号', '指标名称', '单位', '基准年', '基准值', '目标年', '目标值', '最新期间', '最新值', '达标情况', '说明', '状态'],
      rows: report.indicators.map((i) => [
        i.code,
        i.name,
        i.unit,
        text(i.baseline.year),
        i.baseline.text,
        text(i.finalTarget?.year),
        text(i.finalTarget?.text),
        text(i.latest?.period),
        text(i.latest ? (i.latest.value ?? i.latest.text) : null),
        i.attainment ? ATTAINMENT_NAMES[i.attainment.status] : '暂无数据',
        text(i.attainment?.reason),
        STATUS_NAMES[i.status],
      ]),
      widths: [8, 36, 10, 8, 14, 8, 18, 10, 12, 10, 40, 10],
    },
    {
      title: '项目投资与完成',
      header: ['编号', '项目名称', '类别', '计划投资（万元）', '已完成投资（万元）', '完成进度', '状态', '逾期', '完成时限'],
      rows: report.projects.map((p) => [p.code, p.name, p.category, text(p.investment), text(p.reportedInvestment), percent(p.percent), STATUS_NAMES[p.status], yesNo(p.overdue), text(p.dueDate)]),
      widths: [8, 40, 16, 14, 16, 10, 10, 6, 12],
    },
    {
      title: '未明确牵头单位',
      header: ['编号', '事项'],
      rows: report.unassigned.map((u) => [u.code, u.title]),
      widths: [10, 80],
    },
  ];
}

export const ATTAINMENT_NAMES = { met: '达标', not_met: '未达标', needs_judgement: '待判定', no_target: '无目标值' } as const;

export function overdueSheets(report: OverdueReport): ReportSheet[] {
  return [overdueSheet(report.rows)];
}

export function overdueSheet(rows: OverdueRow[]): ReportSheet {
  return {
      title: '逾期事项',
      header: ['编号', '事项', '章节', '时限（原文）', '到期日', '原定到期日', '逾期天数', '状态', '牵头单位', '配合单位', '最近填报日期', '督办次数', '未回复督办', '最近督办日期'],
      rows: rows.map((r) => [
        r.code,
        r.title,
        r.group,
        overduePhrase(r),
        r.dueDate,
        text(r.baselineDate),
        text(r.daysOverdue),
        STATUS_NAMES[r.status],
        r.leadUnits.join('、'),
        r.supportUnits.join('、'),
        r.lastReportDate ?? '从未填报',
        text(r.notices.count),
        text(r.notices.open),
        text(r.notices.lastIssuedDate),
      ]),
      widths: [8, 50, 30, 20, 12, 12, 8, 10, 24, 30, 14, 8, 10, 14],
  };
}

export function unitsSheets(report: UnitsReport): ReportSheet[] {
  return [
    {
      title: '责任清单',
      header: ['责任单位', '角色', '编号', '事项', '状态', '信号灯', '逾期', '下一时限', '到期日', '完成进度', '本单位最近填报', '从未填报'],
      rows: report.units.flatMap((u) =>
        u.items.map((i) => [
          u.name,
          i.role === 'lead' ? '牵头' : '配合',
          i.code,
          i.title,
          STATUS_NAMES[i.status],
          LIGHT_NAMES[i.light],
          yesNo(i.overdue),
          text(i.nextDue?.phrase),
          text(i.nextDue?.dueDate),
          percent(i.percent),
          text(i.lastReportDate),
          yesNo(i.silent),
        ]),
      ),
      widths: [24, 6, 8, 50, 10, 8, 6, 20, 12, 10, 14, 8],
    },
    {
      title: '从未填报的单位',
      header: ['责任单位', '从未填报的事项数', '事项'],
      rows: report.silentUnits.map((u) => [u.name, String(u.items.length), u.items.join('、')]),
      widths: [24, 16, 80],
    },
  ];
}

export function assessmentSheets(report: AssessmentReport): ReportSheet[] {
  const r = report.rule;
  return [
    {
      title: `${report.year}年度考核`,
      header: [
        '排名',
        '责任单位',
        '得分',
        `按期销号（${r.onTimeWeight}分）应完成`,
        '按期销号',
        '按期销号率',
        `按月填报（${r.reportingWeight}分）应填报`,
        '已填报',
        '填报及时率',
        `督办回复（${r.noticesWeight}分）应回复`,
        '按期回复',
        '回复率',
        `从未填报事项（每项扣${r.silencePenalty}分）`,
      ],
      rows: report.units.map((u) =>
        [
          text(u.rank),
          u.name,
          text(u.score),
          text(u.onTime.counted),
          text(u.onTime.met),
          percent(u.onTime.rate),
          text(u.reporting.counted),
          text(u.reporting.met),
          percent(u.reporting.rate),
          text(u.notices.counted),
          text(u.notices.met),
          percent(u.notices.rate),
          u.silentItems.join('、'),
        ],
      ),
      widths: [6, 24, 8, 14, 10, 10, 14, 10, 10, 14, 10, 10, 40],
    },
  ];
}
