import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { binary } from './helpers/binary.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

type ListType = 'task' | 'project' | 'indicator';
const LISTS: Record<ListType, string> = { task: 'tasks', project: 'projects', indicator: 'indicators' };
const STATUSES = ['not_started', 'in_progress', 'submitted', 'closed', 'suspended'];
const LIGHTS = ['red', 'yellow', 'green', 'grey'];
const AS_OF = '2026-11-23';

interface Counts {
  total: number;
  byStatus: Record<string, number>;
  overdue: number;
  lights: Record<string, number>;
}
interface OverdueRow {
  itemType: ListType;
  itemId: number;
  code: string;
  milestoneId: number;
  dueDate: string;
  baselineDate: string | null;
  daysOverdue: number;
  status: string;
  leadUnits: string[];
  supportUnits: string[];
  lastReportDate: string | null;
  notices: { count: number; open: number };
}
interface UnitLine {
  itemType: ListType;
  itemId: number;
  code: string;
  role: string;
  status: string;
  overdue: boolean;
  silent: boolean;
  lastReportDate: string | null;
}
interface UnitEntry {
  unitId: number;
  name: string;
  lead: number;
  closed: number;
  overdue: number;
  items: UnitLine[];
}

describe('supervision reports', () => {
  let t: TestApp;
  let jiangjin: number;
  let tokens: Record<'office' | 'jxw' | 'sthj' | 'leader' | 'otherOffice', string>;
  const api = (path: string) => `/api/v1/plans/${jiangjin}${path}`;
  const ids: Record<string, number> = {};

  const itemId = async (list: ListType, seq: number): Promise<number> => {
    const res = await t
      .http()
      .get(api(`/${LISTS[list]}?limit=1000`))
      .expect(200);
    return (res.body.items as { id: number; seq: number }[]).find((i) => i.seq === seq)!.id;
  };
  const milestones = async (list: ListType, id: number): Promise<{ id: number; dueDate: string }[]> =>
    (
      await t
        .http()
        .get(api(`/${LISTS[list]}/${id}`))
        .expect(200)
    ).body.milestones;
  const at = (date: string) => t.clock.set(`${date}T10:00:00+08:00`);
  const report = async (token: string, body: object): Promise<number> =>
    (
      await t
        .as(token)
        .post(api('/progress'))
        .send({ narrative: '按计划推进', submit: true, ...body })
        .expect(201)
    ).body.id;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    jiangjin = await planId(t, 'jiangjin');
    at('2023-06-01');
    tokens = {
      office: await t.login('jiangjin-office'),
      jxw: await t.login('jiangjin-jxw'),
      sthj: await t.login('jiangjin-sthj'),
      leader: await t.login('jiangjin-leader'),
      otherOffice: await t.login('foshan-office'),
    };
    ids.task11 = await itemId('task', 11);
    ids.task1 = await itemId('task', 1);
    ids.task2 = await itemId('task', 2);
    ids.project9 = await itemId('project', 9);
    ids.indicator1 = await itemId('indicator', 1);
    ids.indicator3 = await itemId('indicator', 3);
    const [m1, m2] = await milestones('task', ids.task11);
    [ids.m1, ids.m2] = [m1.id, m2.id];
    ids.task2m = (await milestones('task', ids.task2))[0].id;
    const units = (await t.http().get(api('/units')).expect(200)).body.items as { id: number; name: string }[];
    ids.jxw = units.find((u) => u.name === '区经济信息委')!.id;
    ids.sthj = units.find((u) => u.name === '区生态环境局')!.id;

    // Seeded progress, each step on its own day.
    at('2023-06-10');
    await report(tokens.jxw, { itemType: 'task', itemId: ids.task11, milestoneId: ids.m1, state: 'in_progress', percent: 40 });
    at('2023-12-20');
    const done = await report(tokens.jxw, { itemType: 'task', itemId: ids.task11, milestoneId: ids.m1, state: 'done' });
    at('2023-12-28');
    await t
      .as(tokens.office)
      .post(api(`/progress/${done}/accept`))
      .send({ comment: '核实完成' })
      .expect(200);
    at('2024-03-01');
    const notice = await t
      .as(tokens.office)
      .post(api('/notices'))
      .send({ itemType: 'task', itemId: ids.task1, content: '请说明进展', answerBy: '2024-03-10' })
      .expect(201);
    at('2024-03-08');
    await t
      .as(tokens.sthj)
      .post(api(`/notices/${notice.body.id}/answer`))
      .send({ answer: '已制定工作方案' })
      .expect(200);
    at('2025-02-01');
    await t
      .as(tokens.office)
      .put(api(`/indicators/${ids.indicator1}/values/2024`))
      .send({ value: 0.45 })
      .expect(200);
    at('2025-05-10');
    await report(tokens.sthj, { itemType: 'project', itemId: ids.project9, state: 'in_progress', percent: 60, investmentDone: 1000 });
    at('2025-06-01');
    await report(tokens.sthj, { itemType: 'indicator', itemId: ids.indicator3, state: 'in_progress', percent: 50 });
    at('2025-08-01');
    // Investment only, no percent: the percent of May stands, the investment is this one.
    await report(tokens.sthj, { itemType: 'project', itemId: ids.project9, state: 'in_progress', investmentDone: 1500 });
    at('2025-11-20');
    const ext = await t
      .as(tokens.jxw)
      .post(api('/extensions'))
      .send({ milestoneId: ids.m2, requestedDueDate: '2026-06-30', reason: '园区认定流程延长' })
      .expect(201);
    at('2025-12-01');
    await t
      .as(tokens.office)
      .post(api(`/extensions/${ext.body.id}/approve`))
      .send({})
      .expect(200);
    // Task 2 (due at the end of 2025) is suspended once overdue.
    at('2026-01-10');
    await t
      .as(tokens.office)
      .post(api(`/milestones/${ids.task2m}/suspend`))
      .send({ reason: '上级政策调整，暂缓实施' })
      .expect(200);
    t.clock.set(`${AS_OF}T09:00:00+08:00`);
  }, 60_000);
  afterAll(() => t.close());

  describe('the numbers reconcile across reports and with the list endpoints, on every seed plan', () => {
    for (const key of ['jiangjin', 'foshan', 'jiangmen', 'jiangyin']) {
      it(`${key}: counts by list, status, light and overdue agree with the lists; overdue, units and assessment agree with progress`, async () => {
        const plan = await planId(t, key);
        const get = async (path: string) => (await t.http().get(`/api/v1/plans/${plan}${path}`).expect(200)).body;
        const progress = await get(`/reports/progress?asOf=${AS_OF}`);
        const overdue = await get(`/reports/overdue?asOf=${AS_OF}`);
        const units = await get(`/reports/units?asOf=${AS_OF}`);
        const assessment = await get(`/reports/assessment?asOf=${AS_OF}`);

        let total = 0;
        expect(progress.lists.length).toBeGreaterThan(0);
        for (const list of progress.lists as (Counts & { list: ListType; chapters: Counts[] })[]) {
          const count = async (filter: string) => (await get(`/${LISTS[list.list]}?asOf=${AS_OF}&limit=1&${filter}`)).total as number;
          expect(list.total).toBe(await count(''));
          for (const status of STATUSES) expect([list.list, status, list.byStatus[status]]).toEqual([list.list, status, await count(`status=${status}`)]);
          for (const light of LIGHTS) expect([list.list, light, list.lights[light]]).toEqual([list.list, light, await count(`light=${light}`)]);
          expect(list.overdue).toBe(await count('overdue=true'));
          expect(list.chapters.reduce((sum, c) => sum + c.total, 0)).toBe(list.total);
          expect(list.chapters.reduce((sum, c) => sum + c.overdue, 0)).toBe(list.overdue);
          total += list.total;
        }
        expect(progress.totals.total).toBe(total);

        const rows = overdue.rows as OverdueRow[];
        expect(overdue.items).toBe(progress.totals.overdue);
        expect(new Set(rows.map((r) => `${r.itemType}:${r.itemId}`)).size).toBe(progress.totals.overdue);
        expect(Object.values(overdue.byList as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(rows.length);
        expect(rows.map((r) => r.daysOverdue)).toEqual([...rows.map((r) => r.daysOverdue)].sort((a, b) => b - a));
        // Every seed plan has items due before 2026 and nothing closed in the bare seeds, so each has overdue rows.
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row.dueDate < AS_OF).toBe(true);

        const byName = new Map((units.units as UnitEntry[]).map((u) => [u.name, u]));
        expect(progress.units.length).toBeGreaterThan(0);
        expect(units.units.length).toBeGreaterThan(0);
        expect(assessment.units.length).toBeGreaterThan(0);
        for (const unit of progress.units as { unitId: number; name: string; led: number; closed: number; overdue: number }[]) {
          const entry = byName.get(unit.name)!;
          const ledOverdue = new Set(rows.filter((r) => r.leadUnits.includes(unit.name)).map((r) => `${r.itemType}:${r.itemId}`));
          expect([unit.name, unit.overdue]).toEqual([unit.name, ledOverdue.size]);
          expect([unit.name, unit.led, unit.closed]).toEqual([
            unit.name,
            entry.lead,
            entry.items.filter((i) => i.role === 'lead' && i.status === 'closed').length,
          ]);
        }
        for (const entry of units.units as UnitEntry[]) {
          const held = new Set(
            rows.filter((r) => r.leadUnits.includes(entry.name) || r.supportUnits.includes(entry.name)).map((r) => `${r.itemType}:${r.itemId}`),
          );
          expect([entry.name, entry.overdue]).toEqual([entry.name, held.size]);
        }
        const silent = new Map((units.silentUnits as { unitId: number; items: string[] }[]).map((u) => [u.unitId, u.items]));
        for (const unit of assessment.units as { unitId: number; silentItems: string[] }[]) expect(unit.silentItems).toEqual(silent.get(unit.unitId) ?? []);
      });
    }

    it('the overdue report of one unit is the rows of the whole report that name it', async () => {
      const all = (
        await t
          .http()
          .get(api(`/reports/overdue?asOf=${AS_OF}`))
          .expect(200)
      ).body.rows as OverdueRow[];
      const jxw = (
        await t
          .http()
          .get(api(`/reports/overdue?asOf=${AS_OF}&unitId=${ids.jxw}`))
          .expect(200)
      ).body.rows as OverdueRow[];
      expect(jxw.length).toBeGreaterThan(0);
      expect(jxw).toEqual(all.filter((r) => r.leadUnits.includes('区经济信息委') || r.supportUnits.includes('区经济信息委')));
      const projects = (
        await t
          .http()
          .get(api(`/reports/overdue?asOf=${AS_OF}&list=project`))
          .expect(200)
      ).body;
      expect(projects.rows).toEqual(all.filter((r) => r.itemType === 'project'));
    });
  });

  describe('seeded progress shows in the reports as of each date', () => {
    it('task 11: the first milestone closed on time, the second overdue against its extended deadline', async () => {
      const body = (
        await t
          .as(tokens.leader)
          .get(api(`/reports/overdue?asOf=${AS_OF}`))
          .expect(200)
      ).body;
      const rows = (body.rows as OverdueRow[]).filter((r) => r.itemId === ids.task11 && r.itemType === 'task');
      expect(rows).toEqual([
        expect.objectContaining({
          milestoneId: ids.m2,
          dueDate: '2026-06-30',
          baselineDate: '2025-12-31',
          daysOverdue: 146,
          lastReportDate: '2023-12-20',
          status: 'not_started',
        }),
      ]);
      const progress = (
        await t
          .as(tokens.leader)
          .get(api(`/reports/progress?asOf=${AS_OF}`))
          .expect(200)
      ).body;
      const jxw = progress.units.find((u: { name: string }) => u.name === '区经济信息委');
      expect(jxw.closedOnTime).toBe(1);
      expect(jxw.onTimeRate).toBeCloseTo((1 / jxw.due) * 100, 1);
    });

    it('a report for a past day shows what stood then: silent until the first report, closed on time from 2023-12-28', async () => {
      const line = async (asOf: string) => {
        const body = (
          await t
            .as(tokens.office)
            .get(api(`/reports/units?asOf=${asOf}&unitId=${ids.jxw}`))
            .expect(200)
        ).body;
        return (body.units[0].items as UnitLine[]).find((i) => i.itemType === 'task' && i.itemId === ids.task11)!;
      };
      expect(await line('2023-06-09')).toMatchObject({ status: 'not_started', silent: true, lastReportDate: null });
      expect(await line('2023-06-10')).toMatchObject({ status: 'in_progress', silent: false, lastReportDate: '2023-06-10' });
      expect(await line('2023-12-27')).toMatchObject({ status: 'in_progress', lastReportDate: '2023-12-20' });
      const onTime = async (asOf: string) =>
        (
          await t
            .as(tokens.office)
            .get(api(`/reports/progress?asOf=${asOf}`))
            .expect(200)
        ).body.units.find((u: { name: string }) => u.name === '区经济信息委').closedOnTime;
      expect(await onTime('2023-12-27')).toBe(0);
      expect(await onTime('2023-12-28')).toBe(1);
    });

    it('a suspended milestone is not overdue', async () => {
      const rows = (
        await t
          .http()
          .get(api(`/reports/overdue?asOf=${AS_OF}`))
          .expect(200)
      ).body.rows as OverdueRow[];
      expect(rows.some((r) => r.milestoneId === ids.task2m)).toBe(false);
      const before = (await t.http().get(api('/reports/overdue?asOf=2026-01-09')).expect(200)).body.rows as OverdueRow[];
      expect(before.some((r) => r.milestoneId === ids.task2m)).toBe(true);
    });

    it('projects show planned and reported investment; indicators their latest value and attainment', async () => {
      const body = (
        await t
          .http()
          .get(api(`/reports/progress?asOf=${AS_OF}`))
          .expect(200)
      ).body;
      const project = body.projects.find((p: { itemId: number }) => p.itemId === ids.project9);
      expect(project).toMatchObject({ reportedInvestment: 1500, percent: 60, status: 'in_progress' });
      expect(project.investment).not.toBeNull();
      expect(body.investment.reported).toBe(1500);
      const indicator = body.indicators.find((i: { itemId: number }) => i.itemId === ids.indicator1);
      expect(indicator).toMatchObject({
        baseline: { year: 2020, value: 0.49 },
        finalTarget: { year: 2025 },
        latest: { period: '2024', value: 0.45 },
        attainment: { status: 'met' },
      });
      // The 2024 value stands from the end of 2024.
      const earlier = (await t.http().get(api('/reports/progress?asOf=2024-12-30')).expect(200)).body;
      expect(earlier.indicators.find((i: { itemId: number }) => i.itemId === ids.indicator1).latest).toBeNull();
      const yearEnd = (await t.http().get(api('/reports/progress?asOf=2024-12-31')).expect(200)).body;
      expect(yearEnd.indicators.find((i: { itemId: number }) => i.itemId === ids.indicator1).latest).toMatchObject({ period: '2024', value: 0.45 });
      const july = (await t.http().get(api('/reports/progress?asOf=2025-07-31')).expect(200)).body;
      expect(july.projects.find((p: { itemId: number }) => p.itemId === ids.project9)).toMatchObject({ reportedInvestment: 1000, percent: 60 });
      await t
        .as(tokens.jxw)
        .post(api('/progress'))
        .send({ itemType: 'task', itemId: ids.task11, state: 'in_progress', investmentDone: 5, narrative: '投资' })
        .expect(400);
    });

    it('the 2024 assessment scores the answered notice; silence is named; the rule can be changed', async () => {
      const body = (await t.as(tokens.leader).get(api('/reports/assessment?year=2024&asOf=2026-11-23')).expect(200)).body;
      expect(body.asOf).toBe('2024-12-31');
      const sthj = body.units.find((u: { name: string }) => u.name === '区生态环境局');
      expect(sthj.notices).toEqual({ counted: 1, met: 1, rate: 100 });
      // Project 9 was first reported on in May 2025: silent as of the end of 2024, not a year later.
      expect(sthj.silentItems).toEqual(expect.arrayContaining(['任务1', '项目9']));
      const later = (await t.as(tokens.leader).get(api('/reports/assessment?year=2025')).expect(200)).body;
      expect(later.units.find((u: { name: string }) => u.name === '区生态环境局').silentItems).not.toContain('项目9');
      const jxw = body.units.find((u: { name: string }) => u.name === '区经济信息委');
      expect(jxw.silentItems).not.toContain('任务11');
      await t
        .as(tokens.leader)
        .put(api('/reports/assessment/rule'))
        .send({ onTimeWeight: 1, reportingWeight: 1, noticesWeight: 1, silencePenalty: 0 })
        .expect(403);
      await t
        .as(tokens.office)
        .put(api('/reports/assessment/rule'))
        .send({ onTimeWeight: 0, reportingWeight: 0, noticesWeight: 100, silencePenalty: 0 })
        .expect(200);
      const after = (await t.as(tokens.office).get(api('/reports/assessment?year=2024')).expect(200)).body;
      expect(after.units.find((u: { name: string }) => u.name === '区生态环境局')).toMatchObject({ score: 100, rank: 1 });
      expect(after.rule).toEqual({ onTimeWeight: 0, reportingWeight: 0, noticesWeight: 100, silencePenalty: 0 });
    });
  });

  describe('who sees what', () => {
    it('a unit user gets its own overdue items and its own responsibility list, and no assessment', async () => {
      const rows = (
        await t
          .as(tokens.jxw)
          .get(api(`/reports/overdue?asOf=${AS_OF}&unitId=${ids.sthj}`))
          .expect(200)
      ).body.rows as OverdueRow[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect([...row.leadUnits, ...row.supportUnits]).toContain('区经济信息委');
      const units = (await t.as(tokens.jxw).get(api('/reports/units')).expect(200)).body.units as UnitEntry[];
      expect(units.map((u) => u.name)).toEqual(['区经济信息委']);
      await t.as(tokens.jxw).get(api('/reports/assessment')).expect(403);
    });

    it('across plans: the admin sees every plan, an office its own, a region filter narrows', async () => {
      const all = (await t.http().get(`/api/v1/reports/progress?asOf=${AS_OF}`).expect(200)).body as { plan: { id: number } }[];
      expect(all.map((r) => r.plan.id).sort()).toEqual([1, 2, 3, 4].map(String).map(Number).sort());
      // Sent piece by piece: still one JSON array of each plan's own report, with its length said up front.
      const overdue = await t.http().get(`/api/v1/reports/overdue?asOf=${AS_OF}`).expect(200);
      expect(overdue.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(overdue.headers['content-length'])).toBe(Buffer.byteLength(overdue.text));
      for (const report of overdue.body as { plan: { id: number } }[]) {
        expect(report).toEqual((await t.http().get(`/api/v1/plans/${report.plan.id}/reports/overdue?asOf=${AS_OF}`).expect(200)).body);
      }
      const nowhere = await t
        .http()
        .get(`/api/v1/reports/overdue?asOf=${AS_OF}&region=${encodeURIComponent('没有这个地区')}`)
        .expect(200);
      expect(nowhere.text).toBe('[]');
      const own = (await t.as(tokens.otherOffice).get(`/api/v1/reports/overdue?asOf=${AS_OF}`).expect(200)).body as { plan: { id: number } }[];
      expect(own.map((r) => r.plan.id)).toEqual([await planId(t, 'foshan')]);
      const region = (
        await t
          .http()
          .get(`/api/v1/reports/progress?asOf=${AS_OF}&region=${encodeURIComponent('江津')}`)
          .expect(200)
      ).body as { plan: { id: number } }[];
      expect(region.map((r) => r.plan.id)).toEqual([jiangjin]);
      const single = (
        await t
          .http()
          .get(api(`/reports/progress?asOf=${AS_OF}`))
          .expect(200)
      ).body;
      expect(all.find((r) => r.plan.id === jiangjin)).toEqual(single);
    });
  });

  describe('formats', () => {
    it('CSV: a BOM, Chinese headers and one line per overdue milestone', async () => {
      const json = (
        await t
          .http()
          .get(api(`/reports/overdue?asOf=${AS_OF}`))
          .expect(200)
      ).body;
      const res = await t
        .http()
        .get(api(`/reports/overdue?asOf=${AS_OF}&format=csv`))
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(decodeURIComponent(res.headers['content-disposition'])).toContain('逾期报告-2026-11-23.csv');
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      const records: string[][] = parse(res.text.slice(1));
      expect(records[0].slice(0, 7)).toEqual(['编号', '事项', '章节', '时限（原文）', '到期日', '原定到期日', '逾期天数']);
      expect(records.length - 1).toBe(json.rows.length);
      expect(records[1][0]).toBe(json.rows[0].code);
      expect(Number(records[1][6])).toBe(json.rows[0].daysOverdue);
    });

    it('XLSX: the progress report as sheets with Chinese headers that match the JSON', async () => {
      const json = (
        await t
          .http()
          .get(api(`/reports/progress?asOf=${AS_OF}`))
          .expect(200)
      ).body;
      const res = await binary(t.http().get(api(`/reports/progress?asOf=${AS_OF}&format=xlsx`))).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((res.body as Buffer).buffer as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['分清单分章节进展', '牵头单位', '目标指标', '项目投资与完成', '未明确牵头单位']);
      const units = book.getWorksheet('牵头单位')!;
      expect(units.getRow(1).getCell(1).value).toBe('牵头单位');
      expect(units.rowCount - 1).toBe(json.units.length);
      expect(units.getRow(2).getCell(4).value).toBe(String(json.units[0].overdue));
      const last = book.getWorksheet('分清单分章节进展')!.lastRow!;
      expect([last.getCell(1).value, last.getCell(3).value]).toEqual(['全部清单', String(json.totals.total)]);
    });

    it('HTML: a Chinese A4 briefing with SVG charts of status by chapter and by unit', async () => {
      const res = await t
        .as(tokens.leader)
        .get(api(`/reports/progress?asOf=${AS_OF}&format=html`))
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<html lang="zh-CN">');
      expect(res.text).toContain('size: A4');
      expect(res.text).toContain('“无废城市”建设工作简报');
      expect(res.text).toContain('截至2026年11月23日');
      expect(res.text.match(/<svg /g)).toHaveLength(2);
      expect(res.text).toContain('图1 各章节事项状态');
      expect(res.text).toContain('图2 各牵头单位事项状态');
      for (const kind of ['overdue', 'units', 'assessment']) {
        const page = await t
          .http()
          .get(api(`/reports/${kind}?asOf=${AS_OF}&format=html`))
          .expect(200);
        expect(page.text).toContain('size: A4');
      }
    });

    it('every format exists for every report and across plans', async () => {
      for (const path of [
        api('/reports/progress'),
        api('/reports/overdue'),
        api('/reports/units'),
        api('/reports/assessment'),
        '/api/v1/reports/progress',
        '/api/v1/reports/overdue',
      ]) {
        for (const format of ['csv', 'xlsx', 'html']) {
          const res = await binary(t.http().get(`${path}?asOf=${AS_OF}&format=${format}`)).expect(200);
          expect([path, format, (res.body as Buffer).length > 200]).toEqual([path, format, true]);
        }
      }
    });
  });

  describe('bad input', () => {
    it('names the value that is wrong', async () => {
      const badDate = await t.http().get(api('/reports/progress?asOf=2026-02-30')).expect(400);
      expect(JSON.stringify(badDate.body)).toContain('asOf');
      const badFormat = await t.http().get(api('/reports/progress?format=pdf')).expect(400);
      expect(JSON.stringify(badFormat.body)).toContain('format');
      const badList = await t.http().get(api('/reports/overdue?list=tasks')).expect(400);
      expect(JSON.stringify(badList.body)).toContain('list');
      await t.http().get(api('/reports/units?unitId=999999')).expect(404);
      await t.http().get('/api/v1/plans/999999/reports/progress').expect(404);
      const zero = await t
        .as(tokens.office)
        .put(api('/reports/assessment/rule'))
        .send({ onTimeWeight: 0, reportingWeight: 0, noticesWeight: 0, silencePenalty: 2 })
        .expect(400);
      expect(zero.body.message).toContain('权重');
    });
  });
});
