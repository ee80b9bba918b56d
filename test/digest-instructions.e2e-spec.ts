import { ReminderScheduler } from '../src/reminders/reminder-scheduler.js';
import type { MailCatcher } from './helpers/mail-catcher.js';
import { planId, startMailedApp, type TestApp } from './helpers/test-app.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const PUBLIC = 'https://qingdan.example.gov.cn';

describe("the leaders' 批示 of the week in the weekly digest (real SMTP server on loopback)", () => {
  let smtp: MailCatcher;
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, smtp, close } = await startMailedApp({ PUBLIC_URL: PUBLIC }));
  }, 60_000);
  afterAll(() => close());

  it('lists the items given a 批示 in the past seven days, each 批示 under its item, and not the older ones', async () => {
    const plan = await planId(t, 'jiangjin');
    const api = (path: string) => `/api/v1/plans/${plan}${path}`;
    const leader = await t.login('jiangjin-leader');
    const tasks = (await t.as(leader).get(api('/tasks')).query({ limit: 1000 }).expect(200)).body.items as { id: number; seq: number; content: string }[];
    const task = (seq: number) => tasks.find((x) => x.seq === seq)!;
    const instruct = (seq: number, content: string) =>
      t
        .as(leader)
        .post(api('/instructions'))
        .send({ itemType: 'task', itemId: task(seq).id, content })
        .expect(201);

    // Two weeks before the digest: not this week's.
    t.clock.set(at('2026-11-09'));
    await instruct(11, '两周前的批示：请摸清绿色工厂底数。');
    // This week (the digest goes out on Monday 23 November): two on task 11, one on task 43.
    t.clock.set(at('2026-11-18'));
    await instruct(11, '绿色工厂创建要对标2025年目标，\n请区经济信息委月底前报送剩余3家的推进计划。');
    t.clock.set(at('2026-11-20'));
    await instruct(43, '处置场选址要尽快定下来。');
    t.clock.set(at('2026-11-23', '08:00'));
    await instruct(11, '请12月10日前报送绿色园区创建方案。');

    t.clock.set(at('2026-11-23', '09:00'));
    await t.app.get(ReminderScheduler).sweepAndSend();
    const digests = smtp.mails.filter((m) => m.to.includes('jiangjin-leader@example.org') && m.subject.includes('逾期周报'));
    expect(digests).toHaveLength(1);
    const [digest] = digests;

    // The block follows the overdue items, latest 批示 first; each item's line, then its 批示 of the week, then its link.
    const text = digest.text;
    expect(text).toContain('\n本周领导批示（2项）\n');
    expect(text.indexOf('本周领导批示')).toBeGreaterThan(text.indexOf('逾期事项（'));
    const block = text.slice(text.indexOf('本周领导批示（2项）'), text.indexOf('\n\n', text.indexOf('本周领导批示（2项）')));
    const lines = block.split('\n');
    expect(lines.filter((l) => l.startsWith('· ')).map((l) => l.split(' ')[1])).toEqual(['任务11', '任务43']);
    expect(block).toContain(
      '  批示（2026年11月18日，江津区领导（演示））：绿色工厂创建要对标2025年目标， 请区经济信息委月底前报送剩余3家的推进计划。\n' +
        '  批示（2026年11月23日，江津区领导（演示））：请12月10日前报送绿色园区创建方案。\n' +
        `  ${PUBLIC}/plans/${plan}/tasks/${task(11).id}`,
    );
    expect(block).toContain(`  批示（2026年11月20日，江津区领导（演示））：处置场选址要尽快定下来。\n  ${PUBLIC}/plans/${plan}/tasks/${task(43).id}`);
    expect(text).not.toContain('两周前的批示');
    expect(digest.html).toContain('本周领导批示（2项）');
    expect(digest.html).toContain('批示（2026年11月20日，江津区领导（演示））：处置场选址要尽快定下来。</div>');
  }, 60_000);
});
