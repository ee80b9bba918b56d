// The office maintains the four lists in the app (issue 15 items 1-2): filters a list by lead unit, changes a
// milestone date with a note, creates a task, and two sessions edit the same task: the second meets the 409, sees the
// first's change beside its own, re-applies its edit on the current version, and nothing either typed is lost.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

const PLAN = 2; // Jiangjin
const DESKTOP = { width: 1366, height: 900 };
let app;
let token;
let units;

before(async () => {
  app = await startApp();
  token = await app.tokenOf(ACCOUNTS.office);
  units = (await app.api(`/plans/${PLAN}/units`, { token })).body.items;
});
after(() => stopApp(app));

const unitId = (name) => {
  const unit = units.find((u) => u.name === name);
  assert.ok(unit, `unit ${name} in the seed`);
  return unit.id;
};
const allTasks = async () => (await app.api(`/plans/${PLAN}/tasks?limit=1000`, { token })).body.items;
const task = async (id) => (await app.api(`/plans/${PLAN}/tasks/${id}`, { token })).body;

/** Picks an option of an Element Plus select: opens it, clicks the visible option with exactly this text. */
async function choose(page, select, option) {
  await select.click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^${option}$`) }).click();
}

/** Closes a multiple select's dropdown (it stays open after a pick) and waits until it has gone. */
async function closeDropdown(page, drawer) {
  await drawer.locator('.el-drawer__header').click();
  await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
}

async function openDrawer(page, seq) {
  await page.getByRole('button', { name: `修改任务${seq}`, exact: true }).click();
  const drawer = page.locator('.item-drawer');
  await drawer.getByText(`第 `, { exact: false }).first().waitFor();
  return drawer;
}

test('the office filters Jiangjin tasks by lead unit and sees the count the API gives', async () => {
  const jxw = unitId('区经济信息委');
  const led = (await allTasks()).filter((t) => t.leadUnits.some((u) => u.id === jxw));
  assert.ok(led.length > 0, 'the seed gives 区经济信息委 tasks to lead');
  const { page, context, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, `/plans/${PLAN}/lists/tasks`);
  await page.getByText('共 82 项').waitFor();
  await choose(page, page.locator('[data-test=filter-lead]'), '区经济信息委');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForURL((u) => u.searchParams.get('leadUnit') === String(jxw));
  await page.getByText(`共 ${led.length} 项（已按 1 个条件筛选）`).waitFor();
  const api = await app.api(`/plans/${PLAN}/tasks?leadUnit=${jxw}&limit=1`, { token });
  assert.equal(api.body.total, led.length);
  await page.locator('.el-table__body-wrapper tbody tr').first().waitFor();
  assert.equal(await page.locator('.el-table__body-wrapper tbody tr').count(), Math.min(led.length, 20));
  // The first row is the unit's lowest-numbered task; clicking it opens the task page.
  const first = led.sort((a, b) => a.seq - b.seq)[0];
  await page.screenshot({ path: `${ARTIFACTS}/office-lists-filtered.png`, fullPage: true });
  await page.locator('.el-table__body-wrapper tbody tr').first().click();
  await page.waitForURL((u) => u.pathname === `/plans/${PLAN}/tasks/${first.id}`);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the list shows a past day: on 2024-01-01 the items overdue are those due before then, as the API counts them', async () => {
  const overdueThen = (await app.api(`/plans/${PLAN}/tasks?asOf=2024-01-01&overdue=true&limit=1000`, { token })).body.items;
  // Only milestones due before 2024 could be overdue that day (the 2025 deadlines were still ahead).
  assert.ok(overdueThen.length > 0);
  for (const t of overdueThen)
    assert.ok(
      t.milestones.some((m) => m.dueDate && m.dueDate < '2024-01-01'),
      `任务${t.seq} had a deadline before 2024`,
    );
  const { page, context, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, `/plans/${PLAN}/lists/tasks?asOf=2024-01-01&overdue=true`);
  await page.getByText(`共 ${overdueThen.length} 项（已按 1 个条件筛选） · 按 2024年1月1日 的情况显示`).waitFor();
  assert.equal(await page.locator('[data-test=filter-as-of] input, input[aria-label="查看日期（截至当日的状态）"]').first().inputValue(), '2024年1月1日');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the office changes a milestone date with a note; the task shows the new date and the phrase as written', async () => {
  // A task on the first page whose milestone has a phrase and a date.
  const target = (await allTasks()).find((t) => t.seq <= 20 && t.milestones.length === 1 && t.milestones[0].phrase && t.milestones[0].dueDate);
  assert.ok(target, 'a dated task among the first 20');
  const milestone = target.milestones[0];
  const { page, context, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, `/plans/${PLAN}/lists/tasks`);
  const drawer = await openDrawer(page, target.seq);
  const editor = drawer.locator(`[data-test=milestone-${milestone.id}]`);
  await editor.getByText(`“${milestone.phrase}”`).waitFor();
  // The office types the new deadline as words; the parser's reading shows and is taken into the date.
  await editor.getByLabel('节点1的时限文字').fill('2027年6月底前');
  await editor.getByText('原文“2027年6月底前”，系统读作：').waitFor();
  await editor.getByRole('button', { name: '采用2027年6月30日' }).click();
  assert.equal(await editor.locator('input').first().inputValue(), '2027年6月30日');
  await editor.getByLabel('节点1的调整说明').fill('经无废办主任办公会研究，延至2027年6月底');
  await editor.getByRole('button', { name: '保存时限' }).click();
  await page.getByText('时限已改为2027年6月30日').waitFor();
  await editor.getByText('现定：2027年6月30日').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/office-lists-milestone.png` });

  const stored = (await task(target.id)).milestones.find((m) => m.id === milestone.id);
  assert.equal(stored.dueDate, '2027-06-30');
  assert.equal(stored.phrase, milestone.phrase, 'the phrase as written stays');
  assert.equal(stored.note, '经无废办主任办公会研究，延至2027年6月底');

  await page.goto(`${app.base}/plans/${PLAN}/tasks/${target.id}`);
  await page.getByText('截止2027年6月30日').waitFor();
  await page.getByText(milestone.phrase, { exact: true }).first().waitFor();
  await page.getByText('经无废办主任办公会研究，延至2027年6月底').waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the office creates a task, seeing how its deadline phrase is read as it types', async () => {
  const jxw = unitId('区经济信息委');
  const sthj = unitId('区生态环境局');
  const { page, context, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, `/plans/${PLAN}/lists/tasks`);
  await page.getByRole('button', { name: '新增任务' }).click();
  const drawer = page.locator('.item-drawer');
  await drawer.locator('#item-seq').fill('901');
  await drawer.locator('#item-chapter').fill('浏览器测试');
  await drawer.locator('#item-content').fill('建成工业固废信息化监管平台');
  await drawer.locator('#item-deadline').fill('2027年底前');
  await drawer.getByText('原文“2027年底前”，系统读作：').waitFor();
  await drawer.locator('[data-test=deadline-reading]').getByText('2027年12月31日').waitFor();
  await choose(page, drawer.locator('[data-test=lead-units]'), '区经济信息委');
  await closeDropdown(page, drawer);
  await choose(page, drawer.locator('[data-test=support-units]'), '区生态环境局');
  await closeDropdown(page, drawer);
  await page.screenshot({ path: `${ARTIFACTS}/office-lists-create.png` });
  await drawer.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('任务901已新增').waitFor();
  await page.getByText('共 83 项').waitFor();

  const created = (await allTasks()).find((t) => t.seq === 901);
  assert.ok(created, 'the task is stored');
  assert.equal(created.content, '建成工业固废信息化监管平台');
  assert.equal(created.deadlineText, '2027年底前');
  assert.deepEqual(
    created.leadUnits.map((u) => u.id),
    [jxw],
  );
  assert.deepEqual(
    created.supportingUnits.map((u) => u.id),
    [sthj],
  );
  assert.deepEqual(
    created.milestones.map((m) => [m.phrase, m.dueDate]),
    [['2027年底前', '2027-12-31']],
  );
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('two sessions edit the same task: the second sees the 409, the first’s change beside its own, and re-applies its text', async () => {
  const target = (await allTasks()).find((t) => t.seq === 3);
  const before = await task(target.id);
  const first = await app.newPage(DESKTOP);
  const second = await app.newPage({ width: 390, height: 844 });
  await app.signIn(first.page, ACCOUNTS.office, `/plans/${PLAN}/lists/tasks`);
  await app.signIn(second.page, ACCOUNTS.office, `/plans/${PLAN}/lists/tasks`);
  await second.page.locator('.el-table__body-wrapper tbody tr').first().waitFor();
  await second.page.screenshot({ path: `${ARTIFACTS}/office-lists-phone.png` });
  // Both open the task at the same version.
  const drawerA = await openDrawer(first.page, 3);
  const drawerB = await openDrawer(second.page, 3);
  await drawerB.getByText(`第 ${before.version} 版`).waitFor();

  // The first changes the deadline and saves.
  await drawerA.locator('#item-deadline').fill('2026年底前');
  await drawerA.getByRole('button', { name: '保存', exact: true }).click();
  await first.page.getByText(`任务3已保存（第 ${before.version + 1} 版）`).waitFor();

  // The second, still on the old version, rewrites the content and saves: 409.
  const mine = `${before.content}（无废办补充：每季度报送一次进展）`;
  await drawerB.locator('#item-content').fill(mine);
  await drawerB.getByRole('button', { name: '保存', exact: true }).click();
  const conflict = drawerB.locator('[data-test=conflict]');
  await conflict.waitFor();
  await conflict.getByText('已被他人修改').waitFor();
  // Field by field: their deadline (now stored) and my content.
  const deadlineRow = conflict.locator('[data-test=diff-deadlineText]');
  await deadlineRow.getByText('2026年底前').waitFor();
  await deadlineRow.getByText('（您未改）').waitFor();
  const contentRow = conflict.locator('[data-test=diff-content]');
  await contentRow.getByText(mine).waitFor();
  await contentRow.getByText('（未改）').waitFor();
  await second.page.screenshot({ path: `${ARTIFACTS}/office-lists-conflict-phone.png`, fullPage: true });

  await conflict.getByRole('button', { name: '在当前版本上重新应用我的修改' }).click();
  await drawerB.getByText(`已在当前版本（第 ${before.version + 1} 版）上重新填入您的修改`).waitFor();
  assert.equal(await drawerB.locator('#item-content').inputValue(), mine, 'my text is still in the form');
  assert.equal(await drawerB.locator('#item-deadline').inputValue(), '2026年底前', 'their change is in the form too');
  await drawerB.getByRole('button', { name: '保存', exact: true }).click();
  await second.page.getByText(`任务3已保存（第 ${before.version + 2} 版）`).waitFor();

  const stored = await task(target.id);
  assert.equal(stored.content, mine);
  assert.equal(stored.deadlineText, '2026年底前');
  assert.equal(stored.version, before.version + 2);
  assert.deepEqual(unexpected(first.errors), []);
  assert.deepEqual(unexpected(second.errors, 409), []);
  await first.context.close();
  await second.context.close();
});

