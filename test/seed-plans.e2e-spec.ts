import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { SEEDS_DIR } from '../src/seeds/seed-files.js';
import { SeedService } from '../src/seeds/seed.service.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

interface Named {
  id: number;
  name: string;
}
interface Milestone {
  dueDate: string | null;
  kind: string;
  quantity: string | null;
  phrase: string;
  certain: boolean;
}
interface TaskView {
  seq: number;
  chapter: string;
  taskGroup: string;
  content: string;
  leadUnits: Named[];
  supportingUnits: Named[];
  milestones: Milestone[];
}

describe('seed plans, as the documents write them', () => {
  let t: TestApp;
  let jiangjin: number;
  let foshan: number;
  let jiangyin: number;
  let jiangmen: number;

  beforeAll(async () => {
    t = await startTestApp();
    [jiangjin, foshan, jiangyin, jiangmen] = await Promise.all(['jiangjin', 'foshan', 'jiangyin', 'jiangmen'].map((key) => planId(t, key)));
  });
  afterAll(() => t.close());

  const get = async (path: string) => (await t.http().get(`/api/v1${path}`).expect(200)).body;

  describe('Jiangjin (江津区)', () => {
    it('answers 82 tasks, 13 projects and 3 indicators', async () => {
      const plan = await get(`/plans/${jiangjin}`);
      expect(plan.name).toBe('重庆市江津区工业固体废物污染环境防治“十四五”规划');
      expect(plan.counts).toMatchObject({ tasks: 82, projects: 13, indicators: 3 });
      expect(plan).toMatchObject({ periodStart: '2021-01-01', periodEnd: '2025-12-31', baseYear: 2020, timeZone: 'Asia/Shanghai' });
    });

    it('keeps the 6 chapters and the task groups carried down from the annex', async () => {
      const { items } = await get(`/plans/${jiangjin}/tasks?limit=100`);
      const tasks = items as TaskView[];
      expect(tasks.map((x) => x.seq)).toEqual(Array.from({ length: 82 }, (_, i) => i + 1));
      expect(new Set(tasks.map((x) => x.chapter)).size).toBe(6);
      const task5 = tasks[4];
      expect(task5.chapter).toBe('二、推广源头减量工艺，促进工业产业升级');
      expect(task5.taskGroup).toBe('强化工业固体废物环评审查');
      expect(task5.content).toBe('严格执行长江经济带发展负面清单、重庆市产业投资准入等规定，严控高污染、高环境风险项目和过剩产能项目上马。');
      expect(task5.leadUnits.map((u) => u.name)).toEqual(['区生态环境局']);
      expect(task5.supportingUnits.map((u) => u.name)).toEqual(['区发展改革委']);
      expect(tasks[81].chapter).toBe('六、开展监管能力建设，强化环境风险防控');
      expect(tasks[81].taskGroup).toBe('加强生态环境行业专家智库建设');
      expect(tasks[81].supportingUnits).toEqual([]);
    });

    it('gives task 16 its two supporting units and task 11 one milestone per dated clause', async () => {
      const { items } = await get(`/plans/${jiangjin}/tasks?limit=100`);
      const task16 = (items as TaskView[]).find((x) => x.seq === 16)!;
      expect(task16.leadUnits.map((u) => u.name)).toEqual(['江津区规划和自然资源局']);
      expect(task16.supportingUnits.map((u) => u.name)).toEqual(['区生态环境局', '区应急管理局']);
      const task11 = (items as TaskView[]).find((x) => x.seq === 11)!;
      expect(task11.content).toBe('到2023年，新增绿色工厂3个，到2025年，新增绿色工厂10个，力争创建绿色园区1个。');
      expect(task11.milestones.map((m) => [m.dueDate, m.quantity, m.phrase])).toEqual([
        ['2023-12-31', '3个', '到2023年'],
        ['2025-12-31', '10个', '到2025年'],
      ]);
    });

    it('holds the 13 projects with investments totalling 62350 万元, two of them unassigned', async () => {
      const { items, total } = await get(`/plans/${jiangjin}/projects`);
      expect(total).toBe(13);
      const sum = (items as { investment: number }[]).reduce((s, p) => s + p.investment, 0);
      expect(sum).toBe(62350);
      const first = items[0];
      expect(first).toMatchObject({
        seq: 1,
        category: '工程项目',
        name: '固体废弃物综合利用基地项目',
        investment: 25000,
        fundingSource: '企业自筹',
        deadlineText: '2025',
        leadUnits: [],
        leadUnitsText: '暂未明确',
      });
      expect(first.milestones[0]).toMatchObject({ dueDate: '2025-12-31', certain: true });
      expect(items[1].leadUnits).toEqual([]);
      expect(items[4]).toMatchObject({ investment: 899, deadlineText: '2022', leadUnits: [{ name: '冀东水泥重庆江津有限责任公司' }] });
      expect(items[8]).toMatchObject({ category: '配套政策及能力建设', name: '工业固废5张清单详查', fundingSource: '区级资金' });
      expect((items as { leadUnits: Named[] }[]).filter((p) => p.leadUnits.length === 0)).toHaveLength(2);
    });

    it('reports the unassigned projects as a responsibility gap, never as a unit', async () => {
      const matrix = await get(`/plans/${jiangjin}/responsibilities`);
      expect(matrix.gaps.items.filter((g: { itemType: string }) => g.itemType === 'project').map((g: { seq: number }) => g.seq)).toEqual([1, 2]);
      const units = await get(`/plans/${jiangjin}/units`);
      expect(units.items.map((u: Named) => u.name)).not.toContain('暂未明确');
    });

    it('keeps the 3 indicators of table 2 with annex-1 definitions, and the two targets of the third', async () => {
      const { items } = await get(`/plans/${jiangjin}/indicators`);
      expect(items).toHaveLength(3);
      expect(items[0]).toMatchObject({
        name: '工业固体废物产生强度',
        unit: '吨/万元',
        direction: 'lower',
        baselineYear: 2020,
        baselineText: '0.49吨/万元',
        baselineValue: 0.49,
        targets: [{ year: 2025, text: '≤0.48吨/万元', value: 0.48, scope: null }],
        formula: '工业固体废物产生强度=工业固体废物产生量÷工业增加值。',
        dataSource: '区生态环境局、区统计局。',
      });
      expect(items[0].definition).toMatch(/^指纳入固体废物申报登记范围的工业企业，每万元工业增加值的工业固体废物/);
      expect(items[1]).toMatchObject({ name: '一般工业固体废物综合利用率', baselineValue: 86.69, direction: 'higher', targets: [{ value: 88 }] });
      expect(items[2].targets).toEqual([
        { year: 2025, text: '95%（产废单位）', value: 95, scope: '产废单位' },
        { year: 2025, text: '100% （经营单位）', value: 100, scope: '经营单位' },
      ]);
      expect(items[2].formula).toContain('经营单位危险废物规范化管理合格率');
    });
  });

  describe('Foshan (佛山)', () => {
    it('answers the 60 level-3 indicators with categories, marks and the values as written', async () => {
      const { items, total } = await get(`/plans/${foshan}/indicators?limit=100`);
      expect(total).toBe(60);
      expect(items[0]).toMatchObject({
        seq: 1,
        level1: '固体废物源头减量',
        level2: '工业源头减量',
        name: '一般工业固体废物产生强度',
        mark: 'mandatory',
        unit: '吨/万元',
        baselineYear: 2020,
        baselineText: '0.078',
        targets: [{ year: 2023, text: '0.078', value: 0.078 }],
        leadUnits: [{ name: '市生态环境局' }],
      });
      const bySeq = (seq: number) => items.find((i: { seq: number }) => i.seq === seq);
      expect(bySeq(7)).toMatchObject({ baselineText: '暂未统计', baselineValue: null, note: '调整指标' });
      expect(bySeq(25).targets[0]).toMatchObject({ text: '负增长', value: null });
      expect(bySeq(43)).toMatchObject({ baselineText: '——', targets: [{ text: '待市财政局补充数据', value: null }], direction: 'qualitative' });
      expect(bySeq(43).leadUnits).toHaveLength(4);
      const marks = items.map((i: { mark: string | null }) => i.mark);
      expect(marks.filter((m: string | null) => m === 'mandatory')).toHaveLength(24);
      expect(marks.filter((m: string | null) => m === 'local')).toHaveLength(5);
    });

    it('holds the section-2 tasks with their responsible units', async () => {
      const { items, total } = await get(`/plans/${foshan}/tasks?limit=100`);
      expect(total).toBe(49);
      expect(items[0].chapter).toBe('（一）推行工业绿色生产，加快工业固体废物资源化利用');
      expect(items[0].taskGroup).toBe('1.推行绿色工业生产');
      expect(items.every((i: TaskView) => i.leadUnits.length > 0)).toBe(true);
    });

    it('keeps "以下任务涉及各区人民政府落实的，不再列出" as written: 各区人民政府 supports task 1 only, and a note says why', async () => {
      const { items } = await get(`/plans/${foshan}/tasks?limit=100`);
      const tasks = items as TaskView[];
      expect(tasks[0].leadUnits.map((u) => u.name)).toEqual(['市工业和信息化局', '市生态环境局']);
      expect(tasks[0].supportingUnits.map((u) => u.name)).toEqual(['各区人民政府']);
      expect(tasks.filter((x) => x.supportingUnits.some((u) => u.name === '各区人民政府')).map((x) => x.seq)).toEqual([1]);
      const plan = await get(`/plans/${foshan}`);
      expect(plan.notes[0]).toContain('以下任务涉及各区人民政府落实的，不再列出');
      expect(plan.notes[0]).toContain('按原文保留');
      expect(plan.source).toBe(
        '《佛山市“无废城市”建设试点实施方案（公开征求意见稿）》，公开征求意见稿（草案，非正式印发文本）：2、主要任务，3、保障措施，附件 佛山市“无废城市”建设试点指标体系',
      );
    });

    it('holds the 保障措施 groups: the mayor-led leadership group, 市无废办 at 市生态环境局, and the six 工作专班', async () => {
      const { groups } = await get(`/plans/${foshan}/units`);
      expect(groups.map((g: { name: string; kind: string; leader: string | null }) => [g.name, g.kind, g.leader])).toEqual([
        ['佛山市“无废城市”建设试点工作领导小组', 'leadership', '市长'],
        ['市无废办', 'office', null],
        ['工业绿色生产工作专班', 'working', null],
        ['绿色生活方式工作专班', 'working', null],
        ['农业绿色生产工作专班', 'working', null],
        ['医疗废物管理工作专班', 'working', null],
        ['固体废物管理机制体制完善工作专班', 'working', null],
        ['设施能力建设工作专班', 'working', null],
      ]);
      expect(groups[0]).toMatchObject({ duties: '实行定期会议协调制度', leadUnits: [], memberUnits: [] });
      expect(groups[1]).toMatchObject({ duties: '日常工作由市生态环境局牵头负责', leadUnits: [{ name: '市生态环境局' }] });
      expect(groups[2].duties).toBe('实行组长负责制，明确专班职责，强化激励措施');
    });

    it("dates the districts' implementation plans by the end of June 2022 (保障措施（二）)", async () => {
      const plan = await get(`/plans/${foshan}`);
      expect(plan.stages).toHaveLength(1);
      expect(plan.stages[0]).toMatchObject({
        name: '细化工作任务',
        content:
          '各区应根据广东省和佛山市试点工作要求，编制本区建设试点实施方案，并组织专家评审通过后，于2022年6月底前报送佛山市无废办，由各区人民政府正式印发实施。',
        deadlineText: '2022年6月底前',
      });
      expect(plan.stages[0].milestones.map((m: Milestone) => [m.phrase, m.dueDate])).toEqual([['2022年6月底前', '2022-06-30']]);
    });
  });

  describe('Jiangyin (江阴)', () => {
    it('holds the section-二 tasks, the 47 leadership-group units and the four working groups', async () => {
      const tasks = await get(`/plans/${jiangyin}/tasks?limit=100`);
      expect(tasks.total).toBe(21);
      const units = await get(`/plans/${jiangyin}/units`);
      const leadership = units.groups.find((g: { kind: string }) => g.kind === 'leadership');
      expect(leadership.name).toBe('江阴市“无废城市”建设工作领导小组');
      expect(leadership.memberUnits).toHaveLength(47);
      expect(leadership.memberUnits[0].name).toBe('澄江街道办事处');
      expect(leadership.memberUnits[46].name).toBe('江阴市新国联集团有限公司');
      const working = Object.fromEntries(
        units.groups.filter((g: { kind: string }) => g.kind === 'working').map((g: { name: string; leadUnits: Named[] }) => [g.name, g.leadUnits.length]),
      );
      for (const name of ['综合协调工作组', '工业固体废物工作组', '农业废弃物工作组', '生活废弃物工作组']) expect(working[name]).toBe(1);
    });

    it('keeps each task unit cell as the document lists it beside the canonical units (the standing units are in no cell)', async () => {
      const { items } = await get(`/plans/${jiangyin}/tasks?limit=100`);
      expect(items[1]).toMatchObject({
        seq: 2,
        leadUnitsText: '市发展改革委、住房和城乡建设局、城管局、农业农村局、统计局、江阴生态环境局',
        supportUnitsText: '',
      });
      expect(items[1].supportingUnits).toHaveLength(18);
      expect(items[1].leadUnits).toHaveLength(6);
      expect(items[1].leadUnits[5].name).toBe('无锡市江阴生态环境局');
    });

    // The 18 units the annex lists for "各镇人民政府,街道办事处,高新区、临港经济开发区管委会", in its order.
    const IMPLEMENTING = [
      '澄江街道办事处',
      '南闸街道办事处',
      '夏港街道办事处',
      '申港街道办事处',
      '利港街道办事处',
      '璜土镇人民政府',
      '云亭街道办事处',
      '青阳镇人民政府',
      '徐霞客镇人民政府',
      '月城镇人民政府',
      '周庄镇人民政府',
      '长泾镇人民政府',
      '顾山镇人民政府',
      '祝塘镇人民政府',
      '华士镇人民政府',
      '新桥镇人民政府',
      '高新区管委会',
      '临港经济开发区管委会',
    ];

    it('gives every town, street office and park committee all 21 tasks as support ("以下均需…落实,不再列出")', async () => {
      for (const name of ['澄江街道办事处', '新桥镇人民政府', '高新区管委会', '临港经济开发区管委会']) {
        const view = await get(`/plans/${jiangyin}/responsibilities?unit=${encodeURIComponent(name)}`);
        expect([name, view.items.length]).toEqual([name, 21]);
        expect(view.items.every((i: { role: string }) => i.role === 'support')).toBe(true);
        expect(view.lead.total).toBe(0);
        expect(view.support).toMatchObject({ tasks: 21, total: 21 });
        expect(view.items.map((i: { seq: number }) => i.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      }
      const units = await get(`/plans/${jiangyin}/units`);
      const names = units.items.map((u: Named) => u.name);
      // The collective names are read through the annex, not kept as units of their own.
      expect(names).not.toContain('各镇人民政府');
      expect(names).not.toContain('街道办事处');
    });

    it('keeps task 1\'s 7 units "按职责分工负责" as lead and the implementing units as support', async () => {
      const { items } = await get(`/plans/${jiangyin}/tasks?limit=100`);
      const tasks = items as TaskView[];
      expect(tasks[0].leadUnits.map((u) => u.name)).toEqual([
        '江阴市发展和改革委员会',
        '江阴市工业和信息化局',
        '江阴市住房和城乡建设局',
        '江阴市城市综合管理局',
        '江阴市农业农村局',
        '江阴市市场监督管理局',
        '无锡市江阴生态环境局',
      ]);
      expect(tasks[0].supportingUnits.map((u) => u.name)).toEqual(IMPLEMENTING);
      // A later task: its own units lead, the standing units support after them.
      const task18 = tasks.find((x) => x.seq === 18)!;
      expect(task18.content).toMatch(/^深化碳普惠制/);
      expect(task18.leadUnits.map((u) => u.name)).toEqual(['无锡市江阴生态环境局']);
      expect(task18.supportingUnits.map((u) => u.name)).toEqual(IMPLEMENTING);
      expect(tasks.every((x) => x.supportingUnits.length === 18)).toBe(true);
    });

    it("names the leadership group's 组长 as written and keeps the standing sentence in the plan's notes", async () => {
      const units = await get(`/plans/${jiangyin}/units`);
      const leadership = units.groups.find((g: { kind: string }) => g.kind === 'leadership');
      expect(leadership.leader).toBe('市政府分管领导');
      const plan = await get(`/plans/${jiangyin}`);
      expect(plan.notes[0]).toContain('以下均需各镇人民政府、街道办事处,高新区、临港经济开发区管委会落实,不再列出');
      expect(plan.notes.join('')).toContain('原文未写副组长');
    });

    it('dates the mid-term review by the end of 2023 and the final review by the end of 2025', async () => {
      const plan = await get(`/plans/${jiangyin}`);
      const due = plan.stages.flatMap((s: { content: string; milestones: Milestone[] }) =>
        s.milestones.map((m) => [m.phrase, m.dueDate, s.content.includes('中期评估') || s.content.includes('总结评估')]),
      );
      expect(due).toEqual(
        expect.arrayContaining([
          ['2023年底前', '2023-12-31', true],
          ['2025年底前', '2025-12-31', true],
        ]),
      );
    });
  });

  describe('Jiangmen (江门)', () => {
    it('holds the 2023 zero-waste-park task and its 13.4万吨/年 project', async () => {
      const tasks = await get(`/plans/${jiangmen}/tasks`);
      expect(tasks.items).toHaveLength(1);
      expect(tasks.items[0].content).toContain('新财富产业园');
      expect(tasks.items[0].milestones[0]).toMatchObject({ dueDate: '2023-12-31' });
      const projects = await get(`/plans/${jiangmen}/projects`);
      expect(projects.items).toHaveLength(1);
      expect(projects.items[0].content).toContain('13.4 万吨/年');
      expect(projects.items[0].milestones[0]).toMatchObject({ dueDate: '2023-12-31' });
    });
  });

  it('Jiangjin keeps "各镇街要细化深化落实规划重点任务" as written, with a note, and no town on any task', async () => {
    const plan = await get(`/plans/${jiangjin}`);
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]).toContain('各镇街要细化深化落实规划重点任务');
    const units = await get(`/plans/${jiangjin}/units`);
    expect(units.items.map((u: Named) => u.name)).not.toContain('各镇街');
    expect((await get(`/plans/${jiangmen}`)).notes).toBeNull();
  });

  it('loads seeds once: a second load changes nothing', async () => {
    const before = (await get('/plans')).map((p: { counts: unknown }) => p.counts);
    const results = await t.app.get(SeedService).loadAll();
    expect(results.map((r) => r.key).sort()).toEqual(['foshan', 'jiangjin', 'jiangmen', 'jiangyin']);
    expect(results.every((r) => !r.loaded)).toBe(true);
    const after = (await get('/plans')).map((p: { counts: unknown }) => p.counts);
    expect(after).toEqual(before);
  });
});

