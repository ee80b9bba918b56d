import type { AssessmentReport } from './assessment.js';
import type { OverdueReport, OverdueRow } from './overdue-report.js';
import { assessmentSheets, ATTAINMENT_NAMES, LIGHT_NAMES, overdueSheets, unitsSheets } from './report-sheets.js';
import type { UnitsReport } from './unit-report.js';
import { LIST_TYPES } from '../common/item-type.js';

const PLAN = { id: 1, name: '测试方案', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' };

const row = (over: Partial<OverdueRow>): OverdueRow => ({
  itemType: 'task',
  itemId: 1,
  code: '任务1',
  title: '建立台账',
  group: '一、章',
  milestoneId: 11,
  phrase: '2024年3月底前',
  occurrence: null,
  missedOccurrences: 0,
  dueDate: '2024-03-31',
  baselineDate: null,
  daysOverdue: 91,
  status: 'in_progress',
  leadUnits: ['甲局'],
  supportUnits: ['乙局', '丙局'],
  lastReportDate: '2024-05-10',
  notices: { count: 2, open: 1, lastIssuedDate: '2024-06-05' },
  ...over,
});

describe('the overdue sheet', () => {
  const report: OverdueReport = {
    plan: PLAN,
    asOf: '2024-06-30',
    filter: {},
    milestones: 2,
    items: 2,
    byList: { ...Object.fromEntries(LIST_TYPES.map((t) => [t, 0])), task: 1, indicator: 1 } as OverdueReport['byList'],
    rows: [
      row({}),
      row({
        itemType: 'indicator',
        code: '指标2',
        title: '利用率',
        group: '目标',
        phrase: '每年',
        occurrence: '2023年度',
        missedOccurrences: 3,
        dueDate: '2023-12-31',
        baselineDate: '2023-10-31',
        daysOverdue: 182,
        status: 'not_started',
        leadUnits: ['甲局', '乙局'],
        supportUnits: [],
        lastReportDate: null,
        notices: { count: 0, open: 0, lastIssuedDate: null },
      }),
    ],
  };

  it('has one row per overdue milestone, with units joined by 、 and 从未填报 where no report came', () => {
    const [sheet] = overdueSheets(report);
    expect(sheet.title).toBe('逾期事项');
    expect(sheet.header).toEqual(['编号', '事项', '章节', '时限（原文）', '到期日', '原定到期日', '逾期天数', '状态', '牵头单位', '配合单位', '最近填报日期', '督办次数', '未回复督办', '最近督办日期']);
    expect(sheet.widths).toHaveLength(14);
    expect(sheet.rows).toEqual([
      ['任务1', '建立台账', '一、章', '2024年3月底前', '2024-03-31', '', '91', '推进中', '甲局', '乙局、丙局', '2024-05-10', '2', '1', '2024-06-05'],
      ['指标2', '利用率', '目标', '每年（2023年度；另有2期逾期未销号）', '2023-12-31', '2023-10-31', '182', '未开始', '甲局、乙局', '', '从未填报', '0', '0', ''],
    ]);
  });
});

describe('the units sheets', () => {
  const report: UnitsReport = {
    plan: PLAN,
    asOf: '2024-06-30',
    units: [
      {
        unitId: 1,
        name: '甲局',
        kind: 'agency',
        lead: 1,
        support: 1,
        closed: 1,
        overdue: 1,
        silent: 1,
        items: [
          { itemType: 'task', itemId: 1, code: '任务1', title: '建立台账', role: 'lead', status: 'in_progress', light: 'red', overdue: true, nextDue: { dueDate: '2024-03-31', phrase: '3月底前' }, percent: 40, lastReportDate: '2024-05-10', silent: false },
          { itemType: 'project', itemId: 2, code: '项目2', title: '分拣中心', role: 'support', status: 'closed', light: 'grey', overdue: false, nextDue: null, percent: null, lastReportDate: null, silent: true },
        ],
      },
      {
        unitId: 2,
        name: '乙局',
        kind: 'agency',
        lead: 1,
        support: 0,
        closed: 0,
        overdue: 0,
        silent: 2,
        items: [{ itemType: 'task', itemId: 3, code: '任务3', title: '宣传', role: 'lead', status: 'submitted', light: 'yellow', overdue: false, nextDue: null, percent: 100, lastReportDate: null, silent: true }],
      },
    ],
    silentUnits: [
      { unitId: 1, name: '甲局', items: ['项目2'] },
      { unitId: 2, name: '乙局', items: ['任务3', '任务4'] },
    ],
  };

  it('lists every line of every unit, roles, lights and 是/否 in Chinese', () => {
    const [lines] = unitsSheets(report);
    expect(lines.title).toBe('责任清单');
    expect(lines.header).toEqual(['责任单位', '角色', '编号', '事项', '状态', '信号灯', '逾期', '下一时限', '到期日', '完成进度', '本单位最近填报', '从未填报']);
    expect(lines.widths).toHaveLength(12);
    expect(lines.rows).toEqual([
      ['甲局', '牵头', '任务1', '建立台账', '推进中', '红灯', '是', '3月底前', '2024-03-31', '40%', '2024-05-10', '否'],
      ['甲局', '配合', '项目2', '分拣中心', '已销号', '灰灯', '否', '', '', '', '', '是'],
      ['乙局', '牵头', '任务3', '宣传', '已报完成', '黄灯', '否', '', '', '100%', '', '是'],
    ]);
  });

  it('names the silent units with how many items and which', () => {
    const [, silent] = unitsSheets(report);
    expect(silent.title).toBe('从未填报的单位');
    expect(silent.header).toEqual(['责任单位', '从未填报的事项数', '事项']);
    expect(silent.rows).toEqual([
      ['甲局', '1', '项目2'],
      ['乙局', '2', '任务3、任务4'],
    ]);
  });

  it('has Chinese names for every light and attainment', () => {
    expect(LIGHT_NAMES).toEqual({ red: '红灯', yellow: '黄灯', green: '绿灯', grey: '灰灯' });
    expect(ATTAINMENT_NAMES).toEqual({ met: '达标', not_met: '未达标', needs_judgement: '待判定', no_target: '无目标值' });
  });
});

describe('the assessment sheet', () => {
  const report: AssessmentReport = {
    plan: PLAN,
    year: 2024,
    asOf: '2024-06-30',
    rule: { onTimeWeight: 60, reportingWeight: 25, noticesWeight: 15, silencePenalty: 3 },
    units: [
      {
        unitId: 2,
        name: '乙局',
        onTime: { counted: 4, met: 3, rate: 75 },
        reporting: { counted: 12, met: 6, rate: 50 },
        notices: { counted: 0, met: 0, rate: null },
        silentItems: [],
        score: 67.6,
        rank: 1,
      },
      {
        unitId: 1,
        name: '甲局',
        onTime: { counted: 0, met: 0, rate: null },
        reporting: { counted: 0, met: 0, rate: null },
        notices: { counted: 0, met: 0, rate: null },
        silentItems: ['任务1', '项目2'],
        score: null,
        rank: null,
      },
    ],
  };

  it('is titled by the year, names the weights in its header and shows nothing measured as blank', () => {
    const [sheet] = assessmentSheets(report);
    expect(sheet.title).toBe('2024年度考核');
    expect(sheet.header).toEqual([
      '排名',
      '责任单位',
      '得分',
      '按期销号（60分）应完成',
      '按期销号',
      '按期销号率',
      '按月填报（25分）应填报',
      '已填报',
      '填报及时率',
      '督办回复（15分）应回复',
      '按期回复',
      '回复率',
      '从未填报事项（每项扣3分）',
    ]);
    expect(sheet.widths).toHaveLength(13);
    expect(sheet.rows).toEqual([
      ['1', '乙局', '67.6', '4', '3', '75%', '12', '6', '50%', '0', '0', '', ''],
      ['', '甲局', '', '0', '0', '', '0', '0', '', '0', '0', '', '任务1、项目2'],
    ]);
  });
});
