// The reports in the app: the office reads the overdue report as of today and a past day, downloads it as CSV under
// the service's file name, and changes the yearly assessment rule; a leader reads reports but cannot change the rule.
// Real service and Chromium (harness.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(() => stopApp(app));

test('the office reads the overdue report of today and of a past day, and downloads it as CSV', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const today = (await app.api('/plans/2/reports/overdue', { token: office })).body;
  const before2024 = (await app.api('/plans/2/reports/overdue?asOf=2023-12-31', { token: office })).body;
  // Jiangjin with its demo progress on the frozen 2026-11-23 (as the leader's overview journey counts it).
  assert.equal(today.items, 89);
  assert.ok(before2024.items < today.items, 'fewer items were overdue at the end of 2023');

  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/plans/2/reports');
  await page.getByRole('heading', { name: '报告' }).waitFor();
  await page.getByRole('tab', { name: '逾期清单' }).click();
  const count = page.locator('[data-test=overdue-items]');
  await count.waitFor();
  assert.equal(Number(await count.textContent()), 89);
  await page.getByText('截至2026年11月23日').waitFor();
  assert.equal(await page.locator('[data-test=overdue-rows] .el-table__body tr').count(), today.rows.length, 'one line per overdue milestone');

  await page.getByLabel('截至日期').fill('2023-12-31');
  await page.getByLabel('截至日期').press('Enter');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('截至2023年12月31日').waitFor();
  assert.equal(Number(await count.textContent()), before2024.items);
  await page.screenshot({ path: `${ARTIFACTS}/office-reports-overdue.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载CSV' }).click()]);
  assert.equal(download.suggestedFilename(), '重庆市江津区工业固体废物污染环境防治“十四五”规划逾期报告-2023-12-31.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.includes(before2024.rows[0].title), 'the file holds the rows of 2023-12-31');
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});

test('the office changes the assessment rule; a rule with no part counted is refused beside the field', async () => {
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/plans/2/reports?report=assessment');
  const rule = page.locator('[data-test=assessment-rule]');
  await rule.getByText('按期销号 50 分、按月填报 30 分、督办回复 20 分', { exact: false }).waitFor();
  await page.getByRole('button', { name: '修改规则' }).click();
  for (const label of ['按期销号权重', '按月填报权重', '督办回复权重']) await page.getByLabel(label).fill('0');
  await page.getByRole('button', { name: '保存规则' }).click();
  await page.locator('.el-form-item', { hasText: '按期销号权重' }).getByText('按期销号、按月填报、督办回复三项权重不能都为0').waitFor();

  await page.getByLabel('按期销号权重').fill('60');
  await page.getByLabel('按月填报权重').fill('40');
  await page.getByLabel('按月填报权重').press('Tab');
  await page.getByRole('button', { name: '保存规则' }).click();
  await rule.getByText('按期销号 60 分、按月填报 40 分、督办回复 0 分', { exact: false }).waitFor();
  const office = await app.tokenOf(ACCOUNTS.office);
  assert.deepEqual((await app.api('/plans/2/reports/assessment/rule', { token: office })).body, {
    onTimeWeight: 60,
    reportingWeight: 40,
    noticesWeight: 0,
    silencePenalty: 2,
  });
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();

  const leader = await app.newPage();
  await app.signIn(leader.page, ACCOUNTS.leader, '/plans/2/reports?report=assessment');
  await leader.page.locator('[data-test=assessment-rule]').waitFor();
  assert.equal(await leader.page.getByRole('button', { name: '修改规则' }).count(), 0, 'a leader reads the rule but does not change it');
  await leader.page.screenshot({ path: `${ARTIFACTS}/leader-assessment-phone.png`, fullPage: true });
  assert.deepEqual(unexpected(leader.errors, 401), []);
  await leader.context.close();
});

test('the admin compares every plan, narrows them by region, and downloads the overdue summary', async () => {
  const admin = await app.tokenOf(ACCOUNTS.admin);
  const all = (await app.api('/reports/overdue', { token: admin })).body;
  const jiangsu = (await app.api(`/reports/overdue?region=${encodeURIComponent('江苏')}`, { token: admin })).body;
  // The four seed plans; of them only Jiangyin (江苏省江阴市) is in Jiangsu.
  assert.deepEqual([all.length, jiangsu.map((r) => r.plan.region)], [4, ['江苏省江阴市']]);

  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.admin, '/reports');
  await page.getByRole('heading', { name: '各方案汇总' }).waitFor();
  const rows = page.locator('tr.plan-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 4);
  const overdue = all.reduce((n, r) => n + r.items, 0);
  await page.locator('[data-test=cross-summary]').getByText(`4 个方案`, { exact: false }).waitFor();
  assert.match(await page.locator('[data-test=cross-summary]').innerText(), new RegExp(`逾期 ${overdue} 项`));
  const jiangjin = rows.filter({ hasText: '重庆市江津区' });
  assert.match(await jiangjin.innerText(), new RegExp(`\\b${all.find((r) => r.plan.region === '重庆市江津区').items}\\b`));

  await page.getByLabel('地区').fill('江苏');
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForFunction(() => document.querySelectorAll('tr.plan-row').length === 1);
  assert.match(await rows.first().innerText(), /江苏省江阴市/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads').getByRole('button', { name: 'CSV' }).nth(1).click()]);
  assert.match(download.suggestedFilename(), /^各方案逾期汇总-2026-11-23\.csv$/);
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});
