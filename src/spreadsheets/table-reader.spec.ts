import { readIndicators, readProjects, readTasks } from './list-records.js';
import { normalizeHeader, yearColumn } from './list-columns.js';
import { splitUnits } from './table-reader.js';

describe('reading list tables', () => {
  it('matches headers leniently: spaces, line breaks and full-width brackets', () => {
    expect(normalizeHeader(' 总投资\n（万元） ')).toBe('总投资(万元)');
    expect(yearColumn('现状值\n2020年')).toEqual({ role: 'baseline', year: 2020 });
    expect(yearColumn('规划目标（2025年）')).toEqual({ role: 'target', year: 2025 });
    expect(yearColumn('2023年阶段目标')).toEqual({ role: 'target', year: 2023 });
  });

  it('takes the chapter from title rows and carries task groups down, as the Jiangjin annex is laid out', () => {
    const { items, problems } = readTasks([
      ['序号', '重点任务', '任务内容', '牵头单位', '配合单位'],
      ['一、目标指标', '', '', '', ''],
      ['1', '目标指标', '至2025年，工业固体废物产生强度≤0.48吨/万元。', '区生态环境局', '区经济信息委'],
      ['2', '', '至2025年，一般工业固体废物综合利用率达到88%以上。', '区经济信息委', '区生态环境局'],
      ['二、推广源头减量工艺，促进工业产业升级', '', '', '', ''],
      ['4', '强化工业固体废物环评审查', '落实生态保护红线。', '区生态环境局', '区经济信息委'],
      ['5', '', '严格执行长江经济带发展负面清单。', '区生态环境局', '区发展改革委'],
    ]);
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.seq, i.chapter, i.taskGroup])).toEqual([
      [1, '一、目标指标', '目标指标'],
      [2, '一、目标指标', '目标指标'],
      [4, '二、推广源头减量工艺，促进工业产业升级', '强化工业固体废物环评审查'],
      [5, '二、推广源头减量工艺，促进工业产业升级', '强化工业固体废物环评审查'],
    ]);
    expect(items[3].supportingUnits).toEqual(['区发展改革委']);
  });

  it('names the row and value of a duplicate or non-numeric 序号 and a missing column', () => {
    const dup = readTasks([
      ['序号', '任务内容'],
      ['1', '甲'],
      ['1', '乙'],
      ['x', '丙'],
    ]);
    expect(dup.problems).toEqual([
      expect.objectContaining({ row: 3, field: '序号', value: '1', message: '第3行：序号1与第2行重复' }),
      expect.objectContaining({ row: 4, field: '序号', value: 'x' }),
    ]);
    const missing = readTasks([['序号', '内容说明']]);
    expect(missing.problems[0]).toMatchObject({ field: '任务内容', row: 1 });
    expect(readTasks([]).problems[0].message).toContain('文件为空');
  });

  it('splits unit lists on 、，,；; and keeps 暂未明确 as unassigned, not a unit', () => {
    expect(splitUnits('区生态环境局、区应急管理局，区交通局;区公安局')).toEqual({
      names: ['区生态环境局', '区应急管理局', '区交通局', '区公安局'],
      unassigned: false,
    });
    expect(splitUnits('暂未明确')).toEqual({ names: [], unassigned: true });
  });

  it('reads a trailing 等 as an open list: the units are the names before it', () => {
    expect(splitUnits('市生态环境局、市城管局等')).toEqual({ names: ['市生态环境局', '市城管局'], unassigned: false });
    expect(splitUnits('市发展改革委等单位')).toEqual({ names: ['市发展改革委'], unassigned: false });
    expect(splitUnits('甲局、等')).toEqual({ names: ['甲局'], unassigned: false });
  });

  it('finds the header below a title block and accounts for every other row', () => {
    const read = readTasks([
      ['附件3', '', ''],
      ['', '', ''],
      ['序号', '工作任务', '牵头单位'],
      ['1', '建立台账', '甲局'],
      ['', '', ''],
    ]);
    expect(read.problems).toEqual([]);
    expect(read.items.map((i) => [i.row, i.content])).toEqual([[4, '建立台账']]);
    expect(read.rows).toBe(4);
    expect(read.skipped).toEqual([
      { row: 1, reason: '表头前的标题行“附件3”' },
      { row: 2, reason: '空行（表头之前）' },
      { row: 5, reason: '空行' },
    ]);
  });

  it('splits 责任单位 beside 牵头单位 into supporting units, and says so', () => {
    const read = readTasks([
      ['序号', '任务内容', '牵头单位', '责任单位'],
      ['1', '建立台账', '甲局', '乙局、丙局'],
    ]);
    expect(read.items[0]).toMatchObject({ leadUnits: ['甲局'], supportingUnits: ['乙局', '丙局'], leadUnitsText: '甲局', supportUnitsText: '乙局、丙局' });
    expect(read.notes).toEqual(['“责任单位”列与“牵头单位”列并列，其中的单位记为配合单位']);
  });

  it('refuses a mapping that gives two columns the same field', () => {
    const read = readTasks([['序号', '督办事项', '工作要求'], ['1', '甲', '乙']], { mapping: { 督办事项: 'content', 工作要求: '任务内容' }, strictMapping: true });
    expect(read.problems).toEqual([
      expect.objectContaining({ field: 'mapping', value: '工作要求', message: '列对应关系把“督办事项”和“工作要求”都对应到字段 content，一个字段只能对应一列' }),
    ]);
  });

  it('reads year columns named through a mapping in an indicator table', () => {
    const read = readIndicators(
      [
        ['序号', '指标名称', '2020基数', '2025目标值'],
        ['1', '一般工业固体废物综合利用率', '80%', '≥90%'],
      ],
      { mapping: { '2020基数': '现状值（2020年）' }, strictMapping: true },
    );
    expect(read.problems).toEqual([]);
    expect(read.items[0]).toMatchObject({ baselineYear: 2020, baselineText: '80%', targets: [{ year: 2025, text: '≥90%' }] });
  });

  it('reads projects by category rows, checks the 合计 row and refuses a non-numeric investment', () => {
    const header = ['序号', '项目名称', '主要内容', '总投资（万元）', '资金来源', '完成时限', '责任单位'];
    const ok = readProjects([
      header,
      ['一、工程项目', '', '', '', '', '', ''],
      ['1', '甲项目', '内容', '25000', '企业自筹', '2025', '暂未明确'],
      ['二、配套政策及能力建设', '', '', '', '', '', ''],
      ['2', '乙项目', '内容', '100', '区级资金', '2022', '区生态环境局'],
      ['合计', '', '', '25100', '', '', ''],
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.items.map((p) => [p.category, p.investment, p.unassigned])).toEqual([
      ['工程项目', 25000, true],
      ['配套政策及能力建设', 100, false],
    ]);
    const bad = readProjects([header, ['1', '甲', '', '两万', '', '', ''], ['合计', '', '', '999', '', '', '']]);
    expect(bad.problems[0]).toMatchObject({ row: 2, field: '总投资（万元）', value: '两万' });
    const wrongTotal = readProjects([header, ['1', '甲', '', '100', '', '', ''], ['合计', '', '', '999', '', '', '']]);
    expect(wrongTotal.problems[0].message).toContain('合计999万元与各项目之和100万元不符');
  });

  it('reads indicator categories carried down from merged cells, marks, baselines and targets by header year', () => {
    const { items, problems } = readIndicators([
      ['序号', '一级指标', '二级指标', '三级指标', '单位', '2020年', '2023年\n阶段目标', '指标责任单位', '备注'],
      ['1', '固体废物源头减量', '工业源头\n减量', '一般工业固体废物产生强度★', '吨/万元', '0.078', '0.078', '市生态环境局', ''],
      ['2', '', '', '工业危险废物产生强度★', '吨/万元', '0.0088*', '0.0080', '市生态环境局', ''],
      ['3', '', '农业源头减量', '绿色食品、有机农产品数量☆', '个', '未统计', '16', '市农业农村局', '调整指标'],
    ]);
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.level1, i.level2, i.name, i.mark])).toEqual([
      ['固体废物源头减量', '工业源头\n减量', '一般工业固体废物产生强度', 'mandatory'],
      ['固体废物源头减量', '工业源头\n减量', '工业危险废物产生强度', 'mandatory'],
      ['固体废物源头减量', '农业源头减量', '绿色食品、有机农产品数量', 'local'],
    ]);
    expect(items[1]).toMatchObject({ baselineYear: 2020, baselineText: '0.0088*', baselineValue: 0.0088, direction: 'lower' });
    expect(items[1].targets).toEqual([{ year: 2023, text: '0.0080', value: 0.008, scope: null }]);
    expect(items[2]).toMatchObject({ baselineText: '未统计', baselineValue: null, direction: 'higher', note: '调整指标' });
  });
});

describe('a header merged over two columns', () => {
  it('reads "任务内容" over the task group and the text as the annex lays it out, blank or repeated', () => {
    for (const second of ['', '任务内容']) {
      const { items, problems } = readTasks([
        ['序号', '任务内容', second, '牵头单位', '配合单位'],
        ['1', '强化工业固体废物环评审查', '落实生态保护红线。', '区生态环境局', '区经济信息委'],
      ]);
      expect(problems).toEqual([]);
      expect(items[0]).toMatchObject({ taskGroup: '强化工业固体废物环评审查', content: '落实生态保护红线。' });
    }
  });
});
