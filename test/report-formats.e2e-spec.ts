import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { binary } from './helpers/binary.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/*
 * Every report in every format, read back: the CSV parsed, the XLSX opened, the briefing's tables taken apart, and
 * their cells compared with the JSON and with numbers worked out by hand from the seed documents
 * (seeds/jiangjin/*.csv): 82 tasks, 13 projects (62 350 万元 in all, 合计 row of 附件2), 3 indicators.
 *
 * The plan (江津) is the bare seed plus two things done in beforeAll:
 *   - 2024-03-15: 区经济信息委 reports task 11 (it leads it) 40% done on its first milestone → task 11 in progress;
 *   - 2025-02-01: the office records indicator 1 (工业固体废物产生强度, target ≤0.48吨/万元 in 2025) at 0.45 for 2024.
 * Nothing is ever closed out. On 2026-11-23 every project is overdue: deadlines 2022 (projects 5 and 9: 1423 days
 * since 2022-12-31), 2023 (project 12: 1058 days), the rest 2025 (327 days).
 */
const AS_OF = '2026-11-23';
/** The machine running the suite may be busy: starting the app and rendering a workbook can take more than 5 s. */
const SLOW = 60_000;
type Table = string[][];
interface Sheet {
  title: string;
  header: string[];
  rows: Table;
}

/** Sections of a CSV: one table, or several each under a title line with an empty line between. */
function csvSheets(text: string, titles: string[]): Sheet[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const records: string[][] = parse(text.slice(1), { relax_column_count: true, skip_empty_lines: false });
  if (titles.length === 1) return [{ title: titles[0], header: records[0], rows: records.slice(1) }];
  const sheets: Sheet[] = [];
  let current: string[][] = [];
  const flush = () => {
    if (current.length) sheets.push({ title: current[0][0], header: current[1], rows: current.slice(2) });
    current = [];
  };
  for (const record of records) {
    if (record.length === 0 || (record.length === 1 && record[0] === '')) flush();
    else current.push(record);
  }
  flush();
  return sheets;
}

async function xlsxSheets(body: Buffer): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const width = ws.getRow(1).cellCount;
    const table: Table = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      table.push(Array.from({ length: width }, (_, c) => row.getCell(c + 1).text ?? ''));
    }
    return { title: ws.name, header: table[0], rows: table.slice(1) };
  });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
const plain = (html: string) => unescape(html.replace(/<[^>]*>/g, '')).trim();

/** The tables of a briefing page, each as rows of cell texts (header row first). */
function htmlTables(html: string): Table[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, inner]) =>
    [...inner.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => plain(cell))),
  );
}

const pct = (v: number | null) => (v === null ? '' : `${v}%`);
const STATUS_ZH: Record<string, string> = { not_started: '未开始', in_progress: '推进中', submitted: '已报完成', closed: '已销号', suspended: '已暂停' };
const LIGHT_ZH: Record<string, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '灰灯' };

interface Counts {
  total: number;
  byStatus: Record<string, number>;
  overdue: number;
  lights: Record<string, number>;
  closedRate: number | null;
  overdueRate: number | null;
}
/** The count columns in the order of their Chinese headers: 事项数 未开始 推进中 已报完成 已销号 已暂停 逾期 销号率 逾期率 红灯 黄灯 绿灯 灰灯. */
const countCells = (c: Counts) => [
  String(c.total),
  ...['not_started', 'in_progress', 'submitted', 'closed', 'suspended'].map((s) => String(c.byStatus[s])),
  String(c.overdue),
  pct(c.closedRate),
  pct(c.overdueRate),
  ...['red', 'yellow', 'green', 'grey'].map((l) => String(c.lights[l])),
];

