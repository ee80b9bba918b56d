// The programme office's oversight screens (督办) in Chromium: the review queue (accept → 销号; return with a reason),
// extension decisions, notices, and 签收 by unit with a reminder that reaches the outbox folder. Desktop size (the
// office works at a desk); the Jiangjin plan (id 2) with its demo progress, clock frozen on Monday 2026-11-23.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

const DESKTOP = { width: 1280, height: 800 };
let app;
let office;
let jxw;
let jxwUnit;
/** Tasks 区经济信息委 leads that are open (not started or in progress), in list order. */
let open;

before(async () => {
  app = await startApp();
  [office, jxw] = await Promise.all([app.tokenOf(ACCOUNTS.office), app.tokenOf(ACCOUNTS.jxw)]);
  jxwUnit = (await app.api('/plans/2/units', { token: office })).body.items.find((u) => u.name === '区经济信息委');
  const tasks = (await app.api('/plans/2/tasks?limit=1000', { token: office })).body.items;
  // Tasks the demo progress has reports on already are left out, so each step's queue row is the report it made.
  const reported = new Set((await app.api('/plans/2/progress?itemType=task', { token: office })).body.map((r) => r.itemId));
  open = tasks.filter(
    (t) =>
      t.leadUnits.some((u) => u.id === jxwUnit.id) &&
      (t.status === 'not_started' || t.status === 'in_progress') &&
      !t.withdrawnOn &&
      t.milestones.length > 0 &&
      !reported.has(t.id),
  );
  assert.ok(open.length >= 3, '区经济信息委 leads at least three open tasks in the seed');
});

after(() => stopApp(app));

