// Plans and accounts in the app: the admin starts a plan, publishes it and is led to the import wizard; the office
// creates, resets and deactivates the accounts of its units and leaders; a taken user name is refused beside the field.
// Real service and Chromium (harness.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

/** An Element Plus select by its label: its wrapper takes the click, not the hidden input. */
const selectBox = (page, name) => page.locator('.el-select__wrapper', { has: page.getByRole('combobox', { name }) });
/** The error Element Plus shows under the form item holding the input with this id. */
const fieldError = (page, id) => page.locator(`.el-form-item:has(#${id}) .el-form-item__error`);
/** A row of the accounts table by its user name. */
const accountRow = (page, username) =>
  page.locator('[data-test="account-table"] .el-table__body-wrapper tr', { has: page.getByText(username, { exact: true }) });

let app;
before(async () => {
  app = await startApp();
});
after(() => stopApp(app));

test('the admin creates a plan, publishes it and is led to the import wizard to fill its lists', async () => {
  const admin = await app.tokenOf(ACCOUNTS.admin);
  const before = (await app.api('/plans', { token: admin })).body;
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.admin, '/plans');
  await page.getByRole('heading', { name: '建设方案' }).waitFor();
  // The seed plans are all there, as cards (the heading shows before the plans have loaded: wait for the last card).
  await page
    .locator('.plan-card')
    .nth(before.length - 1)
    .waitFor();
  assert.equal(await page.locator('.plan-card').count(), before.length);

  await page.getByRole('button', { name: '新建方案' }).click();
  const dialog = page.getByRole('dialog', { name: '新建方案' });
  // A period that ends before it starts is named beside the end date, before asking the service.
  await dialog.getByLabel('方案名称').fill('綦江区“无废城市”建设工作方案（2026—2028年）');
  await dialog.getByLabel('地区').fill('重庆市綦江区');
  await dialog.getByLabel('规划期开始').fill('2026年1月1日');
  await dialog.getByLabel('规划期开始').press('Enter');
  await dialog.getByLabel('规划期结束').fill('2025年12月31日');
  await dialog.getByLabel('规划期结束').press('Enter');
  await dialog.getByRole('button', { name: '建立' }).click();
  await fieldError(page, 'plan-end').getByText('规划期结束日期2025-12-31早于开始日期2026-01-01').waitFor();
  await dialog.getByLabel('规划期结束').fill('2028年12月31日');
  await dialog.getByLabel('规划期结束').press('Enter');
  await dialog.getByRole('button', { name: '建立' }).click();
  await dialog.getByText('方案已建立').waitFor();

  // Written as typed, unpublished, in Beijing time.
  const plans = (await app.api('/plans', { token: admin })).body;
  assert.equal(plans.length, before.length + 1);
  const made = plans.find((p) => p.region === '重庆市綦江区');
  assert.deepEqual(
    { name: made.name, periodStart: made.periodStart, periodEnd: made.periodEnd, timeZone: made.timeZone, published: made.published },
    { name: '綦江区“无废城市”建设工作方案（2026—2028年）', periodStart: '2026-01-01', periodEnd: '2028-12-31', timeZone: 'Asia/Shanghai', published: false },
  );
  // Not yet readable without a token.
  assert.equal((await app.api(`/plans/${made.id}/tasks`)).status, 401);

  // Later: the new card says its lists are empty; the admin publishes it.
  await dialog.getByRole('button', { name: '稍后再导入' }).click();
  const card = page.locator(`[data-test="plan-${made.id}"]`);
  await card.getByText('未发布').waitFor();
  await card.getByText('任务0项 · 项目0个 · 指标0项').waitFor();
  await card.getByText('清单还是空的').waitFor();
  await card.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('dialog', { name: '发布方案' }).getByRole('button', { name: '发布', exact: true }).click();
  await card.getByText('已发布').waitFor();
  assert.equal((await app.api(`/plans/${made.id}`, { token: admin })).body.published, true);
  // Published: its (still empty) lists are readable without a token.
  assert.equal((await app.api(`/plans/${made.id}/tasks`)).status, 200);
  await page.screenshot({ path: `${ARTIFACTS}/admin-plans.png` });

  // The card leads to the import wizard of the new plan.
  await card.getByRole('link', { name: '导入清单' }).click();
  await page.waitForURL((u) => u.pathname === `/plans/${made.id}/import`);
  await page
    .getByRole('heading', { name: /导入导出/ })
    .getByText(made.name)
    .waitFor();
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});

