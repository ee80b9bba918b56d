// The office's reminder work in the app: settings (with another person's save in between), the preview of a Monday,
// a paused item and an office holiday; then, on a service whose SMTP server refuses the leader's address, the failed
// digest in the outbox is sent again and arrives. Real service, real SMTP server (smtp-server) and Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { ACCOUNTS, ARTIFACTS, startApp, stopApp, unexpected } from './harness.mjs';

const selectBox = (page, name) => page.locator('.el-select__wrapper', { has: page.getByRole('combobox', { name }) });

/** A real SMTP server on loopback; addresses in `refused` get 550 at RCPT TO. */
async function startSmtp() {
  const received = [];
  const refused = new Set();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) {
        const error = new Error(`Mailbox unavailable: ${address.address}`);
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.server.address().port, received, refused, close: () => new Promise((resolve) => server.close(resolve)) };
}

let app;
let mailApp;
let smtp;
before(async () => {
  app = await startApp();
});
after(async () => {
  await stopApp(app);
  await stopApp(mailApp);
  await smtp?.close();
});

test('the office changes the reminder settings and keeps its edit when someone else saved first', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/plans/2/reminders');
  const summary = page.locator('[data-test=settings-summary]');
  await summary.getByText('现行设置（默认）：到期前30、7、1天提醒联络员，到期当日提醒；逾期的每星期一催办', { exact: false }).waitFor();

  await page.getByLabel('到期前几天提醒').fill('15，3 x');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.locator('.el-form-item', { hasText: '到期前几天提醒' }).getByText('请填写1到366之间的天数，用逗号分开，如 30，7，1').waitFor();
  await page.getByLabel('到期前几天提醒').fill('15，3');
  await selectBox(page, '逾期催办').click();
  await page.getByRole('option', { name: '每星期三' }).click();

  // Another clerk saves first (version 0 → 1): this save answers 409 and the form keeps what was typed.
  const other = await app.api('/plans/2/reminders/settings', { token: office, method: 'PUT', body: { version: 0, escalateAfterDays: 10 } });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.locator('[data-test=settings-conflict]').getByText('逾期满10天同时告知分管领导和无废办', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('到期前几天提醒').inputValue(), '15，3');
  await page.getByRole('button', { name: '保存设置' }).click();
  await summary.getByText('现行设置：到期前15、3天提醒联络员，到期当日提醒；逾期的每星期三催办', { exact: false }).waitFor();
  const saved = (await app.api('/plans/2/reminders/settings', { token: office })).body;
  // This user's form held 30 for escalation (read before the other save) and re-applied it: their edit wins.
  assert.deepEqual([saved.beforeDays, saved.overdueWeekday, saved.escalateAfterDays, saved.version], [[15, 3], 3, 30, 2]);
  assert.deepEqual(unexpected(errors, 401, 409, 400), []);
  await context.close();
});

