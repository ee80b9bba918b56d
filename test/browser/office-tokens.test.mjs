// 对接令牌 in the app: the office makes a token for another system, copies it from the one dialog that shows it, the
// token reads the plan through the API, and after it is revoked in the app it no longer does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(() => stopApp(app));

test('the office creates an API token, sees it once, another system uses it, and revoking it shuts that system out', async () => {
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/tokens');
  await page.getByRole('heading', { name: '对接令牌' }).waitFor();
  await page.getByText('还没有对接令牌。').waitFor();

  await page.getByRole('button', { name: '新建令牌' }).click();
  await page.getByRole('button', { name: '创建' }).click();
  await page.getByText('请填写令牌用途，如“市数据中心对接”').waitFor();
  await page.getByLabel('用途').fill('市数据中心对接');
  await page.getByLabel('有效期至').fill('2027-06-30');
  await page.getByLabel('有效期至').press('Enter');
  await page.getByRole('button', { name: '创建' }).click();
  const shown = page.getByLabel('新令牌');
  await shown.waitFor();
  const token = await shown.inputValue();
  assert.ok(token.length >= 32, 'the whole token is shown once');
  await page.screenshot({ path: `${ARTIFACTS}/office-token-created.png` });
  await page.getByRole('button', { name: '我已保存' }).click();

  const row = page.locator('tr.token-row', { hasText: '市数据中心对接' });
  await row.getByText('有效').waitFor();
  assert.match(await row.innerText(), /2027年6月30日/);
  assert.ok(!(await page.content()).includes(token), 'after the dialog the token is nowhere on the page');

  // The other system reads Jiangjin's tasks with it.
  const read = await fetch(`${app.base}/api/v1/plans/2/tasks?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(read.status, 200);

  await row.getByRole('button', { name: '吊销' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click();
  await row.getByText('已吊销').waitFor();
  const refused = await fetch(`${app.base}/api/v1/plans/2/tasks?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(refused.status, 401);
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});