/** The unit hands in a report on a whole task (all its milestones), submitted at once. */
async function submitReport(task, state, narrative) {
  const res = await app.api('/plans/2/progress', {
    token: jxw,
    method: 'POST',
    body: { itemType: 'task', itemId: task.id, state, narrative, percent: state === 'done' ? 100 : 40, submit: true },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.status, 'submitted');
  return res.body;
}

test('the office accepts a unit’s “done” report from the review queue: the task is closed and grey, and the overview counts one more closed', async () => {
  const [done, other] = open;
  const progressBefore = (await app.api('/plans/2/reports/progress', { token: office })).body;
  await submitReport(done, 'done', `${done.seq}号任务已全部完成，认定文件见附件。`);
  await submitReport(other, 'in_progress', '正在推进，已完成申报材料准备。');

  const { context, page, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, '/plans/2/overview');
  await page.getByRole('menuitem', { name: '审核进展' }).click();
  await page.waitForURL((u) => u.pathname === '/plans/2/review');
  const rowOf = (seq) => page.locator('[data-test=review-table] .el-table__row', { hasText: new RegExp(`任务${seq}(?!\\d)`) });
  await rowOf(done.seq).waitFor();
  await rowOf(other.seq).waitFor();
  assert.match(await rowOf(done.seq).textContent(), /区经济信息委（牵头）.*已完成.*100%.*待审核/);
  await page.locator('[data-test=review-table] .el-loading-mask').waitFor({ state: 'detached' });
  await page.screenshot({ path: `${ARTIFACTS}/office-review-queue.png` });

  await rowOf(done.seq).click();
  const drawer = page.locator('.review-drawer');
  await drawer.getByText(`${done.seq}号任务已全部完成，认定文件见附件。`).waitFor();
  await drawer.getByText('牵头单位报告已完成：通过后该节点销号').waitFor();
  await page.waitForTimeout(500); // the drawer slides in
  await page.screenshot({ path: `${ARTIFACTS}/office-review-drawer.png` });
  await drawer.getByLabel('审核意见（退回时必填）').fill('经核实，已完成。');
  await drawer.getByRole('button', { name: '通过并销号' }).click();
  await page.getByText('已通过，节点已销号').waitFor();
  await rowOf(done.seq).waitFor({ state: 'detached' });

  const task = (await app.api(`/plans/2/tasks/${done.id}`, { token: office })).body;
  assert.equal(task.status, 'closed');
  assert.equal(task.light, 'grey');
  const progressAfter = (await app.api('/plans/2/reports/progress', { token: office })).body;
  assert.equal(progressAfter.totals.byStatus.closed, progressBefore.totals.byStatus.closed + 1, 'one more item closed out');
  assert.equal(progressAfter.totals.total, progressBefore.totals.total);

  await page.goto(`${app.base}/plans/2/tasks/${done.id}`);
  await page.getByRole('heading', { name: `任务${done.seq}` }).waitFor();
  assert.equal(
    await page
      .getByRole('heading', { name: `任务${done.seq}` })
      .getByRole('img')
      .getAttribute('aria-label'),
    '灰灯（已销号、暂停或无时限）',
  );
  await page.getByText('已销号', { exact: false }).first().waitFor();
  await page.getByText('经核实，已完成。').waitFor();

  await page.getByRole('menuitem', { name: '驾驶舱' }).click();
  const rate = page.locator('[data-test=closed-rate]');
  await rate.waitFor();
  const expected = Math.round((progressAfter.totals.byStatus.closed / progressAfter.totals.total) * 1000) / 10;
  assert.equal(await rate.textContent(), `${expected}%`, 'the overview shows the closed rate with the new close-out');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the office returns a report with a reason (required); the unit sees the reason on its task', async () => {
  const task = open[2];
  await submitReport(task, 'done', '已完成。');
  const { context, page, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, '/plans/2/review');
  const row = page.locator('[data-test=review-table] .el-table__row', { hasText: new RegExp(`任务${task.seq}(?!\\d)`) });
  await row.getByRole('button', { name: '审核' }).click();
  const drawer = page.locator('.review-drawer');
  await drawer.getByText('已完成。').first().waitFor();
  await drawer.getByRole('button', { name: '退回' }).click();
  await drawer.getByText('退回时请写明原因').waitFor();
  await drawer.getByLabel('审核意见（退回时必填）').fill('缺少认定文件，请补充佐证材料后重新提交。');
  await drawer.getByRole('button', { name: '退回' }).click();
  await page.getByText('已退回，填报单位可修改后重新提交').waitFor();
  await row.waitFor({ state: 'detached' });
  assert.deepEqual(unexpected(errors), []);
  await context.close();

  const mine = (await app.api(`/plans/2/progress?itemType=task&itemId=${task.id}`, { token: jxw })).body;
  assert.equal(mine[0].status, 'returned');
  assert.equal(mine[0].reviewComment, '缺少认定文件，请补充佐证材料后重新提交。');
  const still = (await app.api(`/plans/2/tasks/${task.id}`, { token: jxw })).body;
  assert.notEqual(still.status, 'closed', 'a returned “done” closes nothing');

  const unit = await app.newPage();
  await app.signIn(unit.page, ACCOUNTS.jxw, `/plans/2/tasks/${task.id}`);
  await unit.page.getByText('退回原因：缺少认定文件，请补充佐证材料后重新提交。').waitFor();
  assert.ok(await unit.page.getByRole('button', { name: '修改后重新提交' }).isVisible());
  assert.deepEqual(unexpected(unit.errors), []);
  await unit.context.close();
});

test('from the review drawer the office suspends a milestone and resumes it, each with a reason (required)', async () => {
  // The demo progress has 区经济信息委's report on task 11 (推进中) waiting for review.
  const reports = (await app.api('/plans/2/progress?status=submitted&itemType=task', { token: office })).body;
  const tasks = (await app.api('/plans/2/tasks?limit=1000', { token: office })).body.items;
  const task11 = tasks.find((t) => t.seq === 11);
  const report = reports.find((r) => r.itemId === task11.id);
  assert.ok(report, 'a submitted report on task 11 in the demo data');
  const milestone = task11.milestones.find((m) => m.id === report.milestoneId) ?? task11.milestones[0];
  assert.ok(['not_started', 'in_progress', 'submitted'].includes(milestone.status));

  const { context, page, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, '/plans/2/review');
  await page.locator('[data-test=review-table] .el-table__row', { hasText: /任务11(?!\d)/ }).click();
  const drawer = page.locator('.review-drawer');
  await drawer.getByRole('button', { name: '暂停' }).click();
  const suspend = page.getByRole('dialog', { name: `暂停：${milestone.phrase}` });
  await suspend.getByRole('button', { name: '确定暂停' }).click();
  await suspend.getByText('请写明原因').waitFor();
  await suspend.getByLabel('原因').fill('规划调整，暂缓实施');
  await suspend.getByRole('button', { name: '确定暂停' }).click();
  await page.getByText('已暂停：节点现为“已暂停”').waitFor();
  assert.equal((await app.api(`/plans/2/tasks/${task11.id}`, { token: office })).body.milestones.find((m) => m.id === milestone.id).status, 'suspended');

  await drawer.getByRole('button', { name: '恢复' }).click();
  const resume = page.getByRole('dialog', { name: `恢复：${milestone.phrase}` });
  await resume.getByLabel('原因').fill('规划调整完成，恢复推进');
  await resume.getByRole('button', { name: '确定恢复' }).click();
  await page.getByText(/已恢复：节点现为/).waitFor();
  await drawer.getByRole('button', { name: '暂停' }).waitFor();
  assert.equal((await app.api(`/plans/2/tasks/${task11.id}`, { token: office })).body.milestones.find((m) => m.id === milestone.id).status, milestone.status);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the office approves an extension: the milestone’s due date moves and the first one is kept', async () => {
  // Not one of the tasks the review steps above close out or send back.
  const task = open.slice(3).find((t) => t.milestones.some((m) => m.dueDate && m.dueDate < '2027-06-30' && m.status !== 'closed'));
  const milestone = task.milestones.find((m) => m.dueDate && m.dueDate < '2027-06-30' && m.status !== 'closed');
  const asked = await app.api('/plans/2/extensions', {
    token: jxw,
    method: 'POST',
    body: { milestoneId: milestone.id, requestedDueDate: '2027-06-30', reason: '第三方评价机构现场核查推迟' },
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));

  const { context, page, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, '/plans/2/overview');
  await page.getByRole('menuitem', { name: '延期申请' }).click();
  const row = page.locator('[data-test=extension-table] .el-table__row', { hasText: '第三方评价机构现场核查推迟' });
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(`任务${task.seq}.*区经济信息委.*2027年6月30日`));
  await row.getByRole('button', { name: '同意' }).click();
  await page.getByRole('dialog', { name: '同意延期' }).getByLabel('意见（可不填）').fill('同意延期，请按新时限完成');
  await page.getByRole('button', { name: '确定同意' }).click();
  await page.getByText('已同意，时限延至2027年6月30日').waitFor();
  await row.waitFor({ state: 'detached' });
  assert.deepEqual(unexpected(errors), []);
  await context.close();

  const after = (await app.api(`/plans/2/tasks/${task.id}`, { token: office })).body.milestones.find((m) => m.id === milestone.id);
  assert.equal(after.dueDate, '2027-06-30');
  assert.equal(after.baselineDate, milestone.baselineDate ?? milestone.dueDate);
  const decided = (await app.api(`/plans/2/extensions/${asked.body.id}`, { token: jxw })).body;
  assert.equal(decided.status, 'approved');
  assert.equal(decided.decisionComment, '同意延期，请按新时限完成');
});