test('right after creating a plan the dialog offers the import wizard', async () => {
  const { context, page, errors } = await app.newPage();
  await app.signIn(page, ACCOUNTS.admin, '/plans');
  // On a phone the cards stand one above the other, as wide as the screen.
  await page.locator('.plan-card').first().waitFor();
  const [first, second] = await page.locator('.plan-card').evaluateAll((cards) => cards.slice(0, 2).map((c) => c.getBoundingClientRect().toJSON()));
  assert.ok(second.top >= first.bottom && first.width > 300, JSON.stringify({ first, second }));
  await page.screenshot({ path: `${ARTIFACTS}/admin-plans-phone.png` });
  await page.getByRole('button', { name: '新建方案' }).click();
  const dialog = page.getByRole('dialog', { name: '新建方案' });
  await dialog.getByLabel('方案名称').fill('南川区“无废城市”建设工作方案');
  await dialog.getByLabel('地区').fill('重庆市南川区');
  await dialog.getByLabel('规划期开始').fill('2026年1月1日');
  await dialog.getByLabel('规划期开始').press('Enter');
  await dialog.getByLabel('规划期结束').fill('2030年12月31日');
  await dialog.getByLabel('规划期结束').press('Enter');
  await dialog.getByRole('button', { name: '建立' }).click();
  await dialog.getByRole('button', { name: '去导入清单' }).click();
  const made = (await app.api('/plans', { token: await app.tokenOf(ACCOUNTS.admin) })).body.find((p) => p.region === '重庆市南川区');
  await page.waitForURL((u) => u.pathname === `/plans/${made.id}/import`);
  await page.getByRole('heading', { name: /导入导出/ }).waitFor();
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});

