import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { binary } from './helpers/binary.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

const api = (path: string) => `/api/v1${path}`;

async function xlsx(rows: (string | number | { formula: string })[][], merges: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分工表');
  for (const row of rows) sheet.addRow(row);
  for (const range of merges) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The Jiangjin annex layout: a merged 任务内容 header, chapter title rows, task groups written once. */
const JIANGJIN_STYLE: string[][] = [
  ['序号', '任务内容', '', '牵头单位', '配合单位'],
  ['一、目标指标', '', '', '', ''],
  ['1', '目标指标', '至2025年，工业固体废物产生强度≤0.48吨/万元。', '区生态环境局', '区经济信息委'],
  ['2', '', '至2025年，一般工业固体废物综合利用率达到88%以上。', '区经济信息委', '区生态环境局'],
  ['二、推广源头减量工艺，促进工业产业升级', '', '', '', ''],
  ['3', '深化产业升级优化工业生产力', '到2023年，新增绿色工厂3个，到2025年，新增绿色工厂10个，力争创建绿色园区1个。', '区经济信息委', '各工业园区发展中心'],
  ['4', '持续推进绿色矿山建设', '到2022年底前，完成10座其他生产矿山绿色建设。', '江津区规划和自然资源局', '区生态环境局、区应急管理局'],
];

describe('import and export of the lists', () => {
  let t: TestApp;
  const newPlan = async (name: string, period = { periodStart: '2021-01-01', periodEnd: '2025-12-31' }) =>
    (
      await t
        .http()
        .post(api('/plans'))
        .send({ name, region: '测试区', ...period })
        .expect(201)
    ).body.id as number;
  const upload = (id: number, list: string, file: Buffer, filename: string, query = '') =>
    t
      .http()
      .post(api(`/plans/${id}/import/${list}${query}`))
      .attach('file', file, filename);
  /** A file download as a Buffer, whatever its content type. */
  const download = async (path: string): Promise<Buffer> => (await binary(t.http().get(api(path))).expect(200)).body as Buffer;
  const counts = async (id: number) =>
    (
      await t
        .http()
        .get(api(`/plans/${id}`))
        .expect(200)
    ).body.counts;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('imports a tasks sheet laid out as the Jiangjin annex into a new plan with units, roles and milestones', async () => {
    const id = await newPlan('江津式导入');
    const res = await upload(id, 'tasks', await xlsx(JIANGJIN_STYLE, ['B1:C1']), '任务分工表.xlsx', '?createUnits=true').expect(201);
    expect(res.body).toMatchObject({ created: 4, updated: 0, unchanged: 0, errors: [] });
    expect(res.body.unitsCreated).toEqual(expect.arrayContaining(['区生态环境局', '各工业园区发展中心', '江津区规划和自然资源局']));
    const { body } = await t
      .http()
      .get(api(`/plans/${id}/tasks`))
      .expect(200);
    expect(body.items.map((i: { seq: number; chapter: string; taskGroup: string }) => [i.seq, i.chapter, i.taskGroup])).toEqual([
      [1, '一、目标指标', '目标指标'],
      [2, '一、目标指标', '目标指标'],
      [3, '二、推广源头减量工艺，促进工业产业升级', '深化产业升级优化工业生产力'],
      [4, '二、推广源头减量工艺，促进工业产业升级', '持续推进绿色矿山建设'],
    ]);
    expect(body.items[3].supportingUnits.map((u: { name: string }) => u.name)).toEqual(['区生态环境局', '区应急管理局']);
    expect(body.items[2].milestones.map((m: { dueDate: string; quantity: string }) => [m.dueDate, m.quantity])).toEqual([
      ['2023-12-31', '3个'],
      ['2025-12-31', '10个'],
    ]);
    const units = await t
      .http()
      .get(api(`/plans/${id}/units`))
      .expect(200);
    expect(units.body.items.find((u: { name: string }) => u.name === '各工业园区发展中心').kind).toBe('group');
  });

  it('changes nothing when the same file is imported again', async () => {
    const id = await newPlan('重复导入');
    const file = await xlsx([['序号', '重点任务', '任务内容', '牵头单位', '配合单位'], ...JIANGJIN_STYLE.slice(1)]);
    await upload(id, 'tasks', file, 'a.xlsx', '?createUnits=true').expect(201);
    const before = (await t.http().get(api(`/plans/${id}/tasks`))).body;
    const again = await upload(id, 'tasks', file, 'a.xlsx').expect(201);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect((await t.http().get(api(`/plans/${id}/tasks`))).body).toEqual(before);
  });

  it('updates the rows whose 序号 exists and counts them', async () => {
    const id = await newPlan('更新导入');
    await upload(id, 'tasks', Buffer.from('序号,任务内容,牵头单位\n1,原文,甲局\n2,第二项,乙局\n'), 'a.csv', '?createUnits=true').expect(201);
    const res = await upload(
      id,
      'tasks',
      Buffer.from('序号,任务内容,牵头单位\n1,改后的文字，2024年底前完成,甲局\n2,第二项,乙局\n3,新增,甲局\n'),
      'b.csv',
    ).expect(201);
    expect(res.body).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const { body } = await t
      .http()
      .get(api(`/plans/${id}/tasks`))
      .expect(200);
    expect(body.items[0]).toMatchObject({ content: '改后的文字，2024年底前完成', milestones: [{ dueDate: '2024-12-31' }] });
  });

  describe('an import never drops a row in silence', () => {
    it('imports every row of a CSV whose last rows were appended with LF line endings', async () => {
      const id = await newPlan('换行混用');
      const crlf = '序号,任务内容,牵头单位\r\n1,建立台账,甲局\r\n2,开展排查,乙局\r\n';
      const appended = '3,完善制度,甲局\n4,开展培训,乙局\n';
      const res = await upload(id, 'tasks', Buffer.from(crlf + appended), 'joined.csv', '?createUnits=true').expect(201);
      expect(res.body).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0, skipped: 0, skippedRows: [] });
      expect([...res.body.unitsCreated].sort()).toEqual(['乙局', '甲局']);
      const { body } = await t
        .http()
        .get(api(`/plans/${id}/tasks`))
        .expect(200);
      expect(
        body.items.map((i: { seq: number; content: string; leadUnits: { name: string }[] }) => [i.seq, i.content, i.leadUnits.map((u) => u.name)]),
      ).toEqual([
        [1, '建立台账', ['甲局']],
        [2, '开展排查', ['乙局']],
        [3, '完善制度', ['甲局']],
        [4, '开展培训', ['乙局']],
      ]);
    });

    it('refuses a row with more cells than the header has columns, naming the row and the extra cells, and writes nothing', async () => {
      const id = await newPlan('多出单元格');
      const file = '序号,任务内容,牵头单位\n1,建立台账,甲局\n2,开展排查,甲局,乙局,2024年底前\n';
      const res = await upload(id, 'tasks', Buffer.from(file), 'extra.csv', '?createUnits=true').expect(400);
      expect(res.body.code).toBe('IMPORT_FAILED');
      expect(res.body.errors).toEqual([
        {
          row: 3,
          column: 'D列',
          value: '乙局、2024年底前',
          message: '第3行有2个单元格超出表头的3列：D列“乙局”、E列“2024年底前”，请检查是否错列或多了分隔符',
        },
      ]);
      expect((await counts(id)).tasks).toBe(0);
    });

    it('accounts for every row: title, chapter, blank and 合计 rows are skipped with a reason each', async () => {
      const id = await newPlan('逐行计数');
      const file = await xlsx([
        ['附件2 重点项目表'],
        ['序号', '项目名称', '总投资（万元）', '责任单位'],
        ['一、工程项目'],
        [1, '固废处置场', 100, '甲局'],
        [],
        [2, '再生资源回收站', 50, '甲局'],
        ['合计', '', 150, ''],
      ]);
      const res = await upload(id, 'projects', file, 'projects.xlsx', '?createUnits=true').expect(201);
      expect(res.body).toMatchObject({ rows: 6, created: 2, updated: 0, unchanged: 0, skipped: 4 });
      expect(res.body.skippedRows).toEqual([
        { row: 1, reason: '表头前的标题行“附件2 重点项目表”' },
        { row: 3, reason: '标题行“一、工程项目”（作为下方各行的项目类别）' },
        { row: 5, reason: '空行' },
        { row: 7, reason: '合计行“合计”' },
      ]);
      expect(res.body.notes).toEqual(['“责任单位”列未区分牵头与配合，全部记为牵头单位']);
      const { body } = await t
        .http()
        .get(api(`/plans/${id}/projects`))
        .expect(200);
      expect(body.items.map((p: { seq: number; category: string; name: string }) => [p.seq, p.category, p.name])).toEqual([
        [1, '工程项目', '固废处置场'],
        [2, '工程项目', '再生资源回收站'],
      ]);
    });

    it('accounts for all 88 rows of the Jiangjin annex it was seeded from: 82 unchanged tasks, 6 chapter rows', async () => {
      const id = await planId(t, 'jiangjin');
      const file = readFileSync(fileURLToPath(new URL('../seeds/jiangjin/tasks.csv', import.meta.url)));
      const res = await upload(id, 'tasks', file, 'tasks.csv', '?dryRun=true').expect(201);
      expect(res.body).toMatchObject({ rows: 88, created: 0, updated: 0, unchanged: 82, skipped: 6, notes: [] });
      expect(res.body.skippedRows[0]).toEqual({ row: 2, reason: '标题行“一、目标指标”（作为下方各行的章节）' });
    });

    it('says which columns it did not import, with how many rows held text there', async () => {
      const id = await newPlan('未识别列');
      const file = '序号,任务内容,牵头单位,牵头领导\n1,建立台账,甲局,张三\n2,开展排查,甲局,\n';
      const res = await upload(id, 'tasks', Buffer.from(file), 'leader.csv', '?createUnits=true').expect(201);
      expect(res.body).toMatchObject({ rows: 2, created: 2, skipped: 0 });
      expect(res.body.notes).toEqual(['D列“牵头领导”不是可识别的列，其中1行的内容未导入；如需导入，请用 mapping 指定它对应的字段（指定为空则不再提示）']);
    });
  });

  describe('tables as other offices head them', () => {
    type Named = { name: string };
    const tasksOf = async (id: number) =>
      (
        await t
          .http()
          .get(api(`/plans/${id}/tasks`))
          .expect(200)
      ).body.items;

    it('recognises 编号 / 重点工作 / 主办单位 / 协办单位 / 时间节点', async () => {
      const id = await newPlan('主办协办');
      const file = '编号,重点工作,主办单位,协办单位,时间节点\n1,建立工业固体废物管理台账,甲局,"乙局、丙局",2023年底前\n';
      const res = await upload(id, 'tasks', Buffer.from(file), 'a.csv', '?createUnits=true').expect(201);
      expect(res.body).toMatchObject({ rows: 1, created: 1, notes: [] });
      const [task] = await tasksOf(id);
      expect(task).toMatchObject({ content: '建立工业固体废物管理台账', deadlineText: '2023年底前', milestones: [{ dueDate: '2023-12-31' }] });
      expect(task.leadUnits.map((u: Named) => u.name)).toEqual(['甲局']);
      expect(task.supportingUnits.map((u: Named) => u.name)).toEqual(['乙局', '丙局']);
    });

    it('records the units of a lone 责任单位 column all as lead units, as the seed plans were, and says so', async () => {
      const id = await newPlan('责任单位一列');
      const file = '序号,具体任务,责任单位,完成期限\n1,开展危险废物专项排查,"甲局、乙局",2024年6月底前\n';
      const res = await upload(id, 'tasks', Buffer.from(file), 'a.csv', '?createUnits=true').expect(201);
      expect(res.body.notes).toEqual(['“责任单位”列未区分牵头与配合，全部记为牵头单位']);
      const [task] = await tasksOf(id);
      expect(task.leadUnits.map((u: Named) => u.name)).toEqual(['甲局', '乙局']);
      expect(task.supportingUnits).toEqual([]);
      expect(task).toMatchObject({ leadUnitsText: '甲局、乙局', supportUnitsText: '', milestones: [{ dueDate: '2024-06-30' }] });
    });

    it('takes 重点任务 as the task text when the sheet has no other task column', async () => {
      const id = await newPlan('重点任务一列');
      const res = await upload(id, 'tasks', Buffer.from('序号,重点任务,牵头部门,配合部门\n1,推进绿色矿山建设,甲局,\n'), 'a.csv', '?createUnits=true').expect(
        201,
      );
      expect(res.body.created).toBe(1);
      expect((await tasksOf(id))[0]).toMatchObject({ content: '推进绿色矿山建设', taskGroup: '' });
    });

    it('reads a two-row header whose 责任单位 spans 牵头单位 and 配合单位', async () => {
      const id = await newPlan('两行表头');
      const file = await xlsx(
        [
          ['序号', '主要任务', '责任单位', '', '完成时限'],
          ['', '', '牵头单位', '配合单位', ''],
          [1, '完善固体废物管理制度', '甲局', '乙局', '2022年底前'],
        ],
        ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2'],
      );
      const res = await upload(id, 'tasks', file, 'two.xlsx', '?createUnits=true').expect(201);
      expect(res.body).toMatchObject({ rows: 1, created: 1, skipped: 0, notes: [] });
      const [task] = await tasksOf(id);
      expect(task).toMatchObject({ content: '完善固体废物管理制度', deadlineText: '2022年底前', leadUnitsText: '甲局', supportUnitsText: '乙局' });
    });

    it('imports with a mapping sent with the file, remembers it for the plan and list, and forgets it on request', async () => {
      const id = await newPlan('列对应');
      const mapping = { 督办事项: 'content', 责任科室: 'leadUnits', 办结时间: '完成时限' };
      const first = '编号,督办事项,责任科室,办结时间\n1,建立台账,甲局,2023年底前\n';
      const res = await t
        .http()
        .post(api(`/plans/${id}/import/tasks?createUnits=true`))
        .field('mapping', JSON.stringify(mapping))
        .attach('file', Buffer.from(first), 'office.csv')
        .expect(201);
      expect(res.body).toMatchObject({ created: 1, mapping, notes: ['列对应关系已保存，本方案以后导入任务清单时自动使用'] });
      expect((await tasksOf(id))[0]).toMatchObject({ content: '建立台账', deadlineText: '2023年底前', leadUnitsText: '甲局' });
      const stored = await t
        .http()
        .get(api(`/plans/${id}/import/tasks/mapping`))
        .expect(200);
      expect(stored.body).toMatchObject({ planId: id, list: 'tasks', mapping });
      expect(stored.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'content', name: '任务内容', required: true })]));
      expect(
        (
          await t
            .http()
            .get(api(`/plans/${id}/import/projects/mapping`))
            .expect(200)
        ).body.mapping,
      ).toBeNull();

      const again = await upload(id, 'tasks', Buffer.from('编号,督办事项,责任科室,办结时间\n1,建立并更新台账,甲局,2023年底前\n'), 'office.csv').expect(201);
      expect(again.body).toMatchObject({ updated: 1, mapping });
      expect(again.body.notes[0]).toBe(`按本方案任务清单已保存的列对应关系读取表头：${JSON.stringify(mapping)}`);

      await t
        .http()
        .delete(api(`/plans/${id}/import/tasks/mapping`))
        .expect(204);
      expect(
        (
          await t
            .http()
            .get(api(`/plans/${id}/import/tasks/mapping`))
            .expect(200)
        ).body.mapping,
      ).toBeNull();
      const forgotten = await upload(id, 'tasks', Buffer.from(first), 'office.csv').expect(400);
      expect(forgotten.body.errors[0]).toMatchObject({ row: 1, column: '任务内容' });
    });

    it('refuses a mapping naming an unknown field or a header the sheet lacks, or that is not JSON, writing nothing', async () => {
      const id = await newPlan('错误对应');
      const file = Buffer.from('序号,督办事项,责任科室\n1,建立台账,甲局\n');
      const query = (mapping: string) => `?createUnits=true&mapping=${encodeURIComponent(mapping)}`;
      const field = await upload(id, 'tasks', file, 'a.csv', query('{"督办事项":"预算","责任科室":"leadUnits"}')).expect(400);
      expect(field.body.errors).toEqual([expect.objectContaining({ column: 'mapping', value: '督办事项: 预算' })]);
      expect(field.body.errors[0].message).toContain('“督办事项”对应的“预算”不是可导入的字段');
      const header = await upload(id, 'tasks', file, 'a.csv', query('{"督办事项":"content","办结时间":"deadline"}')).expect(400);
      expect(header.body.errors).toEqual([expect.objectContaining({ row: 1, column: 'mapping', value: '办结时间' })]);
      expect(header.body.errors[0].message).toContain('列对应关系中的表头“办结时间”不在表格中');
      const json = await upload(id, 'tasks', file, 'a.csv', query('督办事项=content')).expect(400);
      expect(json.body.errors[0]).toMatchObject({ column: 'mapping', value: '督办事项=content' });
      expect((await counts(id)).tasks).toBe(0);
      expect(
        (
          await t
            .http()
            .get(api(`/plans/${id}/import/tasks/mapping`))
            .expect(200)
        ).body.mapping,
      ).toBeNull();
    });
  });

  describe('unit cells kept as written', () => {
    it('keeps a trailing 等 beside the parsed units and exports the cell back, so a re-import changes nothing', async () => {
      const id = await newPlan('等字');
      const file = '序号,任务内容,牵头单位,配合单位\n1,开展塑料污染治理,甲局,"乙局、丙局等"\n';
      const res = await upload(id, 'tasks', Buffer.from(file), 'a.csv', '?createUnits=true').expect(201);
      expect([...res.body.unitsCreated].sort()).toEqual(['丙局', '乙局', '甲局']);
      const { body } = await t
        .http()
        .get(api(`/plans/${id}/tasks`))
        .expect(200);
      expect(body.items[0]).toMatchObject({ leadUnitsText: '甲局', supportUnitsText: '乙局、丙局等' });
      expect(body.items[0].supportingUnits.map((u: { name: string }) => u.name)).toEqual(['乙局', '丙局']);
      const csv = await download(`/plans/${id}/export/tasks?format=csv`);
      const rows: string[][] = parse(csv.toString('utf8'), { bom: true });
      expect(rows[1].slice(4, 6)).toEqual(['甲局', '乙局、丙局等']);
      expect((await upload(id, 'tasks', csv, 'back.csv').expect(201)).body).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    });

    it('edits the cells through the item API, and clears a cell whose units change without a new text', async () => {
      const id = await newPlan('单位原文编辑');
      const jia = (
        await t
          .http()
          .post(api(`/plans/${id}/units`))
          .send({ name: '甲局' })
          .expect(201)
      ).body.id;
      const yi = (
        await t
          .http()
          .post(api(`/plans/${id}/units`))
          .send({ name: '乙局' })
          .expect(201)
      ).body.id;
      const created = await t
        .http()
        .post(api(`/plans/${id}/tasks`))
        .send({ seq: 1, content: '建立台账', leadUnitIds: [jia], leadUnitsText: '甲局等', supportingUnitIds: [yi], supportUnitsText: '乙局（配合）' })
        .expect(201);
      expect(created.body).toMatchObject({ leadUnitsText: '甲局等', supportUnitsText: '乙局（配合）' });
      const edited = await t
        .http()
        .patch(api(`/plans/${id}/tasks/${created.body.id}`))
        .send({ leadUnitsText: '甲局牵头', version: created.body.version })
        .expect(200);
      expect(edited.body).toMatchObject({ leadUnitsText: '甲局牵头', supportUnitsText: '乙局（配合）' });
      const moved = await t
        .http()
        .patch(api(`/plans/${id}/tasks/${created.body.id}`))
        .send({ supportingUnitIds: [], version: edited.body.version })
        .expect(200);
      expect(moved.body).toMatchObject({ leadUnitsText: '甲局牵头', supportUnitsText: null, supportingUnits: [] });
      const project = await t
        .http()
        .post(api(`/plans/${id}/projects`))
        .send({ seq: 1, name: '处置场', leadUnitIds: [jia], leadUnitsText: '甲局等' })
        .expect(201);
      expect(project.body).toMatchObject({ leadUnitsText: '甲局等', supportUnitsText: null });
      const rows: string[][] = parse((await download(`/plans/${id}/export/projects?format=csv`)).toString('utf8'), { bom: true });
      expect(rows[1].slice(7, 9)).toEqual(['甲局等', '']);
    });
  });

  describe('round trip: every seed plan exports and imports back to identical data', () => {
    for (const key of ['jiangjin', 'foshan', 'jiangyin', 'jiangmen']) {
      for (const format of ['xlsx', 'csv'] as const) {
        it(`${key} as ${format}`, async () => {
          const source = await planId(t, key);
          const { body: plan } = await t
            .http()
            .get(api(`/plans/${source}`))
            .expect(200);
          const target = await newPlan(`${key}-${format}-往返`, { periodStart: plan.periodStart, periodEnd: plan.periodEnd });
          // The same units, aliases included: the unit cells go out as the document wrote them ("市发展改革委").
          const units = await t
            .http()
            .get(api(`/plans/${source}/units`))
            .expect(200);
          for (const u of units.body.items as { name: string; aliases: string[]; kind: string }[]) {
            await t
              .http()
              .post(api(`/plans/${target}/units`))
              .send({ name: u.name, aliases: u.aliases, kind: u.kind })
              .expect(201);
          }
          for (const list of ['tasks', 'projects', 'indicators']) {
            const file = await download(`/plans/${source}/export/${list}?format=${format}`);
            await upload(target, list, file, `${list}.${format}`).expect(201);
            const again = await download(`/plans/${target}/export/${list}?format=csv`);
            const original = await download(`/plans/${source}/export/${list}?format=csv`);
            expect(again.toString('utf8')).toBe(original.toString('utf8'));
            // The source plan's standing units (Jiangyin's towns, named in no row) are the source plan's own arrangement.
            const standing = new Set<number>((plan.standingAssignments ?? []).flatMap((s: { unitIds: number[] }) => s.unitIds));
            const strip = (items: Record<string, unknown>[]) =>
              items.map((i) => ({
                ...i,
                id: 0,
                planId: 0,
                createdAt: 0,
                updatedAt: 0,
                leadUnits: (i.leadUnits as { name: string }[]).map((u) => u.name),
                supportingUnits: (i.supportingUnits as { id: number; name: string }[]).filter((u) => !standing.has(u.id)).map((u) => u.name),
                milestones: (i.milestones as Record<string, unknown>[]).map((m) => ({ ...m, id: 0 })),
              }));
            const a = await t
              .http()
              .get(api(`/plans/${source}/${list}?limit=1000`))
              .expect(200);
            const b = await t
              .http()
              .get(api(`/plans/${target}/${list}?limit=1000`))
              .expect(200);
            expect(strip(b.body.items)).toEqual(strip(a.body.items));
          }
        });
      }
    }
  });

  it("re-imports Jiangyin's own export unchanged, its towns still supporting every task though no row names them", async () => {
    const jiangyin = await planId(t, 'jiangyin');
    const file = await download(`/plans/${jiangyin}/export/tasks?format=xlsx`);
    const res = await upload(jiangyin, 'tasks', file, 'tasks.xlsx').expect(201);
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 21 });
    const view = await t
      .http()
      .get(api(`/plans/${jiangyin}/responsibilities?unit=${encodeURIComponent('澄江街道办事处')}`))
      .expect(200);
    expect(view.body.items).toHaveLength(21);
  });

  it('gives a task added to Jiangyin the standing towns as supporting units too', async () => {
    const jiangyin = await planId(t, 'jiangyin');
    const units = (
      await t
        .http()
        .get(api(`/plans/${jiangyin}/units`))
        .expect(200)
    ).body.items as { id: number; name: string }[];
    const lead = units.find((u) => u.name === '无锡市江阴生态环境局')!.id;
    const res = await t
      .http()
      .post(api(`/plans/${jiangyin}/tasks`))
      .send({ seq: 99, content: '2025年底前完成全市一般工业固废产生单位排查', leadUnitIds: [lead] })
      .expect(201);
    expect(res.body.leadUnits.map((u: { name: string }) => u.name)).toEqual(['无锡市江阴生态环境局']);
    expect(res.body.supportingUnits).toHaveLength(18);
    expect(res.body.supportingUnits[0].name).toBe('澄江街道办事处');
    await t
      .http()
      .delete(api(`/plans/${jiangyin}/tasks/${res.body.id}?version=${res.body.version}`))
      .expect(204);
  });

  describe('bad input: a clear error naming row and column, and nothing written', () => {
    let id: number;
    beforeAll(async () => {
      id = await newPlan('错误导入');
      await t
        .http()
        .post(api(`/plans/${id}/units`))
        .send({ name: '甲局' })
        .expect(201);
    });

    it('refuses an empty file', async () => {
      const res = await upload(id, 'tasks', Buffer.alloc(0), 'empty.csv').expect(400);
      expect(res.body.code).toBe('IMPORT_FAILED');
      expect(res.body.errors[0].message).toContain('文件为空');
    });

    it('refuses a sheet without the required headers, listing what it found', async () => {
      const res = await upload(id, 'tasks', Buffer.from('号,说明\n1,甲\n'), 'wrong.csv').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ row: 1, column: '序号' }), expect.objectContaining({ row: 1, column: '任务内容' })]);
      expect(res.body.errors[1].message).toContain('表中的表头：A列“号”、B列“说明”');
      expect(res.body.errors[1].message).toContain('需要的列：序号、任务内容');
      expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    });

    it('refuses duplicate 序号 and a non-numeric investment, naming rows', async () => {
      const dup = await upload(id, 'tasks', Buffer.from('序号,任务内容,牵头单位\n1,甲,甲局\n1,乙,甲局\n'), 'dup.csv').expect(400);
      expect(dup.body.errors[0]).toMatchObject({ row: 3, column: '序号', value: '1' });
      const money = await upload(id, 'projects', Buffer.from('序号,项目名称,总投资（万元）,责任单位\n1,处置场,约两千,甲局\n'), 'p.csv').expect(400);
      expect(money.body.errors[0]).toMatchObject({ row: 2, column: '总投资（万元）', value: '约两千' });
    });

    it('refuses formula cells', async () => {
      const file = await xlsx([
        ['序号', '项目名称', '总投资（万元）', '责任单位'],
        [1, '处置场', { formula: 'SUM(1,2)' }, '甲局'],
      ]);
      const res = await upload(id, 'projects', file, 'f.xlsx').expect(400);
      expect(res.body.errors[0]).toMatchObject({ row: 2, column: 'C列', value: '=SUM(1,2)' });
    });

    it('lists every unknown unit, and writes nothing', async () => {
      const res = await upload(id, 'tasks', Buffer.from('序号,任务内容,牵头单位,配合单位\n1,甲,甲局,丙局\n2,乙,丁局,\n'), 'u.csv').expect(400);
      expect(res.body.errors.map((e: { row: number; value: string }) => [e.row, e.value])).toEqual([
        [2, '丙局'],
        [3, '丁局'],
      ]);
      expect(res.body.message).toContain('createUnits=true');
      expect((await counts(id)).tasks).toBe(0);
    });

    it('imports an unreadable 完成时限 with the item flagged for the office', async () => {
      const res = await upload(id, 'tasks', Buffer.from('序号,任务内容,牵头单位,完成时限\n1,甲,甲局,视进展而定\n'), 'd.csv').expect(201);
      expect(res.body.created).toBe(1);
      const { body } = await t
        .http()
        .get(api(`/plans/${id}/tasks`))
        .expect(200);
      expect(body.items[0].milestones[0]).toMatchObject({ dueDate: null, phrase: '视进展而定', certain: false });
    });

    it('refuses an unknown list and a missing file field', async () => {
      const list = await upload(id, 'budgets', Buffer.from('x'), 'x.csv').expect(400);
      expect(list.body.errors[0]).toMatchObject({ field: 'list', value: 'budgets' });
      const none = await t
        .http()
        .post(api(`/plans/${id}/import/tasks`))
        .field('note', 'x')
        .expect(400);
      expect(none.body.errors[0].field).toBe('file');
    });
  });

  it('reads CSV as Chinese Excel saves it (GB18030) and UTF-8 with a BOM', async () => {
    const id = await newPlan('编码');
    const text = '序号,任务内容,牵头单位\n1,建立工业固体废物管理台账,区生态环境局\n';
    await upload(id, 'tasks', iconv.encode(text, 'gb18030'), 'gbk.csv', '?createUnits=true').expect(201);
    const bom = await upload(id, 'tasks', Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(text)]), 'bom.csv').expect(201);
    expect(bom.body).toMatchObject({ unchanged: 1 });
    const { body } = await t
      .http()
      .get(api(`/plans/${id}/tasks`))
      .expect(200);
    expect(body.items[0]).toMatchObject({ content: '建立工业固体废物管理台账', leadUnits: [{ name: '区生态环境局' }] });
  });

  it('neutralises cells that a spreadsheet would run as formulas, and reads them back as written', async () => {
    const id = await newPlan('公式防护');
    await t
      .http()
      .post(api(`/plans/${id}/units`))
      .send({ name: '甲局' })
      .expect(201);
    await upload(id, 'tasks', Buffer.from('序号,任务内容,牵头单位\n1,"=HYPERLINK(""x"")",甲局\n'), 'a.csv').expect(201);
    const stored = await t
      .http()
      .get(api(`/plans/${id}/tasks`))
      .expect(200);
    expect(stored.body.items[0].content).toBe('=HYPERLINK("x")');
    const csv = await download(`/plans/${id}/export/tasks?format=csv`);
    const rows: string[][] = parse(csv.toString('utf8'), { bom: true });
    expect(rows[1][3]).toBe(`'=HYPERLINK("x")`);
    const again = await upload(id, 'tasks', csv, 'back.csv').expect(201);
    expect(again.body).toMatchObject({ unchanged: 1 });
  });

  it('serves empty templates with the Chinese headers', async () => {
    const file = await download('/templates/projects.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const header = (workbook.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(header).toEqual(['序号', '项目类别', '项目名称', '主要内容', '总投资（万元）', '资金来源', '完成时限', '责任单位', '配合单位']);
    await t.http().get(api('/templates/budgets.xlsx')).expect(400);
  });
});

describe('import size limit (and the configured default time zone)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_BYTES: '1000', SEED: 'false', TIME_ZONE: 'Asia/Urumqi' });
  });
  afterAll(() => t.close());

  it('refuses a file over the configured size, writing nothing', async () => {
    const plan = await t.http().post(api('/plans')).send({ name: '大小', region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' }).expect(201);
    expect(plan.body.timeZone).toBe('Asia/Urumqi');
    const big = Buffer.from('序号,任务内容\n' + Array.from({ length: 200 }, (_, i) => `${i + 1},任务${i}`).join('\n'));
    const res = await t
      .http()
      .post(api(`/plans/${plan.body.id}/import/tasks`))
      .attach('file', big, 'big.csv')
      .expect(413);
    expect(res.body.code).toBe('FILE_TOO_LARGE');
    const tasks = await t
      .http()
      .get(api(`/plans/${plan.body.id}/tasks`))
      .expect(200);
    expect(tasks.body.total).toBe(0);
  });
});
