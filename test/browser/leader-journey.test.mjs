// The real app in a real browser (test/browser/harness.mjs): the built service on a temporary SQLite file with the
// clock frozen on a Monday (2026-11-23), the seed plans and the demo progress, driven through Debian's chromium at
// phone size: the Jiangjin leader, and the units' list, 签收, 批示 and progress reports.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

const LEADER = ACCOUNTS.leader;
const JXW = ACCOUNTS.jxw;
const STHJ = { username: 'jiangjin-sthj', password: 'qingdan-demo' };

let app;
let base;
/** The API as the harness calls it: { status, body }. */
const api = (...args) => app.api(...args);
const phonePage = (viewport) => app.newPage(viewport);

before(async () => {
  app = await startApp();
  base = app.base;
});

after(() => stopApp(app));

test('a leader opens a task link without a session, signs in, lands on the task, and reads the overview', async () => {
  const leader = await app.tokenOf(LEADER);
  const tasks = (await api('/plans/2/tasks?limit=1', { token: leader })).body;
  const task = tasks.items[0];
  const overdue = (await api('/plans/2/reports/overdue', { token: leader })).body;
  // 97 seeded items are overdue on 2026-11-23; the demo progress closes out tasks 2, 5, 15 and project 9 and moves
  // tasks 18, 19, 43 and project 12 into 2026-12 … 2027 (seeds/demo-progress.json): 8 fewer. Task 11 counts among the
  // 89 whatever is reported on its 2023 milestone (3个, left open by the demo data): its 2025 one (10个) is past due.
  assert.equal(overdue.items, 89, 'the Jiangjin plan with its demo progress has 89 overdue items on 2026-11-23');

  const { context, page, errors } = await phonePage();
  await page.goto(`${base}/plans/2/tasks/${task.id}`);
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === `/plans/2/tasks/${task.id}`);
  await page.getByText('请先登录，登录后回到您要打开的页面。').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/1-sign-in.png` });

  await page.getByLabel('用户名').fill(LEADER.username);
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
  const signInErrors = errors.splice(0);
  assert.deepEqual(unexpected(signInErrors, 401), []);

  await page.getByLabel('密码', { exact: true }).fill(LEADER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === `/plans/2/tasks/${task.id}`);
  await page.getByRole('heading', { name: `任务${task.seq}` }).waitFor();
  await page.getByText(task.content.slice(0, 20)).first().waitFor();
  assert.ok(await page.getByText('江津区领导（演示）').isVisible(), 'the header names the user');
  assert.ok(await page.getByText('领导', { exact: true }).isVisible(), 'the header names the role in Chinese');
  await page.getByText('2025年12月31日').first().waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/2-task.png`, fullPage: true });

  // The menu is a drawer on a phone.
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('menuitem', { name: '驾驶舱' }).click();
  await page.waitForURL((u) => u.pathname === '/plans/2/overview');
  const count = page.locator('[data-test=overdue-items]');
  await count.waitFor();
  assert.equal(Number(await count.textContent()), overdue.items, 'the overview counts the overdue items the report gives');
  assert.equal(Number(await page.locator('[data-test=overdue-milestones]').textContent()), overdue.milestones);
  await page.getByText('逾期事项（按牵头单位）').waitFor();
  // The menu drawer closes once a page is chosen.
  await page.getByRole('menuitem', { name: '驾驶舱' }).waitFor({ state: 'hidden' });
  await page.screenshot({ path: `${ARTIFACTS}/3-overview-phone.png`, fullPage: true });

  // The A4 briefing opens in a new tab, fetched with the bearer token.
  const [briefing] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印简报（A4）' }).click()]);
  await briefing.waitForURL(/^blob:/);
  await briefing.getByText('工作简报').first().waitFor();
  await briefing.close();

  assert.deepEqual(errors, [], 'no console errors after sign-in');
  await context.close();
});

