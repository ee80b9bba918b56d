// The audit log in the app: the office finds who changed a task and reads the text before and after; the admin reads
// the log of every plan. Real service and Chromium (harness.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

/** An Element Plus select by its label: its wrapper takes the click, not the hidden input. */
const selectBox = (page, name) => page.locator('.el-select__wrapper', { has: page.getByRole('combobox', { name }) });

let app;
before(async () => {
  app = await startApp();
});
after(() => stopApp(app));

test('the office finds who changed a task, when, and the text before and after', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const task = (await app.api('/plans/2/tasks?limit=100', { token: office })).body.items.find((t) => t.seq === 7);
  const changed = `${task.content}（已按市级要求补充）`;
  const saved = await app.api(`/plans/2/tasks/${task.id}`, { token: office, method: 'PATCH', body: { content: changed, version: task.version } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));

  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, `/plans/2/audit?entityType=tasks&entityId=${task.id}`);
  await page.getByRole('heading', { name: '审计日志' }).waitFor();
  const rows = page.locator('tr.audit-row');
  await rows.first().waitFor();
  // Loading the seed plans writes no entry per row: the office's change is task 7's only entry.
  assert.equal(await rows.count(), 1);
  const newest = rows.first();
  assert.match(await newest.innerText(), /jiangjin-office\s+修改\s+任务7/);
  // The frozen clock is 2026-11-23 09:30 in Shanghai: the change is stamped then, not in UTC.
  assert.match(await newest.innerText(), /2026年11月23日 09:30:\d\d/);
  assert.match(await newest.innerText(), /内容/);
  await newest.locator('.el-table__expand-icon').click();
  const detail = page.locator('.changes');
  await detail.getByText(task.content, { exact: true }).waitFor();
  await detail.getByText(changed, { exact: true }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/office-audit-log.png` });

  // A filter by another user finds nothing, and the empty table says what to do.
  await page.getByLabel('操作人').fill('jiangjin-leader');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('没有符合条件的记录。').waitFor();
  // The link of an entry opens the task.
  await page.getByRole('button', { name: '重置' }).click();
  await selectBox(page, '对象').click();
  await page.getByRole('option', { name: '任务', exact: true }).click();
  await page.getByLabel('系统编号').fill(String(task.id));
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('任务7', { exact: true }).first().click();
  await page.waitForURL((u) => u.pathname === `/plans/2/tasks/${task.id}`);
  await page.getByRole('heading', { name: '任务7' }).waitFor();
  // …and the task page leads back to its own change log.
  await page.getByRole('link', { name: '变更记录' }).click();
  await page.waitForURL((u) => u.pathname === '/plans/2/audit' && u.searchParams.get('entityId') === String(task.id));
  await page.locator('tr.audit-row').first().waitFor();
  assert.equal(await page.locator('tr.audit-row').count(), 1);
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});

test('the admin reads the log of every plan, each entry with its plan, and a unit has no log in its menu', async () => {
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.admin, '/audit');
  await page.getByRole('heading', { name: '审计日志' }).waitFor();
  await page.getByRole('menuitem', { name: '审计日志（全部）' }).waitFor();
  // The seeds wrote four plans' lists: narrowing to Jiangjin shows only its entries.
  await selectBox(page, '方案').click();
  await page.getByRole('option', { name: '重庆市江津区' }).click();
  await page.getByRole('button', { name: '查询' }).click();
  // The table shows every plan's entries until the narrowed page arrives: wait for it, not for the first row.
  await page
    .waitForFunction(
      () => {
        const cells = [...document.querySelectorAll('tr.audit-row td:nth-child(6)')];
        return cells.length > 0 && cells.every((td) => td.textContent.trim() === '重庆市江津区');
      },
      null,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  const plans = page.locator('tr.audit-row td:nth-child(6)');
  await plans.first().waitFor();
  assert.deepEqual([...new Set(await plans.allInnerTexts())], ['重庆市江津区']);
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();

  const unit = await app.newPage();
  await app.signIn(unit.page, ACCOUNTS.jxw, '/plans/2/my');
  await unit.page.getByRole('button', { name: '打开菜单' }).click();
  await unit.page.getByRole('menuitem', { name: '我的责任清单' }).waitFor();
  assert.equal(await unit.page.getByRole('menuitem', { name: /审计日志/ }).count(), 0);
  await unit.context.close();
});