test('the office previews a Monday, pauses an item, and adds a holiday that the preview then respects', async () => {
  const office = await app.tokenOf(ACCOUNTS.office);
  const { context, page, errors } = await app.newPage({ width: 1280, height: 800 });
  await app.signIn(page, ACCOUNTS.office, '/plans/2/reminders?tab=preview');
  const summary = page.locator('[data-test=preview-summary]');
  await page.getByLabel('预览日期').fill('2026-11-30');
  await page.getByLabel('预览日期').press('Enter');
  const monday = (await app.api('/plans/2/reminders/preview?date=2026-11-30', { token: office })).body;
  await summary.getByText(`2026年11月30日：将发出 ${monday.messages.length} 条提醒、${monday.digests.length} 份领导周报`, { exact: false }).waitFor();
  assert.ok(monday.messages.length > 0 && monday.digests.length === 1, "a Monday has overdue reminders and the leader's digest");
  await page.getByText(`${monday.unreachable.length} 个单位没有联系方式`, { exact: false }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/office-reminder-preview.png` });

  await page.getByRole('tab', { name: '暂停提醒' }).click();
  await page.getByText('没有暂停提醒的事项。').waitFor();
  await page.getByRole('button', { name: '暂停某事项的提醒' }).click();
  await page.getByRole('button', { name: '暂停提醒', exact: true }).click();
  await page.getByText('请选择要暂停提醒的事项').waitFor();
  await selectBox(page, '事项').click();
  await page.keyboard.type('任务7 ');
  await page.getByRole('option', { name: /^任务7 / }).click();
  await page.getByLabel('原因').fill('项目已报市里调整，待批复');
  await page.getByRole('button', { name: '暂停提醒', exact: true }).click();
  await page.locator('[data-test=pauses]').getByText('项目已报市里调整，待批复').waitFor();
  const pauses = (await app.api('/plans/2/reminders/pauses', { token: office })).body;
  assert.deepEqual(
    pauses.map((p) => [p.itemType, p.reason]),
    [['task', '项目已报市里调整，待批复']],
  );

  await page.getByRole('tab', { name: '工作日历' }).click();
  await page.getByRole('button', { name: '添加日期' }).click();
  await page.getByLabel('日期', { exact: true }).fill('2026-11-30');
  await page.getByLabel('日期', { exact: true }).press('Enter');
  await page.getByLabel('名称').fill('区运动会放假');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const row = page.locator('tr.calendar-row', { hasText: '区运动会放假' });
  await row.getByText('无废办添加').waitFor();
  assert.match(await row.innerText(), /2026年11月30日\s+休息日\s+区运动会放假/);

  await page.getByRole('tab', { name: '提醒预览' }).click();
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await summary.getByText('2026年11月30日（非工作日，提醒顺延到下一个工作日）', { exact: false }).waitFor();
  assert.deepEqual(unexpected(errors, 401, 400), []);
  await context.close();
});

test('a message the SMTP server refused shows as failed with its error, and is sent again from the outbox', { timeout: 180_000 }, async () => {
  smtp = await startSmtp();
  smtp.refused.add('jiangjin-leader@example.org');
  // The scheduler on: at start the sweep writes what is due on the frozen Monday and the sender delivers it.
  mailApp = await startApp({ SCHEDULER: 'true', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  const office = await mailApp.tokenOf(ACCOUNTS.office);
  let failed;
  for (let i = 0; i < 120 && !failed; i++) {
    failed = (await mailApp.api('/plans/2/outbox?status=failed', { token: office })).body.items.find((m) => m.recipient === 'jiangjin-leader@example.org');
    if (!failed) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(failed, "a message to the refused address (the leader's escalation or digest) failed");

  const { context, page, errors } = await mailApp.newPage({ width: 1280, height: 800 });
  await mailApp.signIn(page, ACCOUNTS.office, '/plans/2/reminders?tab=outbox');
  await selectBox(page, '状态').click();
  await page.getByRole('option', { name: '发送失败' }).click();
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.locator('tr.outbox-row', { hasText: 'jiangjin-leader@example.org' }).first();
  await row.getByText('发送失败').waitFor();
  assert.match(await row.innerText(), /550|Mailbox unavailable/);
  await page.screenshot({ path: `${ARTIFACTS}/office-outbox-failed.png` });

  smtp.refused.clear();
  await row.getByRole('button', { name: '重发' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '重发' }).click();
  await page.getByText('已重新排队，一分钟内发出').waitFor();
  // The sender runs every minute: the message arrives within about a minute.
  for (let i = 0; i < 150 && !smtp.received.includes('jiangjin-leader@example.org'); i++) await new Promise((r) => setTimeout(r, 500));
  assert.ok(smtp.received.includes('jiangjin-leader@example.org'), 'the resent digest reached the SMTP server');
  await selectBox(page, '状态').click();
  await page.getByRole('option', { name: '已发送' }).click();
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator('tr.outbox-row', { hasText: 'jiangjin-leader@example.org' }).first().getByText('已发送').waitFor();
  assert.deepEqual(unexpected(errors, 401), []);
  await context.close();
});