test('an expired session returns to sign-in and back to the page asked for', async () => {
  const { context, page, errors } = await phonePage({ width: 1280, height: 800 });
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(LEADER.username);
  await page.getByLabel('密码', { exact: true }).fill(LEADER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === '/plans/2/overview');
  await page.locator('[data-test=overdue-items]').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/4-overview-desktop.png`, fullPage: true });

  // The session ends on the server (as after SESSION_HOURS); the next API call answers 401.
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('qingdan.session')).token);
  assert.equal((await api('/auth/logout', { token, method: 'POST' })).status < 300, true);
  const firstOverdue = page.locator('#overdue .el-collapse-item').first();
  await firstOverdue.locator('button, [role=button]').first().click();
  const link = firstOverdue.locator('a').first();
  const target = new URL(await link.evaluate((a) => a.href)).pathname;
  await link.click();
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === target);
  await page.getByLabel('用户名').fill(LEADER.username);
  await page.getByLabel('密码', { exact: true }).fill(LEADER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === target);
  await page.locator('h2').first().waitFor();
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});

test('a unit opens its list link from a reminder, signs in, and sees what it leads and supports, overdue first', async () => {
  const unit = JXW;
  const token = await app.tokenOf(unit);
  const report = (await api('/plans/2/reports/units', { token })).body;
  const mine = report.units[0];
  assert.equal(mine.name, '区经济信息委');
  const { context, page, errors } = await phonePage();
  await page.goto(`${base}/plans/2/my`);
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === '/plans/2/my');
  await page.getByLabel('用户名').fill(unit.username);
  await page.getByLabel('密码', { exact: true }).fill(unit.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === '/plans/2/my');
  await page.getByRole('heading', { name: '我的责任清单' }).waitFor();
  await page.getByText(`牵头 ${mine.lead} 项、配合 ${mine.support} 项`, { exact: false }).waitFor();
  const rows = page.locator('ul.lines > li');
  assert.equal(await rows.count(), mine.items.length, 'every item the unit holds is listed');
  // Overdue items come first: the first row is one the report calls overdue.
  const first = await rows.first().locator('strong').innerText();
  assert.ok(
    mine.items.some((i) => i.code === first && i.overdue),
    `${first} is overdue`,
  );
  await page.locator('.filters label', { hasText: '配合' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('ul.lines > li').length === n, mine.items.filter((i) => i.role === 'support').length);
  assert.equal(await rows.count(), mine.items.filter((i) => i.role === 'support').length, 'the role filter keeps supporting items only');
  await page.screenshot({ path: `${ARTIFACTS}/5-unit-list-phone.png`, fullPage: true });
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});

/** Signs a demo account in through the sign-in page, which then opens `path`. */
async function signInAt(page, path, username) {
  await app.signIn(page, { username, password: 'qingdan-demo' }, path);
  await page.waitForURL((u) => u.pathname === path);
}

/** Task n of the Jiangjin plan (plan 2), by its 序号. */
async function jiangjinTask(token, seq) {
  const tasks = (await api('/plans/2/tasks?limit=100', { token })).body.items;
  return tasks.find((t) => t.seq === seq);
}

test("a unit signs for its items and reads the leader's instructions; the leader leaves one", async () => {
  const unitToken = await app.tokenOf(JXW);
  const task11 = await jiangjinTask(unitToken, 11);
  // An item not yet signed for other than task 11 (the report journey signs that one).
  const unsigned = (await api('/plans/2/signatures?signed=false&itemType=task', { token: unitToken })).body.items.find((r) => r.itemId !== task11.id);
  assert.equal(unsigned.unit.name, '区经济信息委');

  const { context, page, errors } = await phonePage();
  // An item not yet signed for: the button signs it today (the frozen clock's 2026-11-23).
  await signInAt(page, `/plans/2/tasks/${unsigned.itemId}`, 'jiangjin-jxw');
  await page.getByText('本单位尚未签收此事项。').waitFor();
  await page.getByRole('button', { name: '签收', exact: true }).click();
  await page.getByText('已签收 2026年11月23日').waitFor();
  const after = (await api(`/plans/2/signatures?itemType=task&itemId=${unsigned.itemId}`, { token: unitToken })).body.items;
  assert.deepEqual(
    after.map((r) => [r.unit.name, r.signed, r.signedDate]),
    [['区经济信息委', true, '2026-11-23']],
  );

  // Task 15 was signed for on 2026-09-02 in the demo data.
  const task15 = await jiangjinTask(unitToken, 15);
  await page.goto(`${base}/plans/2/tasks/${task15.id}`);
  await page.getByRole('heading', { name: '任务15' }).waitFor();
  await page.getByText('已签收 2026年9月2日').waitFor();
  // Task 11 carries the leader's instruction of 2026-11-16.
  await page.goto(`${base}/plans/2/tasks/${task11.id}`);
  await page.getByRole('heading', { name: '任务11' }).waitFor();
  const instructions = page.locator('[data-test=instructions]');
  await instructions.getByText('【演示数据】绿色工厂创建要对标2025年目标，请区经济信息委月底前报送剩余3家的推进计划。').waitFor();
  assert.ok(await instructions.getByText('江津区领导（演示）（领导）· 2026年11月16日').isVisible());
  assert.equal(await page.getByLabel('作批示').count(), 0, 'a unit cannot leave an instruction');
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();

  // The leader leaves an instruction from the item's page.
  const leader = await phonePage();
  await signInAt(leader.page, `/plans/2/tasks/${task11.id}`, 'jiangjin-leader');
  await leader.page.getByRole('heading', { name: '任务11' }).waitFor();
  assert.equal(await leader.page.getByRole('button', { name: '签收', exact: true }).count(), 0, 'a leader does not sign');
  await leader.page.getByLabel('作批示').fill('请区经济信息委12月10日前报送绿色园区创建方案。\n同时抄送无废办。');
  await leader.page.getByRole('button', { name: '发出批示' }).click();
  await leader.page
    .locator('[data-test=instructions] .el-card')
    .first()
    .getByText('请区经济信息委12月10日前报送绿色园区创建方案。', { exact: false })
    .waitFor();
  await leader.page.screenshot({ path: `${ARTIFACTS}/8-leader-instruction-phone.png`, fullPage: true });
  const read = (await api(`/plans/2/instructions?itemType=task&itemId=${task11.id}`, { token: unitToken })).body.items;
  assert.deepEqual(
    read.map((i) => [i.author.name, i.issuedDate, i.content]),
    [
      ['江津区领导（演示）', '2026-11-23', '请区经济信息委12月10日前报送绿色园区创建方案。\n同时抄送无废办。'],
      ['江津区领导（演示）', '2026-11-16', '【演示数据】绿色工厂创建要对标2025年目标，请区经济信息委月底前报送剩余3家的推进计划。'],
    ],
  );
  assert.deepEqual(unexpected(leader.errors, 401), []);
  await leader.context.close();
});

test('a unit signs for task 11, sees the 批示, reports on its 2023 milestone with a PDF dragged in, and submits', async () => {
  const unitToken = await app.tokenOf(JXW);
  const task11 = await jiangjinTask(unitToken, 11);
  const [m2023, m2025] = task11.milestones;
  // The demo data leaves the 2023 milestone (3个) open: overdue since 2023-12-31, nothing reported on it.
  assert.deepEqual([m2023.phrase, m2023.quantity, m2023.status, m2023.overdue], ['到2023年', '3个', 'not_started', true]);
  assert.deepEqual([m2025.phrase, m2025.quantity], ['到2025年', '10个']);
  // The demo data leaves task 11 not signed for by 区经济信息委.
  const signatures = (await api(`/plans/2/signatures?itemType=task&itemId=${task11.id}`, { token: unitToken })).body.items;
  assert.deepEqual(
    signatures.map((r) => [r.unit.name, r.signed]),
    [['区经济信息委', false]],
  );

  const { context, page, errors } = await phonePage();
  await signInAt(page, `/plans/2/tasks/${task11.id}`, JXW.username);
  await page.getByRole('heading', { name: '任务11' }).waitFor();
  await page.getByText('本单位尚未签收此事项。').waitFor();
  await page.getByRole('button', { name: '签收', exact: true }).click();
  await page.getByText('已签收 2026年11月23日').waitFor();
  await page.locator('[data-test=instructions]').getByText('【演示数据】绿色工厂创建要对标2025年目标', { exact: false }).first().waitFor();
  await page.getByRole('button', { name: '填报进展' }).click();
  const drawer = page.locator('.progress-drawer');
  await drawer.getByText('填报进展').first().waitFor();

  // The first open milestone is chosen: 2023, 3个; the service's evidence rules give the size limit (20 MB default).
  await drawer.getByText('完成数量（目标：3个）').waitFor();
  await drawer.getByText('每个不超过20 MB', { exact: false }).waitFor();

  // Narrative is required before anything is sent.
  await drawer.getByRole('button', { name: '提交' }).click();
  await drawer.locator('.el-form-item', { hasText: '进展情况' }).getByText('请填写进展情况').waitFor();

  // The service's message lands beside the field it names: done needs all 3.
  await drawer.getByText('已完成', { exact: true }).click();
  await drawer.getByLabel('完成数量').fill('2');
  await drawer.getByLabel('进展情况').fill('2023年新增绿色工厂3家，均已获市级认定，附认定文件。');
  await drawer.getByRole('button', { name: '提交' }).click();
  const quantityItem = drawer.locator('.el-form-item', { hasText: '完成数量' });
  await quantityItem.getByText('已完成时应为100%（或完成数量达到目标数量）').waitFor();
  assert.deepEqual(unexpected(errors.splice(0), 400), [], 'only the expected 400');

  // Corrected: the message and the red border go as soon as the number changes.
  await drawer.getByLabel('完成数量').fill('3');
  await quantityItem.getByText('已完成时应为100%', { exact: false }).waitFor({ state: 'hidden' });
  await page.waitForFunction(() => ![...document.querySelectorAll('.progress-drawer .el-form-item')].some((el) => el.classList.contains('is-error')));

  // The PDF is dragged onto the upload area: a real drop event carrying a File in its DataTransfer.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    transfer.items.add(new File([pdf], '绿色工厂认定文件.pdf', { type: 'application/pdf' }));
    return transfer;
  });
  const dropArea = drawer.locator('.el-upload-dragger');
  await dropArea.dispatchEvent('dragover', { dataTransfer });
  await dropArea.dispatchEvent('drop', { dataTransfer });
  await drawer.getByText('绿色工厂认定文件.pdf（', { exact: false }).waitFor();
  // A file of a kind the service does not take is refused before upload, beside the evidence field.
  const exe = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['MZ'], '脚本.exe', { type: 'application/octet-stream' }));
    return transfer;
  });
  await dropArea.dispatchEvent('drop', { dataTransfer: exe });
  assert.equal(await drawer.getByText('脚本.exe', { exact: false }).count(), 0, 'the upload area drops kinds it does not accept');
  await page.screenshot({ path: `${ARTIFACTS}/6-unit-report-form-phone.png` });
  await drawer.getByRole('button', { name: '提交' }).click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByText('2023年新增绿色工厂3家，均已获市级认定，附认定文件。').waitFor();
  await page.getByRole('button', { name: '绿色工厂认定文件.pdf' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/7-unit-report-submitted-phone.png`, fullPage: true });

  const reports = (await api(`/plans/2/progress?itemType=task&itemId=${task11.id}`, { token: unitToken })).body;
  const mine = reports.filter((r) => r.narrative === '2023年新增绿色工厂3家，均已获市级认定，附认定文件。');
  assert.equal(mine.length, 1, 'one report, no stray draft');
  assert.deepEqual(
    [
      mine[0].milestoneId,
      mine[0].status,
      mine[0].state,
      mine[0].quantityDone,
      mine[0].quantityTotal,
      mine[0].submittedDate,
      mine[0].evidence.map((f) => f.fileName),
    ],
    [m2023.id, 'submitted', 'done', 3, 3, '2026-11-23', ['绿色工厂认定文件.pdf']],
  );
  // Submitted as done, the milestone waits for the office's close-out (已报完成); the item is signed for today.
  const after = await jiangjinTask(unitToken, 11);
  assert.equal(after.milestones[0].status, 'submitted');
  const signed = (await api(`/plans/2/signatures?itemType=task&itemId=${task11.id}`, { token: unitToken })).body.items;
  assert.deepEqual(
    signed.map((r) => [r.unit.name, r.signed, r.signedDate]),
    [['区经济信息委', true, '2026-11-23']],
  );
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});

