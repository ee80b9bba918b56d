import type { MappingField } from '../api/models.js';
import {
  checkHeaders,
  confirmState,
  countsLine,
  fieldOfHeader,
  groupErrors,
  isHeaderProblem,
  mappingLines,
  mappingProblems,
  mappingToSend,
  messageForOffice,
  normalizeHeader,
  outcomeOf,
  rememberedChoice,
  rowLabel,
  sheetProblem,
} from './import-wizard.js';

// The task fields as GET /plans/:planId/import/tasks/mapping answers them (src/spreadsheets/list-columns.ts, shortened).
const TASK_FIELDS: MappingField[] = [
  { field: 'seq', name: '序号', headers: ['序号', '编号'], required: true },
  { field: 'chapter', name: '章节', headers: ['章节', '领域'], required: false },
  { field: 'content', name: '任务内容', headers: ['任务内容', '工作任务', '具体任务'], required: true },
  { field: 'leadUnits', name: '牵头单位', headers: ['牵头单位', '牵头部门'], required: false },
  { field: 'supportingUnits', name: '配合单位', headers: ['配合单位', '协办单位'], required: false },
  { field: 'deadline', name: '完成时限', headers: ['完成时限', '时间节点'], required: false },
];

// What the service answers for a sheet whose task column is headed "督办事项" (400, IMPORT_FAILED).
const MISSING_CONTENT = outcomeOf(
  {
    statusCode: 400,
    code: 'IMPORT_FAILED',
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errors: [
      {
        row: 1,
        column: '任务内容',
        value: '序号、督办事项、牵头单位、配合单位、办结时间',
        message: '缺少必需的列“任务内容”（表头第1行）。表中的表头：A列“序号”、B列“督办事项”…',
      },
    ],
  },
  { message: '导入失败，未写入任何数据：缺少必需的列“任务内容”（表头第1行）…' },
);

const accepted = (over: Record<string, unknown> = {}) =>
  outcomeOf({
    rows: 84,
    created: 1,
    updated: 1,
    unchanged: 80,
    skipped: 2,
    skippedRows: [],
    notes: [],
    mapping: null,
    dryRun: true,
    unitsCreated: [],
    errors: [],
    ...over,
  });