test('the office issues a notice about a task to its lead unit; the list shows it waiting for an answer', async () => {
  const task = open[1];
  const { context, page, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, '/plans/2/notices');
  await page.getByRole('button', { name: '发出督办' }).click();
  const dialog = page.getByRole('dialog', { name: '发出督办' });
  await dialog.getByRole('button', { name: '发出' }).click();
  await dialog.getByText('请选择督办的事项').waitFor();
  await dialog.getByLabel('事项').fill(`任务${task.seq} `);
  await page.getByRole('option', { name: new RegExp(`^任务${task.seq} `) }).click();
  await dialog.getByText('区经济信息委（牵头）').waitFor();
  await dialog.getByLabel('督办内容').fill('请说明进度滞后的原因及整改措施。');
  await dialog.getByRole('button', { name: '发出' }).click();
  await page.getByText('已向区经济信息委发出督办').waitFor();
  const row = page.locator('[data-test=notice-table] .el-table__row', { hasText: '请说明进度滞后的原因及整改措施。' });
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(`2026年11月23日.*任务${task.seq}.*区经济信息委.*待答复`));
  assert.deepEqual(unexpected(errors), []);
  await context.close();

  const notices = (await app.api(`/plans/2/notices?itemType=task&itemId=${task.id}`, { token: jxw })).body.items;
  assert.equal(notices.length, 1);
  assert.deepEqual([notices[0].unit.name, notices[0].status, notices[0].issuedDate], ['区经济信息委', 'open', '2026-11-23']);
});

