// The import wizard (导入导出) in Chromium: the Jiangjin office imports its task list from a sheet built from the
// plan's own export — first with one bad row (refused, nothing written), then fixed and confirmed; an admin imports a
// sheet with headers the service does not know into a new plan, mapping them in the wizard; exports and templates
// download under the service's file names.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { selectors } from 'playwright-core';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let app;

before(async () => {
  // The web app marks what tests look for with data-test (as the other journeys read it).
  selectors.setTestIdAttribute('data-test');
  app = await startApp();
});
after(async () => {
  await stopApp(app);
});

async function xlsx(workbook) {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The plan's task export (xlsx) as an exceljs workbook: header on row 1, task n on row n + 1. */
async function exportedTasks(token, planId) {
  const res = await fetch(`${app.base}/api/v1/plans/${planId}/export/tasks?format=xlsx`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()));
  return workbook;
}

async function tasksOf(token, planId) {
  const res = await app.api(`/plans/${planId}/tasks?limit=200`, { token });
  assert.equal(res.status, 200);
  return res.body;
}

/** Picks an option of an Element Plus select (the dropdown is teleported to the body). */
async function choose(page, select, option) {
  await select.click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  // Wait for the dropdown to close, so the next select's options are the only ones shown.
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select-dropdown')].every((d) => d.offsetParent === null));
}

