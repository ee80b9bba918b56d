// Units answer supervision notices (督办) and lead units ask for more time (申请延期) on the item page, in the real
// app (test/browser/harness.mjs): the service with the seed plans and demo progress, the clock on 2026-11-23.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

let app;

before(async () => {
  app = await startApp();
});

after(() => stopApp(app));

/** Task n of the Jiangjin plan (plan 2), by its 序号. */
async function jiangjinTask(token, seq) {
  const tasks = (await app.api('/plans/2/tasks?limit=100', { token })).body.items;
  return tasks.find((t) => t.seq === seq);
}

test("a unit answers the office's 督办 on task 11 in a dialog; a second answer gets the service's message; the leader reads both answers", async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const unit = await app.tokenOf(ACCOUNTS.jxw);
  const task11 = await jiangjinTask(office, 11);
  const issue = (content, answerBy) =>
    app.api('/plans/2/notices', { token: office, method: 'POST', body: { itemType: 'task', itemId: task11.id, content, answerBy } });
  const first = await issue('2023年节点绿色工厂3家已逾期，请说明原因及整改措施。', '2026-11-30');
  const second = await issue('请报送剩余3家绿色工厂的创建计划。', '2026-12-04');
  assert.equal(first.status, 201);
  // Addressed to the first lead unit of task 11: the unit the demo account belongs to.
  assert.equal(first.body.unit.name, '区经济信息委');

  const { context, page, errors } = await app.newPage();
  await app.signIn(page, ACCOUNTS.jxw, `/plans/2/tasks/${task11.id}`);
  await page.getByRole('heading', { name: '任务11' }).waitFor();
  const notices = page.locator('[data-test=notices]');
  const firstCard = notices.locator(`[data-test=notice-${first.body.id}]`);
  await firstCard.getByText('2026年11月23日 督办区经济信息委，请于2026年11月30日前答复').waitFor();
  assert.equal(await firstCard.getByText('待答复').count(), 1);

  // Empty: the form says so before sending.
  await firstCard.getByRole('button', { name: '答复督办' }).click();
  const dialog = page.getByRole('dialog', { name: '答复督办' });
  await dialog.getByText('2023年节点绿色工厂3家已逾期，请说明原因及整改措施。').waitFor();
  await dialog.getByRole('button', { name: '提交答复' }).click();
  await dialog.locator('.el-form-item', { hasText: '答复内容' }).getByText('请填写答复内容').waitFor();
  await dialog.getByLabel('答复内容').fill('受认定批次调整影响，3家企业已于2024年3月获认定，认定文件已随进展报送。');
  await page.screenshot({ path: `${ARTIFACTS}/9-unit-notice-answer-phone.png` });
  await dialog.getByRole('button', { name: '提交答复' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await firstCard.getByText('答复（2026年11月23日）：受认定批次调整影响，3家企业已于2024年3月获认定，认定文件已随进展报送。').waitFor();
  assert.equal(await firstCard.getByText('已答复').count(), 1);
  assert.equal(await firstCard.getByRole('button', { name: '答复督办' }).count(), 0, 'an answered notice takes no second answer');

  // A colleague answers the second notice from another session while the dialog is open: the service refuses the
  // second answer, and its Chinese message stands beside the field.
  const secondCard = notices.locator(`[data-test=notice-${second.body.id}]`);
  await secondCard.getByRole('button', { name: '答复督办' }).click();
  await dialog.getByLabel('答复内容').fill('计划12月底前完成剩余3家。');
  const colleague = await app.api(`/plans/2/notices/${second.body.id}/answer`, { token: unit, method: 'POST', body: { answer: '已于今日电话报告无废办。' } });
  assert.equal(colleague.status, 200);
  await dialog.getByRole('button', { name: '提交答复' }).click();
  await dialog.locator('.el-form-item', { hasText: '答复内容' }).getByText(`督办 ${second.body.id} 已于 2026-11-23 答复，不能重复答复`).waitFor();
  assert.deepEqual(unexpected(errors.splice(0), 409), [], 'only the expected 409');
  await dialog.getByRole('button', { name: '取消' }).click();
  await context.close();

  const stored = (await app.api(`/plans/2/notices?itemType=task&itemId=${task11.id}`, { token: office })).body.items;
  assert.deepEqual(
    stored.map((n) => [n.status, n.answer, n.answeredDate]),
    [
      ['answered', '受认定批次调整影响，3家企业已于2024年3月获认定，认定文件已随进展报送。', '2026-11-23'],
      ['answered', '已于今日电话报告无废办。', '2026-11-23'],
    ],
  );

  // The leader reads the notices and answers, and cannot answer.
  const leader = await app.newPage();
  await app.signIn(leader.page, ACCOUNTS.leader, `/plans/2/tasks/${task11.id}`);
  const read = leader.page.locator('[data-test=notices]');
  await read.getByText('答复（2026年11月23日）：受认定批次调整影响', { exact: false }).waitFor();
  await read.getByText('答复（2026年11月23日）：已于今日电话报告无废办。').waitFor();
  assert.equal(await read.getByRole('button', { name: '答复督办' }).count(), 0, 'a leader does not answer');
  await leader.page.locator('[data-test=notices]').screenshot({ path: `${ARTIFACTS}/10-leader-notices-phone.png` });
  assert.deepEqual(unexpected(errors), []);
  assert.deepEqual(unexpected(leader.errors), []);
  await leader.context.close();
});

test("the lead unit asks to move task 11's 2023 milestone; the request shows on the milestone until the office decides; a supporting unit has no button", async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const unit = await app.tokenOf(ACCOUNTS.jxw);
  const task11 = await jiangjinTask(unit, 11);
  const m2023 = task11.milestones[0];
  assert.deepEqual([m2023.phrase, m2023.dueDate, m2023.status], ['到2023年', '2023-12-31', 'not_started']);
  assert.ok(
    task11.leadUnits.some((u) => u.name === '区经济信息委'),
    '区经济信息委 leads task 11',
  );

  const { context, page, errors } = await app.newPage();
  await app.signIn(page, ACCOUNTS.jxw, `/plans/2/tasks/${task11.id}`);
  await page.getByRole('heading', { name: '任务11' }).waitFor();
  const milestone = page.locator(`[data-test=milestone-${m2023.id}]`);
  await milestone.getByRole('button', { name: '申请延期' }).click();
  const dialog = page.getByRole('dialog', { name: '申请延期' });
  await dialog.getByText('节点：到2023年 · 3个 · 当前时限2023年12月31日').waitFor();

  // Both fields are asked for before anything is sent.
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await dialog.locator('.el-form-item', { hasText: '申请的新时限' }).getByText('请选择申请的新时限').waitFor();
  await dialog.locator('.el-form-item', { hasText: '延期理由' }).getByText('请填写延期理由').waitFor();

  await dialog.getByLabel('申请的新时限').fill('2027年3月31日');
  await dialog.getByLabel('申请的新时限').press('Enter');
  await dialog.getByLabel('延期理由').fill('第二批绿色工厂认定推迟到2027年一季度公布。');
  await dialog.locator('.el-form-item', { hasText: '申请的新时限' }).getByText('请选择申请的新时限').waitFor({ state: 'hidden' });
  await page.screenshot({ path: `${ARTIFACTS}/11-unit-extension-request-phone.png` });
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const request = milestone.locator('[data-test=extension]');
  await request.getByText('区经济信息委申请延至2027年3月31日（原定2023年12月31日） · 待审批').waitFor();
  await request.getByText('理由：第二批绿色工厂认定推迟到2027年一季度公布。').waitFor();
  assert.equal(await milestone.getByRole('button', { name: '申请延期' }).count(), 0, 'one request waits at a time');
  await page.screenshot({ path: `${ARTIFACTS}/12-unit-extension-pending-phone.png`, fullPage: true });

  const pending = (await app.api('/plans/2/extensions?status=pending', { token: office })).body.items;
  assert.deepEqual(
    pending.map((x) => [x.milestoneId, x.unit.name, x.currentDueDate, x.requestedDueDate, x.reason]),
    [[m2023.id, '区经济信息委', '2023-12-31', '2027-03-31', '第二批绿色工厂认定推迟到2027年一季度公布。']],
  );

  // The office approves: the milestone's date moves, the first one shown as the original.
  const approved = await app.api(`/plans/2/extensions/${pending[0].id}/approve`, { token: office, method: 'POST', body: { comment: '同意延期。' } });
  assert.equal(approved.status, 200);
  await page.reload();
  await request.getByText('区经济信息委申请延至2027年3月31日（原定2023年12月31日） · 已同意').waitFor();
  await request.getByText('无废办意见（2026年11月23日）：同意延期。').waitFor();
  await milestone.getByText(/截止2027年3月31日\s*（原定2023年12月31日）/).waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();

  // A unit that supports an item sees its milestones and no button.
  const mine = (await app.api('/plans/2/reports/units', { token: unit })).body.units[0];
  const supported = mine.items.find((i) => i.role === 'support' && i.code.startsWith('任务'));
  assert.ok(supported, '区经济信息委 supports at least one task');
  const task = await jiangjinTask(unit, Number(supported.code.slice(2)));
  assert.ok(
    task.milestones.some((m) => m.dueDate !== null && m.status !== 'closed'),
    `${supported.code} has a dated milestone still open`,
  );
  // On the narrowest phone the issue names (360 px): the header's role tag shows whole, left of the sign-out button.
  const helper = await app.newPage({ width: 360, height: 780 });
  await app.signIn(helper.page, ACCOUNTS.jxw, `/plans/2/tasks/${task.id}`);
  await helper.page.getByRole('heading', { name: supported.code }).waitFor();
  await helper.page.getByText('时间节点').waitFor();
  const tag = await helper.page.locator('header .el-tag').boundingBox();
  const tagText = await helper.page.locator('header .el-tag').evaluate((el) => ({ text: el.textContent.trim(), clipped: el.scrollWidth > el.clientWidth }));
  const logout = await helper.page.getByRole('button', { name: '退出登录' }).boundingBox();
  assert.deepEqual(tagText, { text: '责任单位', clipped: false });
  assert.ok(tag.x >= 0 && tag.x + tag.width <= logout.x, `the role tag (${tag.x}-${tag.x + tag.width}) ends before the sign-out button (${logout.x})`);
  await helper.page.screenshot({ path: `${ARTIFACTS}/13-unit-supported-item-360.png` });
  assert.equal(await helper.page.getByRole('button', { name: '申请延期' }).count(), 0, 'only the lead unit asks for an extension');
  assert.deepEqual(unexpected(helper.errors), []);
  await helper.context.close();
});