describe('import wizard', () => {
  it('takes .xlsx and .csv sheets up to 10 MB and says why it refuses others', () => {
    expect(sheetProblem('任务分工表.xlsx', 2048)).toBeNull();
    expect(sheetProblem('清单.CSV', 10)).toBeNull();
    expect(sheetProblem('旧表.xls', 10)).toBe('“旧表.xls”是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后上传');
    expect(sheetProblem('说明.docx', 10)).toBe('“说明.docx”不是表格文件，只能上传 Excel（.xlsx）或 CSV 文件');
    expect(sheetProblem('空.csv', 0)).toBe('“空.csv”是空文件');
    expect(sheetProblem('大.xlsx', 11 * 1024 * 1024)).toBe('“大.xlsx”有11 MB，超过10 MB的上限');
    expect(sheetProblem('大.xlsx', 10 * 1024 * 1024)).toBeNull();
  });

  it('compares headers as the service does: spaces, line breaks and full-width brackets do not matter', () => {
    expect(normalizeHeader('总投资（万元）')).toBe('总投资(万元)');
    expect(normalizeHeader(' 牵头\n单位 ')).toBe('牵头单位');
    expect(fieldOfHeader(TASK_FIELDS, '牵 头 部 门')).toBe('leadUnits');
    expect(fieldOfHeader(TASK_FIELDS, '督办事项')).toBeNull();
    expect(fieldOfHeader(TASK_FIELDS, '')).toBeNull();
  });

  it('finds the headers needing a field from a refused import: the missing column and the unknown headers of the sheet', () => {
    expect(isHeaderProblem(MISSING_CONTENT)).toBe(true);
    expect(checkHeaders(TASK_FIELDS, MISSING_CONTENT, 'tasks')).toEqual({ unknown: ['督办事项', '办结时间'], missing: ['任务内容'] });
  });

  it('finds unrecognised columns with text in the notes of an accepted dry run', () => {
    const outcome = accepted({
      notes: [
        'G列“责任科室”不是可识别的列，其中3行的内容未导入；如需导入，请用 mapping 指定它对应的字段（指定为空则不再提示）',
        '“责任单位”列未区分牵头与配合，全部记为牵头单位',
      ],
    });
    expect(isHeaderProblem(outcome)).toBe(false);
    expect(checkHeaders(TASK_FIELDS, outcome, 'tasks')).toEqual({ unknown: ['责任科室'], missing: [] });
  });

  it('leaves the year columns of an indicator sheet alone: the service reads them without a mapping', () => {
    const fields: MappingField[] = [
      { field: 'seq', name: '序号', headers: ['序号'], required: true },
      { field: 'name', name: '三级指标', headers: ['三级指标', '指标名称'], required: true },
    ];
    const refused = outcomeOf(
      { errors: [{ row: 1, column: '三级指标', value: '序号、考核指标、现状值（2020年）、2025年目标、2023', message: '缺少必需的列“三级指标”' }] },
      { message: '导入失败' },
    );
    expect(checkHeaders(fields, refused, 'indicators').unknown).toEqual(['考核指标']);
    expect(checkHeaders(fields, refused, 'tasks').unknown).toEqual(['考核指标', '现状值（2020年）', '2025年目标', '2023']);
  });

  it('is no header problem when any row is wrong: the sheet itself must be fixed', () => {
    const refused = outcomeOf({ errors: [{ row: 5, column: '序号', value: 'x', message: '第5行：序号“x”不是正整数' }] }, { message: '导入失败' });
    expect(isHeaderProblem(refused)).toBe(false);
    expect(isHeaderProblem(accepted())).toBe(false);
  });

  it('sends the chosen fields, 不导入 as an empty field, and leaves out headers not chosen yet', () => {
    expect(mappingToSend({ 督办事项: 'content', 办结时间: '', 备用: null })).toEqual({ 督办事项: 'content', 办结时间: '' });
    expect(mappingToSend({})).toEqual({});
  });

  it('refuses a mapping that puts two headers on one field or leaves a required field without a column', () => {
    const check = { unknown: ['督办事项', '办结时间'], missing: ['任务内容'] };
    expect(mappingProblems({ 督办事项: null, 办结时间: null }, TASK_FIELDS, check)).toEqual(['还没有哪一列对应到必需的“任务内容”']);
    expect(mappingProblems({ 督办事项: 'content', 办结时间: 'content' }, TASK_FIELDS, check)).toEqual([
      '“督办事项”和“办结时间”都对应到“任务内容”，一个字段只能对应一列',
    ]);
    expect(mappingProblems({ 督办事项: 'content', 办结时间: 'deadline' }, TASK_FIELDS, check)).toEqual([]);
    expect(mappingProblems({ 督办事项: 'content', 办结时间: '' }, TASK_FIELDS, check)).toEqual([]);
  });

  it('starts an unknown header from the remembered mapping, so sending a mapping does not lose what was remembered', () => {
    expect(rememberedChoice({ 督办事项: 'content', 备注栏: '' }, ' 督办\n事项')).toBe('content');
    expect(rememberedChoice({ 督办事项: 'content', 备注栏: '' }, '备注栏')).toBe('');
    expect(rememberedChoice({ 督办事项: 'content' }, '办结时间')).toBeNull();
    expect(rememberedChoice(null, '督办事项')).toBeNull();
  });

  it('shows a remembered mapping with the Chinese field names', () => {
    expect(mappingLines({ 督办事项: 'content', 责任科室: '牵头部门', 备注栏: '' }, TASK_FIELDS)).toEqual([
      { header: '督办事项', field: '任务内容' },
      { header: '责任科室', field: '牵头单位' },
      { header: '备注栏', field: '不导入' },
    ]);
    expect(mappingLines(null, TASK_FIELDS)).toEqual([]);
  });

  it('groups errors for the table: by row, the file and header first, unknown units apart with their rows', () => {
    const groups = groupErrors([
      { row: 9, column: '序号', value: '7', message: '第9行：序号7与第8行重复' },
      { row: 4, column: '牵头单位', value: '区水务局', message: '第4行：未知单位“区水务局”' },
      { row: 3, column: '任务内容', value: '', message: '第3行：“任务内容”不能为空' },
      { row: null, column: '文件', value: null, message: '文件为空' },
      { row: 2, column: '配合单位', value: '区水务局', message: '第2行：未知单位“区水务局”' },
      { row: 6, column: '牵头单位', value: '某某公司', message: '第6行：未知单位“某某公司”' },
    ]);
    expect(groups.rows.map((e) => e.row)).toEqual([null, 3, 9]);
    expect(groups.unknownUnits).toEqual([
      { name: '区水务局', rows: [2, 4] },
      { name: '某某公司', rows: [6] },
    ]);
    expect(rowLabel(12)).toBe('第12行');
    expect(rowLabel(null)).toBe('—');
  });

  it('reads the refused answer of the service into an outcome with every error by row and column', () => {
    expect(MISSING_CONTENT.ok).toBe(false);
    expect(MISSING_CONTENT.message).toMatch(/^导入失败，未写入任何数据/);
    expect(MISSING_CONTENT.errors[0]).toMatchObject({ row: 1, column: '任务内容' });
    // An error answer of another shape (a 413 naming a field) still reads.
    expect(outcomeOf({ errors: [{ field: 'file', message: '文件过大' }] }, { message: '文件过大' }).errors).toEqual([
      { row: null, column: 'file', value: null, message: '文件过大' },
    ]);
    expect(outcomeOf(null, { message: 'x' })).toMatchObject({ ok: false, created: 0, errors: [], notes: [] });
  });

  it('drops the hint meant for API callers from the service message: the wizard has a checkbox for it', () => {
    expect(messageForOffice('导入失败，未写入任何数据：第2行：未知单位“区水务局”（共3处错误）（如需自动新建这些单位，请使用 createUnits=true）')).toBe(
      '导入失败，未写入任何数据：第2行：未知单位“区水务局”（共3处错误）',
    );
    expect(messageForOffice('导入失败，未写入任何数据：第84行：“任务内容”不能为空')).toBe('导入失败，未写入任何数据：第84行：“任务内容”不能为空');
  });

  it('says what a dry run would do in one line', () => {
    expect(countsLine(accepted())).toBe('新增 1 项，更新 1 项，不变 80 项，跳过 2 行');
  });

  it('allows 确认导入 only after a clean dry run of the file and options still chosen', () => {
    expect(confirmState({ dryRun: null, current: false, busy: false })).toEqual({ allowed: false, reason: '请先上传表格并预检' });
    expect(confirmState({ dryRun: accepted(), current: true, busy: false })).toEqual({ allowed: true, reason: '' });
    expect(confirmState({ dryRun: accepted(), current: false, busy: false })).toEqual({ allowed: false, reason: '表格或选项已改动，请重新预检' });
    expect(confirmState({ dryRun: accepted(), current: true, busy: true }).allowed).toBe(false);
    const rowError = outcomeOf({ errors: [{ row: 5, column: '序号', value: 'x', message: '第5行：序号“x”不是正整数' }] }, { message: '导入失败' });
    expect(confirmState({ dryRun: rowError, current: true, busy: false })).toEqual({ allowed: false, reason: '表格有错误，不能导入：请按下表改正后重新上传' });
    const units = outcomeOf({ errors: [{ row: 5, column: '牵头单位', value: '区水务局', message: '第5行：未知单位“区水务局”' }] }, { message: '导入失败' });
    expect(confirmState({ dryRun: units, current: true, busy: false }).reason).toMatch(/^表格中有方案没有的单位/);
  });

  it('has nothing to confirm when the sheet equals the list, unless units or a mapping would be saved', () => {
    const same = accepted({ created: 0, updated: 0, unchanged: 82 });
    expect(confirmState({ dryRun: same, current: true, busy: false })).toEqual({ allowed: false, reason: '表格与现有清单完全相同，无需导入' });
    expect(confirmState({ dryRun: same, current: true, busy: false, withMapping: true }).allowed).toBe(true);
    expect(confirmState({ dryRun: accepted({ created: 0, updated: 0, unitsCreated: ['区水务局'] }), current: true, busy: false }).allowed).toBe(true);
  });
});