test('the office sees which units have not signed for what, reminds them, and the mails land in the outbox folder', async () => {
  const unsigned = (await app.api('/plans/2/signatures?signed=false', { token: office })).body.items;
  const jxwUnsigned = unsigned.filter((r) => r.unit.id === jxwUnit.id).length;
  assert.ok(jxwUnsigned > 0, '区经济信息委 has items it has not signed for');
  const units = new Set(unsigned.map((r) => r.unit.id)).size;

  const { context, page, errors } = await app.newPage(DESKTOP);
  await app.signIn(page, ACCOUNTS.office, '/plans/2/overview');
  await page.getByRole('menuitem', { name: '签收情况' }).click();
  await page.waitForURL((u) => u.pathname === '/plans/2/signatures');
  await page.locator('[data-test=signature-totals]').getByText(`${units}个单位尚有${unsigned.length}项未签收`).waitFor();
  await page.getByRole('combobox').last().waitFor();
  // Fifty units a page is enough to see them all in Jiangjin.
  await page.locator('.el-pagination .el-select').click();
  await page.getByRole('option', { name: '50条/页' }).click();
  const row = page.locator('[data-test=signature-table] .el-table__row', { hasText: '区经济信息委' }).first();
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(`区经济信息委${jxwUnsigned} / \\d+项`));

  await page.getByRole('button', { name: '提醒全部未签收单位' }).click();
  const summary = page.locator('[data-test=remind-summary]');
  await summary.waitFor();
  const text = await summary.textContent();
  const [, reached, messages] = /已向(\d+)个单位发出(\d+)条签收提醒/.exec(text) ?? [];
  assert.ok(Number(reached) > 0 && Number(messages) >= Number(reached), text);
  assert.deepEqual(unexpected(errors), []);
  await context.close();

  // Without SMTP the sender writes each mail as an .eml file in the outbox folder, at once.
  const folder = join(app.dir, 'outbox');
  const liaison = `jiangjin-u${jxwUnit.id}-liaison@example.org`;
  let files = [];
  for (let i = 0; i < 40 && files.length < Number(messages); i++) {
    files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.eml')) : [];
    if (files.length < Number(messages)) await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(files.length, Number(messages), 'one .eml file per reminder written');
  const mine = files.filter((f) => f.endsWith(`-${liaison}.eml`));
  assert.equal(mine.length, 1, 'the liaison of 区经济信息委 gets one reminder');
  const eml = readFileSync(join(folder, mine[0]), 'utf8');
  const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(eml)[1];
  const subject = [...subjectLine.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/gi)].map((m) => Buffer.from(m[1], 'base64').toString('utf8')).join('') || subjectLine;
  assert.equal(subject, `【签收提醒】区经济信息委：${jxwUnsigned}项事项尚未签收`);
  const sent = (await app.api('/plans/2/outbox?rule=signature&limit=500', { token: office })).body.items;
  assert.equal(sent.length, Number(messages));
  assert.ok(
    sent.every((m) => m.status === 'sent'),
    'every reminder delivered',
  );

  // A second reminder the same day sends nothing again.
  const again = await app.api('/plans/2/signatures/remind', { token: office, method: 'POST', body: {} });
  assert.equal(again.body.queued, 0);
});