test('a unit changes the report the office returned and submits it again', async () => {
  const unitToken = await app.tokenOf(STHJ);
  const task20 = await jiangjinTask(unitToken, 20);
  const { context, page, errors } = await phonePage();
  await signInAt(page, `/plans/2/tasks/${task20.id}`, 'jiangjin-sthj');
  await page.getByText('退回原因：【演示数据】佐证材料不全，请补充已摸底单位名单后重新提交。').waitFor();
  await page.getByRole('button', { name: '修改后重新提交' }).click();
  const drawer = page.locator('.progress-drawer');
  await drawer.getByText('无废办退回：【演示数据】佐证材料不全，请补充已摸底单位名单后重新提交。').waitFor();
  assert.equal(await drawer.getByLabel('进展情况').inputValue(), '【演示数据】非工业源危险废物摸底已完成一半。');
  await drawer.getByLabel('完成百分比').fill('60');
  await drawer.getByLabel('进展情况').fill('非工业源危险废物摸底完成六成，已摸底单位名单见附件。');
  await drawer.getByRole('button', { name: '提交' }).click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByText('非工业源危险废物摸底完成六成，已摸底单位名单见附件。').waitFor();
  const reports = (await api(`/plans/2/progress?itemType=task&itemId=${task20.id}`, { token: unitToken })).body;
  assert.deepEqual(
    reports.map((r) => [r.status, r.percent, r.narrative, r.submittedDate]),
    [['submitted', 60, '非工业源危险废物摸底完成六成，已摸底单位名单见附件。', '2026-11-23']],
  );
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});
