import { INDICATOR_COLUMNS, readIndicators } from '../lists/indicators/indicator.table.js';
import { PROJECT_COLUMNS, readProjects } from '../lists/projects/project.table.js';
import { readTasks, TASK_COLUMNS } from '../lists/tasks/task.table.js';
import { normalizeHeader, yearColumn } from './columns.js';
import { readTable, splitUnits } from './table-reader.js';

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
    const read = readTasks(
      [
        ['序号', '督办事项', '工作要求'],
        ['1', '甲', '乙'],
      ],
      { mapping: { 督办事项: 'content', 工作要求: '任务内容' }, strictMapping: true },
    );
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

describe('readTable, row by row', () => {
  const TASK_HEAD = ['序号', '章节', '任务类别', '任务内容', '牵头单位'];

  it('reads cells trimmed, with CRLF as LF and the export apostrophe taken off', () => {
    const read = readTable(
      [
        ['序号', '任务内容', '完成时限'],
        [' 1 ', "'=SUM(A1)", '  2025年\r\n12月 '],
        ['2', "'-x", "'plain"],
      ],
      TASK_COLUMNS,
    );
    expect(read.problems).toEqual([]);
    expect(read.records).toEqual([
      { row: 2, values: { seq: '1', content: '=SUM(A1)', deadline: '2025年\n12月' }, yearValues: [] },
      { row: 3, values: { seq: '2', content: '-x', deadline: "'plain" }, yearValues: [] },
    ]);
    expect(read.headers).toEqual(
      new Map([
        ['seq', '序号'],
        ['content', '任务内容'],
        ['deadline', '完成时限'],
      ]),
    );
    expect(read.rows).toBe(2);
    expect(read.totals).toEqual([]);
    expect(read.notes).toEqual([]);
  });

  it('reads a lone CR inside a cell (an old Mac line break) as LF', () => {
    const read = readTable(
      [
        ['序号', '任务内容'],
        ['1', '第一行\r第二行\r\n第三行'],
      ],
      TASK_COLUMNS,
    );
    expect(read.records[0].values.content).toBe('第一行\n第二行\n第三行');
  });

  it('reads null and missing cells as empty', () => {
    const read = readTable(
      [
        ['序号', '任务内容', '完成时限'],
        ['1', null, undefined],
        ['2', '甲'],
      ],
      TASK_COLUMNS,
    );
    expect(read.records.map((r) => r.values)).toEqual([
      { seq: '1', content: '', deadline: '' },
      { seq: '2', content: '甲', deadline: '' },
    ]);
  });

  it('refuses a row with cells beyond the header, naming each cell, and reads the rows around it', () => {
    const read = readTable(
      [
        ['序号', '任务内容', '牵头单位', ''],
        ['1', '甲', '区生态环境局', '', '多余一', '多余二'],
        ['2', '乙', '区经济信息委', ''],
      ],
      TASK_COLUMNS,
    );
    expect(read.problems).toEqual([
      {
        row: 2,
        field: 'E列',
        value: '多余一、多余二',
        message: '第2行有2个单元格超出表头的3列：E列“多余一”、F列“多余二”，请检查是否错列或多了分隔符',
      },
    ]);
    expect(read.records.map((r) => r.row)).toEqual([3]);
    expect(read.skipped).toEqual([]);
  });

  it('counts a blank cell past the header as nothing, and a cell under a blank header inside the table as extra', () => {
    const read = readTable(
      [
        ['序号', '', '任务内容'],
        ['1', '', '甲', '   '],
      ],
      TASK_COLUMNS,
    );
    expect(read.problems).toEqual([]);
    expect(read.records).toHaveLength(1);
  });

  it('keeps 合计, 总计 and 小计 rows apart as totals, whether in the 序号 column or first in the row', () => {
    const read = readTable(
      [
        ['序号', '项目名称', '总投资（万元）'],
        ['1', '甲', '100'],
        ['合计', '', '100'],
        ['', '小计', '100'],
        ['总计', '', '100'],
        ['2', '合计', '5'],
      ],
      PROJECT_COLUMNS,
    );
    expect(read.totals).toEqual([
      { row: 3, values: { seq: '合计', name: '', investment: '100' } },
      { row: 4, values: { seq: '', name: '小计', investment: '100' } },
      { row: 5, values: { seq: '总计', name: '', investment: '100' } },
    ]);
    expect(read.skipped).toEqual([
      { row: 3, reason: '合计行“合计”' },
      { row: 4, reason: '合计行“小计”' },
      { row: 5, reason: '合计行“总计”' },
    ]);
    // "合计" as a project name in a numbered row is a project; "合计数" is no total.
    expect(read.records.map((r) => [r.row, r.values.name])).toEqual([
      [2, '甲'],
      [6, '合计'],
    ]);
    // Only the word alone: "合计数", "分项合计" are no total rows.
    const notTotals = readTable(
      [
        ['序号', '项目名称'],
        ['合计数', '甲'],
        ['', '分项合计', ''],
        ['3', '总计划'],
      ],
      PROJECT_COLUMNS,
    );
    expect(notTotals.totals).toEqual([]);
    expect(notTotals.records.map((r) => r.row)).toEqual([2, 4]);
    // 合计 in the 序号 column makes a total row wherever that column stands.
    const seqSecond = readTable(
      [
        ['项目名称', '序号', '总投资（万元）'],
        ['甲', '1', '100'],
        ['全部项目', '合计', '100'],
      ],
      PROJECT_COLUMNS,
    );
    expect(seqSecond.totals).toEqual([{ row: 3, values: { name: '全部项目', seq: '合计', investment: '100' } }]);
  });

  it('takes a row of one non-numeric cell as a category title: the name without its ordinal, for the rows below', () => {
    const read = readTable(
      [
        ['序号', '项目类别', '项目名称'],
        ['一、工程项目', '', ''],
        ['1', '', '甲'],
        ['', '（二）配套政策', ''],
        ['2', '', '乙'],
        ['', '3.能力建设', ''],
        ['3', '', '丙'],
        ['十一、其他项目', '', ''],
        ['4', '', '丁'],
        ['', '配套（二）政策', ''],
        ['5', '', '戊'],
      ],
      PROJECT_COLUMNS,
    );
    expect(read.records.map((r) => [r.values.seq, r.values.category])).toEqual([
      ['1', '工程项目'],
      ['2', '配套政策'],
      ['3', '3.能力建设'],
      ['4', '其他项目'],
      ['5', '配套（二）政策'],
    ]);
    expect(read.skipped).toEqual([
      { row: 2, reason: '标题行“一、工程项目”（作为下方各行的项目类别）' },
      { row: 4, reason: '标题行“（二）配套政策”（作为下方各行的项目类别）' },
      { row: 6, reason: '标题行“3.能力建设”（作为下方各行的项目类别）' },
      { row: 8, reason: '标题行“十一、其他项目”（作为下方各行的项目类别）' },
      { row: 10, reason: '标题行“配套（二）政策”（作为下方各行的项目类别）' },
    ]);
  });

  it('keeps a chapter title as written, and a lone number is a row, not a title', () => {
    const read = readTable(
      [TASK_HEAD, ['二、推广源头减量工艺', '', '', '', ''], ['7', '', '', '', ''], ['专项2', '', '', '', ''], ['12', '', '', '', '']],
      TASK_COLUMNS,
    );
    expect(read.records).toEqual([
      { row: 3, values: { seq: '7', chapter: '二、推广源头减量工艺', taskGroup: '', content: '', leadUnits: '' }, yearValues: [] },
      { row: 5, values: { seq: '12', chapter: '专项2', taskGroup: '', content: '', leadUnits: '' }, yearValues: [] },
    ]);
    expect(read.skipped).toEqual([
      { row: 2, reason: '标题行“二、推广源头减量工艺”（作为下方各行的章节）' },
      { row: 4, reason: '标题行“专项2”（作为下方各行的章节）' },
    ]);
  });

  it('without a carried column a one-cell row is a record', () => {
    const read = readTable(
      [
        ['序号', '项目名称'],
        ['', '说明文字'],
      ],
      [
        { key: 'seq', headers: ['序号'] },
        { key: 'name', headers: ['项目名称'], required: true },
      ],
    );
    expect(read.records).toEqual([{ row: 2, values: { seq: '', name: '说明文字' }, yearValues: [] }]);
    expect(read.skipped).toEqual([]);
  });

  it('carries groups down and clears the lower ones under a new chapter or a new group', () => {
    const read = readTable(
      [
        TASK_HEAD,
        ['1', '一、目标', '甲类', '任务1', '局'],
        ['2', '', '', '任务2', '局'],
        ['3', '', '乙类', '任务3', '局'],
        ['4', '', '', '任务4', '局'],
        ['5', '二、措施', '', '任务5', '局'], // a new chapter in the row itself: the group above is not carried
        ['6', '', '丙类', '任务6', '局'],
        ['三、保障', '', '', '', ''], // a title row: new chapter, no group
        ['7', '', '', '任务7', '局'],
        ['8', '三、保障', '丁类', '任务8', '局'],
        ['9', '三、保障', '', '任务9', '局'], // the same chapter again keeps the group
      ],
      TASK_COLUMNS,
    );
    expect(read.records.map((r) => [r.values.seq, r.values.chapter, r.values.taskGroup])).toEqual([
      ['1', '一、目标', '甲类'],
      ['2', '一、目标', '甲类'],
      ['3', '一、目标', '乙类'],
      ['4', '一、目标', '乙类'],
      ['5', '二、措施', ''],
      ['6', '二、措施', '丙类'],
      ['7', '三、保障', ''],
      ['8', '三、保障', '丁类'],
      ['9', '三、保障', '丁类'],
    ]);
  });

  it('clears the carried level-2 indicator category under a new level 1, and reads year columns', () => {
    const read = readTable(
      [
        ['序号', '一级指标', '二级指标', '指标名称', '现状值（2020年）', '目标值（2025年）'],
        ['1', '源头减量', '工业', '甲', '1', '2'],
        ['2', '', '', '乙', '3', ''],
        ['3', '资源利用', '', '丙', '', '4'],
      ],
      INDICATOR_COLUMNS,
      { yearColumns: true },
    );
    expect(read.records.map((r) => [r.values.level1, r.values.level2, r.values.name])).toEqual([
      ['源头减量', '工业', '甲'],
      ['源头减量', '工业', '乙'],
      ['资源利用', '', '丙'],
    ]);
    expect(read.notes).toEqual([]);
    expect(read.records[1].yearValues).toEqual([
      { role: 'baseline', year: 2020, header: '现状值（2020年）', text: '3' },
      { role: 'target', year: 2025, header: '目标值（2025年）', text: '' },
    ]);
  });

  it('notes a column it does not know that holds text in records, with how many rows', () => {
    const read = readTable(
      [
        ['序号', '任务内容', '备注说明', '空列'],
        ['1', '甲', '说明一', ''],
        ['2', '乙', '', ''],
        ['3', '丙', '说明三', ''],
        ['', '', '只在空行外的说明', ''],
      ],
      TASK_COLUMNS,
    );
    expect(read.notes).toEqual(['C列“备注说明”不是可识别的列，其中2行的内容未导入；如需导入，请用 mapping 指定它对应的字段（指定为空则不再提示）']);
    const ignored = readTable(
      [
        ['序号', '任务内容', '备注说明'],
        ['1', '甲', '说明一'],
      ],
      TASK_COLUMNS,
      { mapping: { 备注说明: '' } },
    );
    expect(ignored.notes).toEqual([]);
  });

  it('accounts for the rows above a two-row header and counts both header rows out', () => {
    const read = readTable(
      [
        ['附件1', '', ''],
        ['', '江津区任务清单', ''],
        ['序号', '责任单位', ''],
        ['', '牵头单位', '配合单位'],
        ['1', '甲局', '乙局'],
      ],
      [...TASK_COLUMNS.slice(0, 4).map((c) => ({ ...c, required: false })), ...TASK_COLUMNS.slice(4)],
    );
    expect(read.problems).toEqual([]);
    expect(read.skipped).toEqual([
      { row: 1, reason: '表头前的标题行“附件1”' },
      { row: 2, reason: '表头前的标题行“江津区任务清单”' },
    ]);
    expect(read.rows).toBe(3);
    expect(read.records).toEqual([{ row: 5, values: { seq: '1', leadUnits: '甲局', supportingUnits: '乙局' }, yearValues: [] }]);
  });

  it('says a file with no rows is empty, and passes on the header problems alone', () => {
    expect(readTable([], TASK_COLUMNS)).toEqual({
      records: [],
      totals: [],
      skipped: [],
      rows: 0,
      headers: new Map(),
      notes: [],
      problems: [{ field: '文件', row: 1, message: '文件为空，没有表头和数据' }],
    });
    const noContent = readTable(
      [
        ['序号', '备注'],
        ['1', 'x'],
      ],
      TASK_COLUMNS,
    );
    expect(noContent.records).toEqual([]);
    expect(noContent.rows).toBe(0);
    expect(noContent.problems.map((p) => p.field)).toEqual(['任务内容']);
  });

  it('names invisible and control characters by row, column and code point; line breaks and tabs pass in texts', () => {
    const read = readTable(
      [
        ['序号', '任务内容', '牵头单位', '完成时限'],
        ['1', '甲\u200b乙', '区生\u202e态局、乙局', '2025年\n底\t前'],
        ['2', '第一行\r\n第二行', '甲局\n乙局', '\u0007'],
        ['3', '', '甲\t局', ''],
      ],
      TASK_COLUMNS,
    );
    expect(read.problems).toEqual([
      { row: 2, field: '任务内容', value: '甲\u200b乙', message: '第2行B列“任务内容”含有不可见字符 U+200B（零宽空格）' },
      { row: 2, field: '牵头单位', value: '区生\u202e态局', message: '第2行C列“牵头单位”：单位名称“区生\u202e态局”含有不可见字符 U+202E（从右至左强制符）' },
      { row: 3, field: '完成时限', value: '\u0007', message: '第3行D列“完成时限”含有控制字符 U+0007' },
      { row: 4, field: '牵头单位', value: '甲\t局', message: '第4行C列“牵头单位”：单位名称“甲\t局”含有控制字符 U+0009' },
    ]);
    expect(read.records).toHaveLength(3);
  });

  it('checks the cells of year columns too', () => {
    const read = readTable(
      [
        ['序号', '指标名称', '目标值（2025年）'],
        ['1', '甲', '90%\u200d'],
      ],
      INDICATOR_COLUMNS,
      { yearColumns: true },
    );
    expect(read.problems).toEqual([
      { row: 2, field: '目标值（2025年）', value: '90%\u200d', message: '第2行C列“目标值（2025年）”含有不可见字符 U+200D（零宽连接符）' },
    ]);
  });
});

describe('splitUnits, more shapes of a units cell', () => {
  it.each([
    ['甲局、乙局', ['甲局', '乙局'], false],
    ['甲局；乙局;丙局,丁局，戊局', ['甲局', '乙局', '丙局', '丁局', '戊局'], false],
    ['甲局\n乙局', ['甲局', '乙局'], false],
    [' 甲局 、、 乙局 ', ['甲局', '乙局'], false],
    ['', [], false],
    ['甲局等部门', ['甲局'], false],
    ['甲局、乙局等相关单位', ['甲局', '乙局'], false],
    ['甲局等有关单位', ['甲局'], false],
    ['等', [], false],
    ['甲局、等单位', ['甲局'], false],
    ['等级评定中心', ['等级评定中心'], false],
    ['甲局、待定', ['甲局'], true],
    ['暂无', [], true],
    ['未明确', [], true],
    ['暂未明确单位', ['暂未明确单位'], false],
  ])('%j → %j, unassigned %s', (cell, names, unassigned) => {
    expect(splitUnits(cell)).toEqual({ names, unassigned });
  });
});