test('the office creates a unit and a leader account, resets the password, and a deactivated account cannot sign in', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/accounts');
  await page.getByRole('heading', { name: '账号管理' }).waitFor();
  // Jiangjin's unit and leader accounts of the demo: its leader and three units (the office itself is not listed).
  await accountRow(page, 'jiangjin-jxw').waitFor();
  assert.equal(await page.locator('[data-test="account-table"] .el-table__body-wrapper tr').count(), 4);
  assert.match(await accountRow(page, 'jiangjin-jxw').innerText(), /责任单位\s+区经济信息委\s+启用/);
  // An office of one plan only gives unit and leader accounts.
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  assert.deepEqual(await dialog.locator('.el-radio-button').allInnerTexts(), ['责任单位', '领导']);

  // A unit account for 区经济信息委, with the password the office types.
  await selectBox(page, '所属单位').click();
  await page.getByRole('option', { name: '区经济信息委', exact: true }).click();
  await dialog.getByLabel('用户名').fill('jiangjin-jxw2');
  await dialog.getByLabel('名称').fill('区经济信息委 李四');
  await dialog.getByLabel('初始密码').fill('jxw2-first-pass');
  await dialog.getByRole('button', { name: '建立' }).click();
  await dialog.locator('[data-test="account-created"]').getByText('jxw2-first-pass').waitFor();
  await accountRow(page, 'jiangjin-jxw2').waitFor();
  assert.match(await accountRow(page, 'jiangjin-jxw2').innerText(), /区经济信息委 李四\s+责任单位\s+区经济信息委\s+启用/);

  // A leader account, with a suggested password shown once.
  await dialog.getByRole('button', { name: '再建一个' }).click();
  await dialog.locator('.el-radio-button', { hasText: '领导' }).click();
  await assert.rejects(dialog.getByLabel('所属单位').waitFor({ timeout: 500 }));
  await dialog.getByLabel('用户名').fill('jiangjin-leader2');
  await dialog.getByLabel('名称').fill('分管副区长');
  await dialog.getByRole('button', { name: '生成' }).click();
  const suggested = await dialog.getByLabel('初始密码').inputValue();
  assert.match(suggested, /^[A-Za-z2-9]{12}$/);
  await dialog.getByRole('button', { name: '建立' }).click();
  await dialog.locator('[data-test="account-created"]').getByText(suggested).waitFor();
  await dialog.getByRole('button', { name: '完成' }).click();
  assert.match(await accountRow(page, 'jiangjin-leader2').innerText(), /分管副区长\s+领导\s+—\s+启用/);

  const users = (await app.api('/users', { token: office })).body;
  const unit = (await app.api('/plans/2/units', { token: office })).body.items.find((u) => u.name === '区经济信息委');
  const jxw2 = users.find((u) => u.username === 'jiangjin-jxw2');
  assert.deepEqual(
    { role: jxw2.role, planId: jxw2.planId, unitId: jxw2.unitId, active: jxw2.active },
    { role: 'unit', planId: 2, unitId: unit.id, active: true },
  );
  assert.deepEqual((({ role, planId, unitId }) => ({ role, planId, unitId }))(users.find((u) => u.username === 'jiangjin-leader2')), {
    role: 'leader',
    planId: 2,
    unitId: null,
  });
  // The suggested password is the leader's.
  assert.ok(await app.tokenOf({ username: 'jiangjin-leader2', password: suggested }));
  const firstSession = await app.tokenOf({ username: 'jiangjin-jxw2', password: 'jxw2-first-pass' });

  // Reset the unit account's password: the old session ends, the new password signs in through the login page.
  await accountRow(page, 'jiangjin-jxw2').getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog', { name: '重置密码 jiangjin-jxw2' });
  await reset.getByLabel('新密码').fill('jxw2-second-pass');
  await reset.getByRole('button', { name: '重置', exact: true }).click();
  await reset.locator('[data-test="password-reset"]').getByText('jxw2-second-pass').waitFor();
  await reset.getByRole('button', { name: '完成' }).click();
  assert.equal((await app.api('/plans/2', { token: firstSession })).status, 401);
  const unitUser = await app.newPage();
  await app.signIn(unitUser.page, { username: 'jiangjin-jxw2', password: 'jxw2-second-pass' });
  await unitUser.page.waitForURL((u) => u.pathname === '/plans/2/my');
  await unitUser.page.getByRole('heading', { name: '我的责任清单' }).waitFor();
  await unitUser.context.close();

  // Deactivate it: signing in is refused, on the login page and by the API.
  await accountRow(page, 'jiangjin-jxw2').getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog', { name: '停用账号' }).getByRole('button', { name: '停用' }).click();
  await accountRow(page, 'jiangjin-jxw2').getByText('已停用').waitFor();
  await accountRow(page, 'jiangjin-jxw2').getByRole('button', { name: '启用' }).waitFor();
  const refused = await app.newPage();
  await refused.page.goto(`${app.base}/login`);
  await refused.page.getByLabel('用户名').fill('jiangjin-jxw2');
  await refused.page.getByLabel('密码', { exact: true }).fill('jxw2-second-pass');
  await refused.page.getByRole('button', { name: '登录' }).click();
  await refused.page.getByRole('alert').getByText('用户名或密码错误').waitFor();
  assert.equal(new URL(refused.page.url()).pathname, '/login');
  await refused.context.close();
  assert.equal((await app.api('/auth/login', { method: 'POST', body: { username: 'jiangjin-jxw2', password: 'jxw2-second-pass' } })).status, 401);
  assert.equal((await app.api('/users', { token: office })).body.find((u) => u.username === 'jiangjin-jxw2').active, false);
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});