/** Path-like text: a file name with an extension, or a slash path starting at ./, ../ or a lowercase folder name. */
const PATH_LIKE =
  /(?<![\w/.:@-])(?:(?:\.{1,2}\/)?(?:[\w-]+\/)*[\w-][\w.-]*\.(?:txt|csv|json|md|ts|js|mjs|cjs|xlsx|xls|pdf|docx?|html?|eml|sqlite|ya?ml|png|jpe?g)|(?:\.{1,2}\/|\/)?[a-z][\w-]{2,}(?:\/[\w.-]+)+\/?)(?![\w/])/g;

function pathsIn(text: string): string[] {
  return [...text.matchAll(PATH_LIKE)].map((m) => m[0]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('seed files name only paths the repository has', () => {
  const root = dirname(SEEDS_DIR);

  it('tells a path from units of measure, standards and time zones', () => {
    expect(pathsIn('来源：seed-docs/002_b78d2d53063c0a33.txt；见 seeds/jiangyin/tasks.csv 与 data/outbox')).toEqual([
      'seed-docs/002_b78d2d53063c0a33.txt',
      'seeds/jiangyin/tasks.csv',
      'data/outbox',
    ]);
    expect(pathsIn('0.49吨/万元，GB/T39198-2020，GB/T 15555，3200t/d，kg/t，Asia/Shanghai，name@example.org')).toEqual([]);
  });

  it('finds no path in seeds/ that the repository lacks', () => {
    const missing: string[] = [];
    for (const file of filesUnder(SEEDS_DIR)) {
      for (const path of pathsIn(readFileSync(file, 'utf8'))) {
        const candidates = [join(root, path), join(dirname(file), path)];
        if (!candidates.some((c) => existsSync(c))) missing.push(`${relative(root, file)}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