test('the office withdraws a task with a reason: it leaves the list and keeps its history', async () => {
  const target = (await allTasks()).find((t) => t.seq === 82);
  const inForce = (await app.api(`/plans/${PLAN}/tasks?limit=1`, { token })).body.total;
  const { page, context, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, `/plans/${PLAN}/lists/tasks?size=100`);
  await page.getByText(`共 ${inForce} 项`).waitFor();
  await page.getByRole('button', { name: '撤销任务82', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '撤销任务82' });
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await dialog.getByText('请填写撤销原因').waitFor();
  await dialog.getByLabel('撤销原因').fill('经领导小组研究，该任务并入任务12');
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await page.getByText('任务82已撤销').waitFor();
  await page.getByText(`共 ${inForce - 1} 项`).waitFor();
  const stored = await task(target.id);
  assert.equal(stored.withdrawnReason, '经领导小组研究，该任务并入任务12');
  assert.equal(stored.withdrawnOn, '2026-11-23');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the office overrules the rule on an indicator value: the value reads 未达标（无废办判定） and the API agrees', async () => {
  const indicator = (await app.api(`/plans/${PLAN}/indicators?limit=10`, { token })).body.items.find((i) => i.seq === 1);
  const values = (await app.api(`/plans/${PLAN}/indicators/${indicator.id}/values`, { token })).body;
  const existing = values.find((v) => v.period === '2025');
  // 0.47 吨/万元 against the target ≤0.48: the rule says 达标.
  const put = await app.api(`/plans/${PLAN}/indicators/${indicator.id}/values/2025`, {
    token,
    method: 'PUT',
    body: { value: 0.47, text: null, note: null, version: existing?.version },
  });
  assert.ok(put.status === 200 || put.status === 201, JSON.stringify(put.body));
  assert.equal(put.body.attainment.status, 'met');

  const { context, page, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, `/plans/${PLAN}/lists/indicators`);
  await page.getByRole('button', { name: '修改指标1', exact: true }).click();
  const drawer = page.locator('.item-drawer');
  const row = drawer.locator('.values tr', { hasText: '2025' });
  await row.getByText('达标', { exact: true }).waitFor();
  await row.getByRole('button', { name: '判定' }).click();
  await page.getByRole('menuitem', { name: '未达标' }).click();
  await row.getByText('未达标（无废办判定）').waitFor();
  const judged = (await app.api(`/plans/${PLAN}/indicators/${indicator.id}/values`, { token })).body.find((v) => v.period === '2025');
  assert.deepEqual([judged.judgement, judged.attainment.status, judged.attainment.by], ['not_met', 'not_met', 'office']);

  // Withdrawn, the rule decides again.
  await row.getByRole('button', { name: '判定' }).click();
  await page.getByRole('menuitem', { name: '按规则判断' }).click();
  await row.getByText('达标', { exact: true }).waitFor();
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});