test('a user name already taken is refused beside the field, in Chinese, and nothing is written', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const before = (await app.api('/users', { token: office })).body;
  const { context, page, errors } = await app.newPage();
  await app.signIn(page, ACCOUNTS.office, '/accounts');
  await accountRow(page, 'jiangjin-leader').waitFor();
  // On a phone the page does not run off the side (the table scrolls within itself).
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  await page.screenshot({ path: `${ARTIFACTS}/office-accounts-phone.png` });
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.locator('.el-radio-button', { hasText: '领导' }).click();
  // User names are compared without case: the demo leader's name in capitals is taken.
  await dialog.getByLabel('用户名').fill('JIANGJIN-LEADER');
  await dialog.getByLabel('名称').fill('重名的领导');
  await dialog.getByLabel('初始密码').fill('some-long-pass');
  await dialog.getByRole('button', { name: '建立' }).click();
  await fieldError(page, 'new-username').getByText('用户名已存在').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/office-accounts-duplicate-phone.png` });
  // The dialog stays open with what was typed.
  assert.equal(await dialog.getByLabel('名称').inputValue(), '重名的领导');
  const after = (await app.api('/users', { token: office })).body;
  assert.deepEqual(after, before);
  // Changing the name clears the message.
  await dialog.getByLabel('用户名').fill('jiangjin-leader3');
  await assert.rejects(fieldError(page, 'new-username').waitFor({ timeout: 500 }));
  assert.deepEqual(unexpected(errors, 400), []);
  await context.close();
});

test("the admin sees every plan's accounts, narrows them by plan and role, and cannot switch off their own account", async () => {
  const admin = await app.tokenOf(ACCOUNTS.admin);
  const foshan = (await app.api('/plans', { token: admin })).body.find((p) => p.key === 'foshan');
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.admin, '/accounts');
  await page.getByRole('heading', { name: '账号管理' }).waitFor();
  await page.getByRole('menuitem', { name: '账号管理' }).waitFor();
  // The admin's own row: no 停用.
  await page.getByLabel('用户名或名称').fill('browser-admin');
  const own = accountRow(page, 'browser-admin');
  await own.getByText('（本人）').waitFor();
  assert.match(await own.innerText(), /系统管理员\s+全部方案/);
  assert.equal(await own.getByRole('button', { name: '停用' }).count(), 0);
  await page.getByRole('button', { name: '重置', exact: true }).click();

  // Foshan's demo accounts: its office, leader and 市工业和信息化局.
  await selectBox(page, '方案').click();
  await page.getByRole('option', { name: foshan.region, exact: true }).click();
  await accountRow(page, 'foshan-gxj').waitFor();
  const rows = page.locator('[data-test="account-table"] .el-table__body-wrapper tr');
  assert.deepEqual(
    (await rows.allInnerTexts()).map((t) => t.split('\t')[0].trim()),
    ['foshan-office', 'foshan-leader', 'foshan-gxj'],
  );
  const gxj = await accountRow(page, 'foshan-gxj').innerText();
  assert.ok(gxj.includes('责任单位') && gxj.includes(foshan.region) && gxj.includes('市工业和信息化局'), gxj);
  await selectBox(page, '角色').click();
  await page.getByRole('option', { name: '无废办', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="account-table"] .el-table__body-wrapper tr').length === 1);
  await accountRow(page, 'foshan-office').waitFor();

  // Renaming an account: only the changed name is saved.
  await accountRow(page, 'foshan-office').getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改账号 foshan-office' });
  await edit.getByLabel('名称').fill('佛山市无废办 王五');
  await edit.getByRole('button', { name: '保存' }).click();
  await accountRow(page, 'foshan-office').getByText('佛山市无废办 王五').waitFor();
  const renamed = (await app.api(`/users?planId=${foshan.id}`, { token: admin })).body.find((u) => u.username === 'foshan-office');
  assert.deepEqual(
    { displayName: renamed.displayName, email: renamed.email, active: renamed.active },
    { displayName: '佛山市无废办 王五', email: 'foshan-office@example.org', active: true },
  );

  // Every plan again, for the picture.
  await page.getByRole('button', { name: '重置', exact: true }).click();
  await accountRow(page, 'jiangjin-office').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/admin-accounts.png` });
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});
