// 单位与联系人 in Chromium: the Jiangjin office adds a unit with an alias and finds it by that alias, keeps its liaison
// and contacts (an email refused beside the field, then accepted; a WeCom robot whose key the table shows cut short;
// the liaison's phone changed), and is refused, with the service's reason, when deleting a unit that leads tasks.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

const selectBox = (scope, name) => scope.locator('.el-select__wrapper', { has: scope.page().getByRole('combobox', { name }) });
const errorBeside = (scope, id) => scope.locator(`.el-form-item:has(#${id}) .el-form-item__error`);

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await stopApp(app);
});

test('the office adds a unit with an alias, finds it by the alias, and keeps its liaison, contacts and robot', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/plans/2/units');
  await page.getByRole('heading', { name: '单位与联系人' }).waitFor();
  // The Jiangjin plan (seeds/jiangjin/plan.json) has 26 units and no leadership or working groups.
  await page.locator('[data-test=units-total]').getByText('共 26 个单位').waitFor();
  await page.locator('[data-test=unit-groups]').getByText('本方案没有领导小组或工作组', { exact: false }).waitFor();
  await page.getByRole('menuitem', { name: '单位与联系人' }).filter({ visible: true }).waitFor();

  // A new unit with one alias (typed, then Enter makes it a tag).
  await page.getByRole('button', { name: '新增单位' }).click();
  const unitDialog = page.getByRole('dialog', { name: '新增单位' });
  await unitDialog.getByLabel('单位名称').fill('区供销合作社');
  await unitDialog.getByLabel('别名').fill('江津区供销社');
  await unitDialog.getByLabel('别名').press('Enter');
  await unitDialog.getByRole('button', { name: '保存' }).click();
  await page.locator('[data-test=units-total]').getByText('共 27 个单位').waitFor();
  const units = (await app.api('/plans/2/units', { token: office })).body.items;
  const created = units.find((u) => u.name === '区供销合作社');
  assert.deepEqual([created?.aliases, created?.kind], [['江津区供销社'], 'agency']);

  // "供销社" is only in the alias, not in the name: the search finds it through the alias and says so.
  await page.getByLabel('名称或别名').fill('供销社');
  await page.getByRole('button', { name: '搜索' }).click();
  const table = page.locator('[data-test=units]');
  await page.locator('[data-test=units-total]').getByText('共 1 个单位', { exact: false }).waitFor();
  await table.getByText('别名：江津区供销社').waitFor();

  // The liaison kept on the unit: name and phone.
  await table.getByRole('button', { name: '区供销合作社', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: '区供销合作社 · 联系人' });
  await drawer.getByLabel('联络员姓名').fill('陈联络');
  await drawer.getByLabel('联络员电话').fill('023-47520001');
  await drawer.getByRole('button', { name: '保存联络员和负责人' }).click();
  await page.getByText('已保存联络员和负责人').waitFor();

  // A liaison contact: a mistyped email is refused beside the field by the service, the corrected one kept.
  await drawer.getByRole('button', { name: '添加联系人' }).click();
  const contactDialog = page.getByRole('dialog', { name: '添加联系人' });
  await contactDialog.getByLabel('名称').fill('陈联络');
  await contactDialog.getByLabel('邮箱').fill('chen.example.org');
  await contactDialog.getByRole('button', { name: '保存' }).click();
  await errorBeside(contactDialog, 'contact-address').getByText('“chen.example.org”不是有效的邮箱地址').waitFor();
  assert.equal((await app.api(`/plans/2/units/${created.id}/contacts`, { token: office })).body.length, 0);
  await contactDialog.getByLabel('邮箱').fill('chen@example.org');
  await contactDialog.getByRole('button', { name: '保存' }).click();
  const contacts = drawer.locator('[data-test=contacts]');
  await contacts.getByText('chen@example.org').waitFor();

  // A WeCom robot for the unit's group: the table shows its key cut to the first 4 characters.
  const key = '5f3c2a10-7d4e-4b8a-9c61-0e2f3a4b5c6d';
  await drawer.getByRole('button', { name: '添加联系人' }).click();
  await selectBox(contactDialog, '角色').click();
  await page.getByRole('option', { name: '单位工作群' }).click();
  await selectBox(contactDialog, '方式').click();
  await page.getByRole('option', { name: '企业微信群机器人' }).click();
  await contactDialog.getByLabel('名称').fill('供销社工作群');
  await contactDialog.getByLabel('机器人地址').fill(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`);
  await contactDialog.getByRole('button', { name: '保存' }).click();
  await contacts.getByText('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=5f3c…').waitFor();
  assert.equal(await page.getByText(key, { exact: false }).count(), 0);

  // Renaming the robot does not ask for its key again, and the stored robot still works (same masked key).
  await drawer.getByRole('button', { name: '修改联系人供销社工作群' }).click();
  const editDialog = page.getByRole('dialog', { name: '修改联系人' });
  assert.equal(await editDialog.getByLabel('机器人地址').inputValue(), '');
  await editDialog.getByLabel('名称').fill('供销社工作群（二）');
  await editDialog.getByRole('button', { name: '保存' }).click();
  await contacts.getByText('供销社工作群（二）').waitFor();
  const stored = (await app.api(`/plans/2/units/${created.id}/contacts`, { token: office })).body;
  assert.deepEqual(
    stored.map((c) => [c.role, c.channel, c.name, c.address]),
    [
      ['liaison', 'email', '陈联络', 'chen@example.org'],
      ['group', 'wecom', '供销社工作群（二）', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=5f3c…'],
    ],
  );

  // The liaison's phone changed: the API has the new one, the other fields as they were.
  await drawer.getByLabel('联络员电话').fill('13800001111');
  await drawer.getByRole('button', { name: '保存联络员和负责人' }).click();
  await page.getByText('已保存联络员和负责人').last().waitFor();
  const unit = (await app.api(`/plans/2/units/${created.id}`, { token: office })).body;
  assert.deepEqual([unit.liaisonName, unit.liaisonPhone, unit.liaisonEmail], ['陈联络', '13800001111', null]);
  await page.locator('.el-message').first().waitFor({ state: 'detached' });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/office-units.png` });

  // Back on the table: the liaison and the two contacts.
  await page.keyboard.press('Escape');
  const row = table.locator('tr', { hasText: '区供销合作社' });
  await row.getByText('陈联络 13800001111').waitFor();
  await row.getByText('另有 2 个联系人').waitFor();
  assert.deepEqual(unexpected(errors, 400), []);
  await context.close();
});