describe('report formats read back (江津, 2026-11-23)', () => {
  let t: TestApp;
  let plan: number;
  const api = (path: string) => `/api/v1/plans/${plan}${path}`;
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as Promise<T>;
  };
  /** One report in one format: JSON body, CSV text, XLSX buffer or HTML text. */
  const fetchReport = (kind: string, query: string, format: 'json' | 'csv' | 'xlsx' | 'html') =>
    once(`${kind}?${query}&${format}`, async () => {
      const url = api(`/reports/${kind}?${query}${format === 'json' ? '' : `&format=${format}`}`);
      if (format === 'xlsx') return (await binary(t.http().get(url)).expect(200)).body as Buffer;
      const res = await t.http().get(url).expect(200);
      return format === 'json' ? res.body : res.text;
    });
  const json = <T = any>(kind: string, query = `asOf=${AS_OF}`) => fetchReport(kind, query, 'json') as Promise<T>;
  const csv = async (kind: string, titles: string[], query = `asOf=${AS_OF}`) => csvSheets((await fetchReport(kind, query, 'csv')) as string, titles);
  const xlsx = async (kind: string, query = `asOf=${AS_OF}`) => xlsxSheets((await fetchReport(kind, query, 'xlsx')) as Buffer);
  const html = async (kind: string, query = `asOf=${AS_OF}`) => (await fetchReport(kind, query, 'html')) as string;

  const PROGRESS_TITLES = ['分清单分章节进展', '牵头单位', '目标指标', '项目投资与完成', '未明确牵头单位'];

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    plan = await planId(t, 'jiangjin');
    const at = (date: string) => t.clock.set(`${date}T10:00:00+08:00`);
    at('2024-03-15');
    const jxw = await t.login('jiangjin-jxw');
    const office = await t.login('jiangjin-office');
    const tasks = (await t.http().get(api('/tasks?limit=1000')).expect(200)).body.items as { id: number; seq: number }[];
    const task11 = tasks.find((i) => i.seq === 11)!.id;
    const [m1] = (
      await t
        .http()
        .get(api(`/tasks/${task11}`))
        .expect(200)
    ).body.milestones as { id: number }[];
    await t
      .as(jxw)
      .post(api('/progress'))
      .send({ itemType: 'task', itemId: task11, milestoneId: m1.id, state: 'in_progress', percent: 40, narrative: '已完成园区调研', submit: true })
      .expect(201);
    at('2025-02-01');
    const indicators = (await t.http().get(api('/indicators?limit=10')).expect(200)).body.items as { id: number; seq: number }[];
    await t
      .as(office)
      .put(api(`/indicators/${indicators.find((i) => i.seq === 1)!.id}/values/2024`))
      .send({ value: 0.45 })
      .expect(200);
    t.clock.set(`${AS_OF}T09:00:00+08:00`);
  }, SLOW);
  afterAll(() => t?.close());

  describe('progress', () => {
    it(
      'CSV and XLSX hold the same five tables, cell for cell',
      async () => {
        const fromCsv = await csv('progress', PROGRESS_TITLES);
        const fromXlsx = await xlsx('progress');
        expect(fromCsv.map((s) => s.title)).toEqual(PROGRESS_TITLES);
        expect(fromXlsx.map((s) => s.title)).toEqual(PROGRESS_TITLES);
        expect(fromXlsx).toEqual(fromCsv);
      },
      SLOW,
    );

    it(
      "the status table's rows are the JSON's lists, chapters and totals, and the task row counts 82 tasks, 1 in progress",
      async () => {
        const report = await json('progress');
        const [status] = await csv('progress', PROGRESS_TITLES);
        expect(status.header).toEqual([
          '清单',
          '章节',
          '事项数',
          '未开始',
          '推进中',
          '已报完成',
          '已销号',
          '已暂停',
          '逾期',
          '销号率',
          '逾期率',
          '红灯',
          '黄灯',
          '绿灯',
          '灰灯',
        ]);
        const expected = [
          ...report.lists.flatMap((l: Counts & { name: string; chapters: (Counts & { name: string })[] }) => [
            [l.name, '合计', ...countCells(l)],
            ...l.chapters.map((c) => [l.name, c.name, ...countCells(c)]),
          ]),
          ['全部清单', '合计', ...countCells(report.totals)],
        ];
        expect(status.rows).toEqual(expected);
        // By hand: 82 tasks, none closed, task 11 the only one begun.
        expect(status.rows[0].slice(0, 8)).toEqual(['任务清单', '合计', '82', '81', '1', '0', '0', '0']);
        expect(status.rows[0][9]).toBe('0%');
        // 13 projects, all overdue and red, none begun: 8 工程项目 and 5 配套政策及能力建设.
        const projects = status.rows.find((r) => r[0] === '项目清单' && r[1] === '合计')!;
        expect(projects.slice(2, 12)).toEqual(['13', '13', '0', '0', '0', '0', '13', '0%', '100%', '13']);
        const chapters = status.rows.filter((r) => r[0] === '项目清单' && r[1] !== '合计');
        expect(chapters.map((r) => [r[1].includes('工程项目') || r[1].includes('配套政策'), r[2]])).toEqual([
          [true, '8'],
          [true, '5'],
        ]);
        expect(status.rows.find((r) => r[0] === '目标清单')![2]).toBe('3');
        expect(status.rows.at(-1)!.slice(0, 3)).toEqual(['全部清单', '合计', '98']);
      },
      SLOW,
    );

    it(
      'the lead-unit table is the JSON units, one row each',
      async () => {
        const report = await json('progress');
        const [, units] = await csv('progress', PROGRESS_TITLES);
        expect(units.rows).toEqual(
          report.units.map((u: { name: string; led: number; closed: number; overdue: number; due: number; closedOnTime: number; onTimeRate: number | null }) =>
            [u.name, u.led, u.closed, u.overdue, u.due, u.closedOnTime].map(String).concat(pct(u.onTimeRate)),
          ),
        );
        // Nothing was ever closed out: no unit has closed an item or a milestone on time.
        for (const row of units.rows) expect([row[0], row[2], row[5]]).toEqual([row[0], '0', '0']);
      },
      SLOW,
    );

    it(
      'the indicator table shows indicator 1 as the documents give it, with the 2024 value 0.45 met against ≤0.48',
      async () => {
        const report = await json('progress');
        const [, , indicators] = await csv('progress', PROGRESS_TITLES);
        expect(indicators.rows.map((r) => r[0])).toEqual(report.indicators.map((i: { code: string }) => i.code));
        expect(indicators.rows.map((r) => r[0])).toEqual(['指标1', '指标2', '指标3']);
        const [one, two, three] = indicators.rows;
        expect([one[1], one[3], one[4], one[5], one[6], one[7], one[8], one[9]]).toEqual([
          '工业固体废物产生强度',
          '2020',
          '0.49吨/万元',
          '2025',
          '≤0.48吨/万元',
          '2024',
          '0.45',
          '达标',
        ]);
        expect([two[1], two[3], two[4], two[5], two[6], two[9]]).toEqual(['一般工业固体废物综合利用率', '2020', '86.69%', '2025', '88%', '暂无数据']);
        expect([three[1], three[9]]).toEqual(['危险废物规范化管理抽查合格率', '暂无数据']);
      },
      SLOW,
    );

    it(
      'the project table gives planned investment as in 附件2, no reported investment, all overdue',
      async () => {
        const report = await json('progress');
        const [, , , projects] = await csv('progress', PROGRESS_TITLES);
        expect(projects.rows).toEqual(
          report.projects.map(
            (p: {
              code: string;
              name: string;
              category: string;
              investment: number | null;
              reportedInvestment: number | null;
              percent: number | null;
              status: string;
              overdue: boolean;
              dueDate: string | null;
            }) => [
              p.code,
              p.name,
              p.category,
              p.investment === null ? '' : String(p.investment),
              p.reportedInvestment === null ? '' : String(p.reportedInvestment),
              pct(p.percent),
              STATUS_ZH[p.status],
              p.overdue ? '是' : '否',
              p.dueDate ?? '',
            ],
          ),
        );
        expect(projects.rows[0]).toEqual(['项目1', '固体废弃物综合利用基地项目', projects.rows[0][2], '25000', '', '', '未开始', '是', '2025-12-31']);
        expect(projects.rows.find((r) => r[0] === '项目9')!.slice(3)).toEqual(['100', '', '', '未开始', '是', '2022-12-31']);
        expect(projects.rows.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(62350);
        expect(report.investment).toEqual({ planned: 62350, reported: 0 });
      },
      SLOW,
    );

    it(
      'the unassigned table names projects 1 and 2 (责任单位 暂未明确) among the items without a lead',
      async () => {
        const report = await json('progress');
        const [, , , , unassigned] = await csv('progress', PROGRESS_TITLES);
        expect(unassigned.rows).toEqual(report.unassigned.map((u: { code: string; title: string }) => [u.code, u.title]));
        expect(unassigned.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['项目1', '项目2']));
      },
      SLOW,
    );

    it(
      'the briefing prints the same tables and the hand-worked totals',
      async () => {
        const page = await html('progress');
        const fromCsv = await csv('progress', PROGRESS_TITLES);
        const tables = htmlTables(page);
        expect(tables).toHaveLength(5);
        tables.forEach((table, i) => expect(table).toEqual([fromCsv[i].header, ...fromCsv[i].rows]));
        expect(plain(page)).toContain('共有任务清单82项、项目清单13项、目标清单3项');
        expect(plain(page)).toContain('项目计划总投资62350万元，已报完成投资0万元');
      },
      SLOW,
    );
  });

  describe('overdue', () => {
    const TITLES = ['逾期事项'];

    it(
      'CSV and XLSX rows are the JSON rows, in the same order',
      async () => {
        const report = await json('overdue');
        const [fromCsv] = await csv('overdue', TITLES);
        const [fromXlsx] = await xlsx('overdue');
        expect(fromXlsx).toEqual(fromCsv);
        expect(fromCsv.header).toEqual([
          '编号',
          '事项',
          '章节',
          '时限（原文）',
          '到期日',
          '原定到期日',
          '逾期天数',
          '状态',
          '牵头单位',
          '配合单位',
          '最近填报日期',
          '督办次数',
          '未回复督办',
          '最近督办日期',
        ]);
        expect(fromCsv.rows).toHaveLength(report.rows.length);
        fromCsv.rows.forEach((row, i) => {
          const r = report.rows[i];
          expect(row).toEqual([
            r.code,
            r.title,
            r.group,
            row[3],
            r.dueDate,
            r.baselineDate ?? '',
            String(r.daysOverdue),
            STATUS_ZH[r.status],
            r.leadUnits.join('、'),
            r.supportUnits.join('、'),
            r.lastReportDate ?? '从未填报',
            String(r.notices.count),
            String(r.notices.open),
            r.notices.lastIssuedDate ?? '',
          ]);
        });
      },
      SLOW,
    );

    it(
      'the project rows: 13 overdue, 1423 days for the 2022 deadlines, 1058 for 2023, 327 for 2025, never reported',
      async () => {
        const [rows] = await csv('overdue', TITLES, `asOf=${AS_OF}&list=project`);
        expect(rows.rows.map((r) => [r[0], r[4], r[6], r[7], r[10]])).toEqual([
          ['项目5', '2022-12-31', '1423', '未开始', '从未填报'],
          ['项目9', '2022-12-31', '1423', '未开始', '从未填报'],
          ['项目12', '2023-12-31', '1058', '未开始', '从未填报'],
          ...[1, 2, 3, 4, 6, 7, 8, 10, 11, 13].map((n) => [`项目${n}`, '2025-12-31', '327', '未开始', '从未填报']),
        ]);
        expect(rows.rows.find((r) => r[0] === '项目9')![8]).toBe('区生态环境局');
        expect(rows.rows.find((r) => r[0] === '项目1')![8]).toBe('');
        const [fromXlsx] = await xlsx('overdue', `asOf=${AS_OF}&list=project`);
        expect(fromXlsx.rows).toEqual(rows.rows);
      },
      SLOW,
    );

    it(
      'the briefing lists the JSON rows and says how many items and milestones are overdue',
      async () => {
        const report = await json('overdue');
        const [table] = htmlTables(await html('overdue'));
        expect(table[0]).toEqual(['编号', '事项', '时限（原文）', '到期日', '逾期天数', '牵头单位', '最近填报', '督办']);
        expect(table.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[6]])).toEqual(
          report.rows.map((r: { code: string; dueDate: string; daysOverdue: number; leadUnits: string[]; lastReportDate: string | null }) => [
            r.code,
            r.dueDate,
            String(r.daysOverdue),
            r.leadUnits.join('、') || '未明确',
            r.lastReportDate ?? '从未填报',
          ]),
        );
        expect(plain(await html('overdue'))).toContain(
          `共有${report.items}项事项的${report.milestones}个时限节点逾期未销号（任务${report.byList.task}个、项目13个、指标${report.byList.indicator}个）`,
        );
        // The longest overdue are the 2022 deadlines.
        expect(report.rows[0].daysOverdue).toBe(1423);
      },
      SLOW,
    );
  });

  describe('units', () => {
    const TITLES = ['责任清单', '从未填报的单位'];

    it(
      'CSV and XLSX hold the same two tables, and the lines are the JSON lines',
      async () => {
        const report = await json('units');
        const fromCsv = await csv('units', TITLES);
        expect(await xlsx('units')).toEqual(fromCsv);
        expect(fromCsv.map((s) => s.title)).toEqual(TITLES);
        const expected = report.units.flatMap((u: { name: string; items: any[] }) =>
          u.items.map((i) => [
            u.name,
            i.role === 'lead' ? '牵头' : '配合',
            i.code,
            i.title,
            STATUS_ZH[i.status],
            LIGHT_ZH[i.light],
            i.overdue ? '是' : '否',
            i.nextDue?.phrase ?? '',
            i.nextDue?.dueDate ?? '',
            pct(i.percent),
            i.lastReportDate ?? '',
            i.silent ? '是' : '否',
          ]),
        );
        expect(fromCsv[0].rows).toEqual(expected);
        expect(fromCsv[1].rows).toEqual(report.silentUnits.map((u: { name: string; items: string[] }) => [u.name, String(u.items.length), u.items.join('、')]));
      },
      SLOW,
    );

    it(
      "区经济信息委's line for task 11: leads it, in progress at 40%, overdue, last reported 2024-03-15, not silent",
      async () => {
        const [lines] = await csv('units', TITLES);
        const line = lines.rows.find((r) => r[0] === '区经济信息委' && r[2] === '任务11')!;
        expect([line[1], line[4], line[5], line[6], line[9], line[10], line[11]]).toEqual(['牵头', '推进中', '红灯', '是', '40%', '2024-03-15', '否']);
        // Task 1 (目标指标, 区生态环境局 leads, 区经济信息委 supports): never reported on.
        const support = lines.rows.find((r) => r[0] === '区经济信息委' && r[2] === '任务1')!;
        expect([support[1], support[4], support[10], support[11]]).toEqual(['配合', '未开始', '', '是']);
        const [, silent] = await csv('units', TITLES);
        const jxw = silent.rows.find((r) => r[0] === '区经济信息委')!;
        expect(jxw[2].split('、')).not.toContain('任务11');
        expect(jxw[2].split('、')).toContain('任务1');
      },
      SLOW,
    );

    it(
      'the briefing prints the silent-unit table and a line per held item',
      async () => {
        const fromCsv = await csv('units', TITLES);
        const tables = htmlTables(await html('units'));
        expect(tables).toHaveLength(2);
        expect(tables[0]).toEqual([fromCsv[1].header, ...fromCsv[1].rows]);
        expect(tables[1][0]).toEqual(['责任单位', '角色', '编号', '事项', '状态', '下一时限', '本单位最近填报']);
        expect(tables[1].slice(1).map((r) => [r[0], r[1], r[2], r[6]])).toEqual(fromCsv[0].rows.map((r) => [r[0], r[1], r[2], r[10] || '从未填报']));
        const line = tables[1].find((r) => r[0] === '区经济信息委' && r[2] === '任务11')!;
        expect(line[4]).toBe('推进中（逾期）');
      },
      SLOW,
    );
  });

  describe('assessment (2024)', () => {
    const QUERY = `year=2024&asOf=${AS_OF}`;
    const TITLES = ['2024年度考核'];

    it(
      'CSV and XLSX rows are the JSON units, with the default weights in the header',
      async () => {
        const report = await json('assessment', QUERY);
        const [fromCsv] = await csv('assessment', TITLES, QUERY);
        const [fromXlsx] = await xlsx('assessment', QUERY);
        expect(fromXlsx).toEqual(fromCsv);
        expect(fromXlsx.title).toBe('2024年度考核');
        expect(fromCsv.header).toEqual([
          '排名',
          '责任单位',
          '得分',
          '按期销号（50分）应完成',
          '按期销号',
          '按期销号率',
          '按月填报（30分）应填报',
          '已填报',
          '填报及时率',
          '督办回复（20分）应回复',
          '按期回复',
          '回复率',
          '从未填报事项（每项扣2分）',
        ]);
        type Part = { counted: number; met: number; rate: number | null };
        expect(fromCsv.rows).toEqual(
          report.units.map(
            (u: { rank: number | null; name: string; score: number | null; onTime: Part; reporting: Part; notices: Part; silentItems: string[] }) => [
              u.rank === null ? '' : String(u.rank),
              u.name,
              u.score === null ? '' : String(u.score),
              ...[u.onTime, u.reporting, u.notices].flatMap((p) => [String(p.counted), String(p.met), pct(p.rate)]),
              u.silentItems.join('、'),
            ],
          ),
        );
      },
      SLOW,
    );

    it(
      '区经济信息委 reported in one month of 2024 (March, on task 11) and had no notices to answer',
      async () => {
        const [sheet] = await csv('assessment', TITLES, QUERY);
        const jxw = sheet.rows.find((r) => r[1] === '区经济信息委')!;
        expect([jxw[7], jxw[9], jxw[10], jxw[11]]).toEqual(['1', '0', '0', '']);
        expect(jxw[12].split('、')).not.toContain('任务11');
        // Ranks run 1, 2, … down the sheet (equal scores share one).
        const ranks = sheet.rows
          .map((r) => r[0])
          .filter((r) => r !== '')
          .map(Number);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(ranks[0]).toBe(1);
      },
      SLOW,
    );

    it(
      'the briefing ranks the same units with the same scores',
      async () => {
        const [sheet] = await csv('assessment', TITLES, QUERY);
        const [table] = htmlTables(await html('assessment', QUERY));
        expect(table[0]).toEqual(['排名', '责任单位', '得分', '按期销号率', '按月填报率', '督办按期回复率', '从未填报事项']);
        const dash = (s: string) => s || '—';
        expect(table.slice(1)).toEqual(
          sheet.rows.map((r) => [dash(r[0]), r[1], dash(r[2]), dash(r[5]), dash(r[8]), dash(r[11]), `${r[12] ? r[12].split('、').length : 0}项`]),
        );
      },
      SLOW,
    );
  });
});
