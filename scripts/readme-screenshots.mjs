// Makes the two screenshots on the README's first screen, from the built app (run `npm run build` first; Chromium from
// `bash scripts/install-print-tools.sh`): the service as the browser tests start it (test/browser/harness.mjs: a
// temporary SQLite file, the seed plans and demo progress, CLOCK=2026-11-23T09:30:00+08:00), a phone 390x844 wide.
//   node scripts/readme-screenshots.mjs   → docs/screenshots/leader-overview-phone.png, unit-report-form-phone.png
/* global DataTransfer -- made inside the page (page.evaluateHandle) */
import { ACCOUNTS, startApp, stopApp } from '../test/browser/harness.mjs';

const OUT = 'docs/screenshots';

const app = await startApp();
try {
  // The leader's overview of the Jiangjin plan, once its figures and light bars are in.
  const leader = await app.newPage();
  await app.signIn(leader.page, ACCOUNTS.leader, '/plans/2/overview');
  await leader.page.waitForURL((u) => u.pathname === '/plans/2/overview');
  await leader.page.locator('[data-test=overdue-items]').waitFor();
  await leader.page.getByText('逾期事项（按牵头单位）').waitFor();
  await leader.page.screenshot({ path: `${OUT}/leader-overview-phone.png` });
  await leader.context.close();

  // 区经济信息委 reporting on task 11's 2023 milestone: the form filled in, before it is submitted.
  const token = await app.tokenOf(ACCOUNTS.jxw);
  const tasks = (await app.api('/plans/2/tasks?limit=1&offset=10', { token })).body.items;
  const unit = await app.newPage();
  await app.signIn(unit.page, ACCOUNTS.jxw, `/plans/2/tasks/${tasks[0].id}`);
  await unit.page.getByRole('heading', { name: '任务11' }).waitFor();
  await unit.page.getByRole('button', { name: '填报进展' }).click();
  const drawer = unit.page.locator('.progress-drawer');
  await drawer.getByText('完成数量（目标：3个）').waitFor();
  await drawer.getByText('已完成', { exact: true }).click();
  await drawer.getByLabel('完成数量').fill('3');
  await drawer.getByLabel('进展情况').fill('2023年新增绿色工厂3家，均已获市级认定，附认定文件。');
  // The evidence dropped on the upload area, as a user drags a file in (it uploads on save, which is not done here).
  const dropped = await unit.page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4\n%%EOF\n'], '绿色工厂认定文件.pdf', { type: 'application/pdf' }));
    return transfer;
  });
  await drawer.locator('.el-upload-dragger').dispatchEvent('drop', { dataTransfer: dropped });
  await drawer.getByText('绿色工厂认定文件.pdf（', { exact: false }).waitFor();
  await drawer.getByRole('button', { name: '提交' }).scrollIntoViewIfNeeded();
  // Let the radio and the drawer finish their transitions.
  await unit.page.waitForTimeout(600);
  await unit.page.screenshot({ path: `${OUT}/unit-report-form-phone.png` });
  await unit.context.close();
  console.log(`Written: ${OUT}/leader-overview-phone.png, ${OUT}/unit-report-form-phone.png`);
} finally {
  await stopApp(app);
}