test('deleting a unit that still leads tasks is refused with the service’s reason and changes nothing', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const matrix = (await app.api('/plans/2/responsibilities', { token: office })).body;
  const jxw = matrix.units.find((r) => r.unit.name === '区经济信息委');
  assert.ok(jxw.lead.tasks > 0);
  const held = jxw.lead.total + jxw.support.total;
  const before = (await app.api('/plans/2/units', { token: office })).body.total;

  // On a phone this time.
  const { context, page, errors } = await app.newPage();
  await app.signIn(page, ACCOUNTS.office, '/plans/2/units');
  await page.getByLabel('名称或别名').fill('经济信息委');
  await page.getByRole('button', { name: '搜索' }).click();
  const row = page.locator('[data-test=units] tr', { hasText: '区经济信息委' });
  await row.getByText(`${jxw.lead.total} / ${jxw.support.total}`).waitFor();
  await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' });
  await page.screenshot({ path: `${ARTIFACTS}/office-units-phone.png` });
  await row.getByRole('button', { name: '删除区经济信息委' }).click();
  await page.getByRole('dialog', { name: '删除单位' }).getByRole('button', { name: '删除' }).click();
  const refusal = page.getByRole('dialog', { name: '不能删除' });
  await refusal.getByText(`单位“区经济信息委”仍承担${held}项任务/项目/指标，请先移除其分工`).waitFor();
  await refusal.getByRole('button', { name: '知道了' }).click();
  await row.waitFor();
  assert.equal((await app.api('/plans/2/units', { token: office })).body.total, before);
  assert.equal(
    (await app.api('/plans/2/responsibilities', { token: office })).body.units.find((r) => r.unit.name === '区经济信息委').lead.total,
    jxw.lead.total,
  );
  assert.deepEqual(unexpected(errors, 409), []);
  await context.close();
});

test('an edit saved by someone else first is reported, and the office’s own change is kept and saved on top', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const sthj = (await app.api('/plans/2/units', { token: office })).body.items.find((u) => u.name === '区生态环境局');
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/plans/2/units');
  await page.getByLabel('名称或别名').fill('区生态环境局');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.locator('[data-test=units] tr', { hasText: '区生态环境局' }).getByRole('button', { name: '修改区生态环境局' }).click();
  const dialog = page.getByRole('dialog', { name: '修改单位：区生态环境局' });
  await dialog.getByLabel('别名').fill('环保局');
  await dialog.getByLabel('别名').press('Enter');

  // Another clerk changes the kind in between.
  const other = await app.api(`/plans/2/units/${sthj.id}`, { token: office, method: 'PATCH', body: { version: sthj.version, kind: 'company' } });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.locator('[data-test=unit-conflict]').getByText('单位已被他人修改', { exact: false }).waitFor();
  // The form now shows the other clerk's kind and still holds the alias typed here.
  await dialog.locator('.el-select__wrapper', { hasText: '企业' }).waitFor();
  await dialog.getByText('环保局', { exact: true }).waitFor();
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存单位“区生态环境局”').waitFor();
  const saved = (await app.api(`/plans/2/units/${sthj.id}`, { token: office })).body;
  assert.deepEqual([saved.kind, saved.aliases, saved.version], ['company', [...sthj.aliases, '环保局'], sthj.version + 2]);
  assert.deepEqual(unexpected(errors, 409), []);
  await context.close();
});