test('the office imports a task sheet with one bad row: the error names row and column and nothing is written; fixed, it is confirmed', async () => {
  const token = await app.tokenOf(ACCOUNTS.office);
  const before = await tasksOf(token, 2);
  assert.equal(before.total, 82, 'the Jiangjin seed has 82 tasks');
  const task5 = before.items.find((t) => t.seq === 5);

  // The export as the office would edit it: task 5 reworded, a task 83 added on row 84 (its text forgotten in the bad sheet).
  const sheet = async (content83) => {
    const workbook = await exportedTasks(token, 2);
    const ws = workbook.worksheets[0];
    assert.deepEqual(ws.getRow(1).values.slice(1), ['序号', '章节', '任务类别', '任务内容', '牵头单位', '配合单位', '完成时限']);
    assert.equal(ws.getRow(6).getCell(1).value, '5');
    ws.getRow(6).getCell(4).value = `${task5.content}（2026年起每季度通报一次）`;
    ws.getRow(84).values = ['83', '六、开展监管能力建设，强化环境风险防控', '加强固体废物信息化监管', content83, '区生态环境局', '区经济信息委', '2026年底前'];
    return xlsx(workbook);
  };

  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/plans/2/import');
  await page.getByRole('heading', { name: /导入导出/ }).waitFor();
  // The menu has the entry for the office.
  await page.getByRole('menuitem', { name: '导入导出' }).filter({ visible: true }).waitFor();
  await page.getByRole('button', { name: '下一步：上传表格' }).click();

  // A file of another kind is refused before any upload.
  await page.locator('[data-test=step-upload] input[type=file]').setInputFiles({ name: '说明.docx', mimeType: 'application/msword', buffer: Buffer.from('x') });
  await page.getByText('“说明.docx”不是表格文件，只能上传 Excel（.xlsx）或 CSV 文件').waitFor();

  await page.locator('[data-test=step-upload] input[type=file]').setInputFiles({ name: '江津任务清单.xlsx', mimeType: XLSX, buffer: await sheet('') });
  await page.getByTestId('chosen-file').getByText('江津任务清单.xlsx').waitFor();
  await page.getByRole('button', { name: '预检（不写入）' }).click();

  const step = page.getByTestId('step-dry-run');
  await step.getByTestId('dry-run-error').getByText('导入失败，未写入任何数据：第84行：“任务内容”不能为空').waitFor();
  const errorRows = step.locator('[data-test=dry-run-errors] .el-table__body tr');
  assert.equal(await errorRows.count(), 1, 'one bad row, one error');
  const cells = await errorRows.first().locator('td').allInnerTexts();
  assert.deepEqual(
    cells.map((c) => c.trim()),
    ['第84行', '任务内容', '（空）', '第84行：“任务内容”不能为空'],
  );
  assert.equal(await step.getByRole('button', { name: '确认导入' }).isDisabled(), true, 'a sheet with errors cannot be confirmed');
  await step.getByTestId('confirm-reason').getByText('表格有错误，不能导入：请按下表改正后重新上传').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/office-import-wizard.png`, fullPage: true });

  // Nothing written: still 82 tasks, task 5 as it was.
  const unchanged = await tasksOf(token, 2);
  assert.equal(unchanged.total, 82);
  assert.equal(unchanged.items.find((t) => t.seq === 5).content, task5.content);

  // The fixed sheet: one task new (83), one changed (5), the other 81 of the 82 the same.
  await step.getByRole('button', { name: '重新上传' }).click();
  await page.locator('[data-test=step-upload] input[type=file]').setInputFiles({
    name: '江津任务清单（改）.xlsx',
    mimeType: XLSX,
    buffer: await sheet('建设工业固体废物信息化监管平台，实现产生、贮存、利用、处置全过程跟踪。'),
  });
  await page.getByRole('button', { name: '预检（不写入）' }).click();
  await page.getByTestId('dry-run-counts').getByText('预检通过：新增 1 项，更新 1 项，不变 81 项，跳过 0 行').waitFor();
  assert.equal((await tasksOf(token, 2)).total, 82, 'a dry run writes nothing');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('step-done').getByText('任务清单已导入').waitFor();
  await page.getByTestId('step-done').getByText('新增 1 项，更新 1 项，不变 81 项，跳过 0 行').waitFor();

  const afterImport = await tasksOf(token, 2);
  assert.equal(afterImport.total, 83);
  const task83 = afterImport.items.find((t) => t.seq === 83);
  assert.equal(task83.content, '建设工业固体废物信息化监管平台，实现产生、贮存、利用、处置全过程跟踪。');
  assert.deepEqual(
    task83.leadUnits.map((u) => u.name),
    ['区生态环境局'],
  );
  assert.deepEqual(
    task83.supportingUnits.map((u) => u.name),
    ['区经济信息委'],
  );
  assert.equal(task83.milestones[0].dueDate, '2026-12-31', '“2026年底前” is the last day of 2026');
  assert.equal(afterImport.items.find((t) => t.seq === 5).content, `${task5.content}（2026年起每季度通报一次）`);

  assert.deepEqual(unexpected(errors, 400), []);
  await context.close();
});

test('an admin imports a sheet with unknown headers into a new plan: maps them in the wizard, creates the units, and the mapping is remembered', async () => {
  const admin = await app.tokenOf(ACCOUNTS.admin);
  const created = await app.api('/plans', {
    token: admin,
    method: 'POST',
    body: { name: '某区无废城市建设实施方案', region: '某区', periodStart: '2026-01-01', periodEnd: '2027-12-31' },
  });
  assert.equal(created.status, 201);
  const planId = created.body.id;

  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('督办台账');
  ws.addRow(['序号', '督办事项', '责任科室', '完成时限']);
  ws.addRow([1, '建立工业固体废物管理台账', '区生态环境局', '2026年底前']);
  ws.addRow([2, '开展危险废物规范化环境管理评估', '区生态环境局、区经济信息委', '2027年6月底前']);

  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.admin, `/plans/${planId}/import`);
  await page.getByTestId('remembered-mapping').getByText('没有保存的列对应关系', { exact: false }).waitFor();
  await page.getByRole('button', { name: '下一步：上传表格' }).click();
  await page.locator('[data-test=step-upload] input[type=file]').setInputFiles({ name: '督办台账.xlsx', mimeType: XLSX, buffer: await xlsx(workbook) });
  await page.getByRole('button', { name: '预检（不写入）' }).click();

  // The header step: 任务内容 is missing; the two headers the service does not know each get a select.
  const mapping = page.getByTestId('step-mapping');
  await mapping.getByText('表格缺少必需的列：任务内容').waitFor();
  assert.deepEqual(await mapping.locator('.el-form-item__label').allInnerTexts(), ['“督办事项”对应', '“责任科室”对应']);
  await mapping.getByTestId('mapping-problems').getByText('还没有哪一列对应到必需的“任务内容”').waitFor();
  assert.equal(await mapping.getByRole('button', { name: '按此对应重新预检' }).isDisabled(), true);
  const selects = mapping.getByTestId('mapping-select');
  await choose(page, selects.nth(0), '任务内容（必需）');
  await choose(page, selects.nth(1), '牵头单位');
  await page.screenshot({ path: `${ARTIFACTS}/office-import-mapping.png`, fullPage: true });
  await mapping.getByRole('button', { name: '按此对应重新预检' }).click();

  // The new plan has no units: the dry run names them, and offers to create them.
  const step = page.getByTestId('step-dry-run');
  await step.getByTestId('unknown-units').getByText('“区生态环境局”（第2行、第3行）').waitFor();
  await step.getByTestId('unknown-units').getByText('“区经济信息委”（第3行）').waitFor();
  assert.equal(await step.getByRole('button', { name: '确认导入' }).isDisabled(), true);
  await step.getByTestId('dry-run-error').getByText('导入失败，未写入任何数据：第2行：未知单位“区生态环境局”（共3处错误）', { exact: true }).waitFor();
  await step.locator('.el-checkbox', { hasText: '自动新建这些单位' }).click();
  assert.equal(await step.getByRole('checkbox', { name: /自动新建这些单位/ }).isChecked(), true);
  await step.getByRole('button', { name: '按新建单位重新预检' }).click();
  await step.getByTestId('dry-run-counts').getByText('预检通过：新增 2 项，更新 0 项，不变 0 项，跳过 0 行').waitFor();
  await step.getByTestId('units-created').getByText('将新建单位：区生态环境局、区经济信息委').waitFor();
  assert.equal((await tasksOf(admin, planId)).total, 0, 'a dry run writes nothing');
  // The same step on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${ARTIFACTS}/office-import-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await step.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('step-done').getByText('新增 2 项，更新 0 项，不变 0 项，跳过 0 行').waitFor();

  const tasks = await tasksOf(admin, planId);
  assert.equal(tasks.total, 2);
  const second = tasks.items.find((t) => t.seq === 2);
  assert.equal(second.content, '开展危险废物规范化环境管理评估');
  assert.deepEqual(
    second.leadUnits.map((u) => u.name),
    ['区生态环境局', '区经济信息委'],
  );
  assert.equal(second.milestones[0].dueDate, '2027-06-30');
  const remembered = await app.api(`/plans/${planId}/import/tasks/mapping`, { token: admin });
  assert.deepEqual(remembered.body.mapping, { 督办事项: 'content', 责任科室: 'leadUnits' });

  // Back at the first step the remembered mapping is shown, and can be cleared.
  await page.getByRole('button', { name: '再导入一张表格' }).click();
  const shown = page.getByTestId('remembered-mapping');
  assert.deepEqual(
    (await shown.locator('.el-table__body tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()),
    ['督办事项 任务内容', '责任科室 牵头单位'],
  );
  await shown.getByRole('button', { name: '清除保存的列对应关系' }).click();
  await page.locator('.el-popconfirm:visible').getByRole('button', { name: '清除' }).click();
  await shown.getByText('没有保存的列对应关系', { exact: false }).waitFor();
  assert.equal((await app.api(`/plans/${planId}/import/tasks/mapping`, { token: admin })).body.mapping, null);

  assert.deepEqual(unexpected(errors, 400), []);
  await context.close();
});

test('the office downloads a list export in each format and a blank template under the service’s file names', async () => {
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/plans/2/import');
  const exports = page.getByTestId('exports');
  const plan = (await app.api('/plans/2', { token: await app.tokenOf(ACCOUNTS.office) })).body;

  for (const [button, name] of [
    ['导出任务清单（Excel）', `${plan.name}-任务清单.xlsx`],
    ['导出项目清单（CSV）', `${plan.name}-项目清单.csv`],
    ['下载目标清单空白模板', '目标清单模板.xlsx'],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: button }).click()]);
    assert.equal(download.suggestedFilename(), name);
    const path = await download.path();
    assert.ok(path, `${name} was saved`);
  }
  // The task export is a real workbook: a header, then one row per task of the plan.
  const { total } = await tasksOf(await app.tokenOf(ACCOUNTS.office), 2);
  const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: '导出任务清单（Excel）' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  assert.equal(workbook.worksheets[0].rowCount, total + 1);

  assert.deepEqual(unexpected(errors), []);
  await context.close();
});
