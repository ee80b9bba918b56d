import { renderReminder } from './reminder-messages.js';
import type { ItemLine, ReminderContent } from './reminder-types.js';

const BASE = 'http://qingdan.example.org/plans/2';

function task(no: number, over: Partial<ItemLine> = {}): ItemLine {
  return {
    itemType: 'task',
    itemId: 100 + no,
    milestoneId: 1000 + no,
    code: `任务${no}`,
    title: `推动工业固体废物源头减量，开展第${no}批企业清洁生产审核`,
    role: 'lead',
    leadUnits: ['区经济信息委'],
    dueDate: '2025-12-31',
    phrase: '2025年底前',
    daysOverdue: 327,
    daysLeft: 0,
    status: 'in_progress',
    light: 'red',
    percent: 40,
    closedOn: null,
    link: `${BASE}/tasks/${100 + no}`,
    ...over,
  };
}

/** A supporting item led by the ecology bureau. */
const supported = (no: number, over: Partial<ItemLine> = {}) =>
  task(no, { role: 'support', leadUnits: ['区生态环境局'], title: `建设第${no}个“无废园区”`, ...over });

function reminder(over: Partial<ReminderContent> = {}): ReminderContent {
  return {
    rule: 'overdue',
    planName: '江津区“无废城市”建设实施方案',
    unitName: '区经济信息委',
    recipientName: '张明',
    audience: 'head',
    date: '2026-11-23',
    daysBefore: null,
    items: [task(11), task(5, { daysOverdue: 12, dueDate: '2026-11-11', phrase: '2026年11月中旬' }), supported(20, { daysOverdue: 40 })],
    unitLink: `${BASE}/my`,
    ...over,
  };
}

/** Items due ahead of the send date. */
const ahead = (no: number, dueDate: string, daysLeft: number, over: Partial<ItemLine> = {}) =>
  task(no, { dueDate, phrase: '', daysOverdue: 0, daysLeft, light: 'yellow', ...over });

describe('reminder subjects', () => {
  it('before a deadline: the unit, the count, the date and the days left', () => {
    const m = renderReminder(reminder({ rule: 'before', audience: 'liaison', daysBefore: 7, items: [ahead(11, '2026-11-30', 7), ahead(12, '2026-11-30', 7)] }));
    expect(m.subject).toBe('【清单提醒】区经济信息委：2项事项将于2026年11月30日到期（还有7天）');
  });

  it('before deadlines on different days: the earliest date and 等', () => {
    const m = renderReminder(
      reminder({ rule: 'before', audience: 'liaison', daysBefore: 30, items: [ahead(12, '2026-12-31', 38), ahead(11, '2026-12-23', 30)] }),
    );
    expect(m.subject).toBe('【清单提醒】区经济信息委：2项事项将于2026年12月23日等到期（还有30天）');
  });

  it('before a deadline whose reminder day fell on a weekend: the days actually left', () => {
    // 7 days before Sunday 2026-12-06 is Sunday 2026-11-29, so it goes out on Friday 2026-11-27.
    const m = renderReminder(reminder({ rule: 'before', audience: 'liaison', date: '2026-11-27', daysBefore: 7, items: [ahead(11, '2026-12-06', 9)] }));
    expect(m.subject).toBe('【清单提醒】区经济信息委：1项事项将于2026年12月6日到期（还有9天）');
  });

  it('on the due day: 今日到期', () => {
    const m = renderReminder(reminder({ rule: 'due', audience: 'liaison', items: [ahead(11, '2026-11-23', 0), ahead(12, '2026-11-23', 0)] }));
    expect(m.subject).toBe('【清单提醒】区经济信息委：2项事项今日到期');
    expect(m.text).toContain('今日到期');
  });

  it('a deadline on a Sunday is announced on Friday with its date, not as today', () => {
    const m = renderReminder(reminder({ rule: 'due', audience: 'liaison', date: '2026-11-27', items: [ahead(11, '2026-11-29', 2)] }));
    expect(m.subject).toBe('【清单提醒】区经济信息委：1项事项将于2026年11月29日到期');
  });

  it('overdue: 催办 with the longest delay', () => {
    expect(renderReminder(reminder()).subject).toBe('【催办】区经济信息委：3项事项已逾期（最长327天）');
  });

  it('counts items, not milestones: a task with three overdue milestones is one 事项 in the subject and the headings', () => {
    // Jiangjin task 16 ("2022年底前 … 2025年底前 …") has three milestones overdue on 2026-11-23.
    const three = [1, 2, 3].map((n) => supported(16, { milestoneId: 1600 + n, dueDate: `202${n + 1}-12-31`, daysOverdue: 1423 - (n - 1) * 365 }));
    const m = renderReminder(reminder({ items: [task(11), task(5, { daysOverdue: 12 }), ...three] }));
    expect(m.subject).toBe('【催办】区经济信息委：3项事项已逾期（最长1423天）');
    expect(m.text).toContain('牵头事项（2项）');
    expect(m.text).toContain('配合事项（抄送，1项）');
    // Each milestone keeps its own line, with its own deadline.
    expect(m.text.match(/任务16 /g)).toHaveLength(3);
  });

  it('escalation: 逾期督办 with the days every listed item is past', () => {
    const m = renderReminder(reminder({ rule: 'escalation', audience: 'leader', recipientName: '陈副区长', items: [task(11), task(6, { daysOverdue: 35 })] }));
    expect(m.subject).toBe('【逾期督办】区经济信息委：2项事项逾期超过35天');
  });

  it('monthly call: 进展填报 with the number of items the unit leads', () => {
    const m = renderReminder(reminder({ rule: 'monthly_call', audience: 'liaison', date: '2026-11-25', items: [task(11), task(5), supported(20)] }));
    expect(m.subject).toBe('【进展填报】区经济信息委：请填报本月进展（2项）');
  });

  it('nudge: 填报提醒 to a unit that has not reported this month', () => {
    const m = renderReminder(reminder({ rule: 'nudge', audience: 'liaison', date: '2026-11-30', items: [task(11)] }));
    expect(m.subject).toBe('【填报提醒】区经济信息委本月尚未填报进展');
    expect(m.text).toContain('尚未填报');
  });
});

describe('reminder body', () => {
  it('greets the recipient, lists lead items before the copied supporting ones, each with its link', () => {
    const { text } = renderReminder(reminder());
    expect(text.startsWith('张明：您好！')).toBe(true);
    const copy = text.indexOf('配合事项（抄送，1项）');
    expect(text.indexOf('牵头事项（2项）')).toBeLessThan(text.indexOf('任务11'));
    expect(text.indexOf('任务11')).toBeLessThan(copy);
    expect(text.indexOf('任务5 ')).toBeLessThan(copy);
    expect(text.indexOf('任务20')).toBeGreaterThan(copy);
    for (const id of [111, 105, 120]) expect(text).toContain(`${BASE}/tasks/${id}`);
    expect(text).toContain(`${BASE}/my`);
  });

  it('gives each item its deadline as it stands and as written, how late it is, its status and progress', () => {
    const { text } = renderReminder(reminder());
    expect(text).toContain('时限：2025年12月31日（原文：2025年底前）｜逾期327天｜推进中，进度40%');
    expect(text).toContain('时限：2026年11月11日（原文：2026年11月中旬）｜逾期12天');
  });

  it('names the lead unit of a supporting item, not of the unit’s own items', () => {
    const { text } = renderReminder(reminder());
    const [own, copied] = text.split('配合事项');
    expect(own).not.toContain('牵头：');
    expect(copied).toContain('牵头：区生态环境局');
  });

  it('has no lead/supporting headings when every item is led by the unit', () => {
    const { text } = renderReminder(reminder({ items: [task(11), task(5)] }));
    expect(text).not.toContain('牵头事项');
    expect(text).not.toContain('配合事项');
  });

  it('closes with how to report and that the office sent it automatically', () => {
    const { text, html } = renderReminder(reminder());
    expect(text).toContain('请登录清单系统填报进展');
    expect(text).toContain('本消息由清单系统代江津区“无废城市”建设实施方案无废办于2026年11月23日自动发送');
    expect(html).toContain('登录清单系统填报进展');
  });

  it('greets by unit and role when the contact has no name', () => {
    expect(renderReminder(reminder({ recipientName: '', audience: 'liaison' })).text.startsWith('区经济信息委联络员：您好！')).toBe(true);
    expect(renderReminder(reminder({ rule: 'escalation', recipientName: '', audience: 'office' })).text.startsWith('无废办：您好！')).toBe(true);
  });

  it('tells a supervising leader why they hear, and names the lead unit on each item', () => {
    const { text } = renderReminder(
      reminder({ rule: 'escalation', audience: 'leader', recipientName: '陈副区长', items: [task(11), task(6, { daysOverdue: 35 })] }),
    );
    expect(text).toContain('区经济信息委牵头的以下事项逾期已超过35天，按催办规则报请分管领导督促推进。');
    expect(text).toContain('牵头：区经济信息委');
    expect(text).toContain('请督促责任单位登录清单系统填报进展');
  });

  it('tells the office it is copied on an escalation', () => {
    const { text } = renderReminder(
      reminder({ rule: 'escalation', audience: 'office', recipientName: '江津区无废办', unitName: '区经济信息委、区生态环境局', items: [task(11)] }),
    );
    expect(text).toContain('按催办规则抄报无废办');
  });

  it('reads as plain text: no tags or entities', () => {
    const { text } = renderReminder(reminder());
    expect(text).not.toMatch(/<\/?[a-z]|&[a-z]+;/);
  });
});

describe('reminder HTML and robot markdown', () => {
  it('escapes text from the data in HTML and makes it inert in markdown', () => {
    const m = renderReminder(reminder({ unitName: '区经济信息委 & 区商务委', items: [task(1, { title: '<script>alert("x")</script>开展清洁生产审核' })] }));
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;开展清洁生产审核');
    expect(m.html).toContain('区经济信息委 &amp; 区商务委');
    expect(m.markdown).not.toContain('<script>');
    expect(m.text).toContain('<script>alert("x")</script>开展清洁生产审核');
  });

  it('lays HTML out for a phone: one column at most 640px wide, inline styles, links on the item codes, no tables', () => {
    const { html } = renderReminder(reminder());
    expect(html).toContain('max-width:640px');
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<style|<table|<link /);
    expect(html).toMatch(new RegExp(`<a href="${BASE}/tasks/111"[^>]*>任务11</a>`));
    expect(html.indexOf('任务11</a>')).toBeLessThan(html.indexOf('配合事项（抄送，1项）'));
    expect(html.indexOf('配合事项（抄送，1项）')).toBeLessThan(html.indexOf('任务20</a>'));
  });

  it('puts every item in a short robot message, each code a link', () => {
    const { markdown } = renderReminder(reminder());
    expect(markdown).toContain(`[任务11](${BASE}/tasks/111)`);
    expect(markdown).toContain(`[任务20](${BASE}/tasks/120)`);
    expect(markdown).not.toContain('另有');
  });

  it('keeps a robot message of 300 items under 4000 UTF-8 bytes and says how many were left out', () => {
    const items = [...Array.from({ length: 250 }, (_, i) => task(i + 1)), ...Array.from({ length: 50 }, (_, i) => supported(i + 251))];
    const m = renderReminder(reminder({ items }));
    expect(Buffer.byteLength(m.markdown, 'utf8')).toBeLessThanOrEqual(4000);
    const shown = (m.markdown.match(/\[任务\d+\]\(/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(m.markdown).toContain(`……另有${300 - shown}项，请打开链接查看`);
    expect(m.markdown).toContain(`${BASE}/my`);
    expect(m.text.match(/任务\d+ /g)).toHaveLength(300);
  });
});

describe('批示 and 签收 in reminders', () => {
  const instructed = task(11, {
    instructions: [{ date: '2026-11-18', author: '江津区领导（演示）', content: '绿色工厂创建要对标2025年目标，\n请月底前报送推进计划。' }],
    moreInstructions: 1,
  });

  it('lists the 批示 under the item in text, HTML and markdown, on one line each', () => {
    const m = renderReminder(reminder({ items: [instructed] }));
    expect(m.text).toContain(
      '· 任务11 推动工业固体废物源头减量，开展第11批企业清洁生产审核\n' +
        '  时限：2025年12月31日（原文：2025年底前）｜逾期327天｜推进中，进度40%\n' +
        '  批示（2026年11月18日，江津区领导（演示））：绿色工厂创建要对标2025年目标， 请月底前报送推进计划。\n' +
        '  ……另有1条批示，请打开事项查看\n' +
        `  ${BASE}/tasks/111`,
    );
    expect(m.html).toContain('批示（2026年11月18日，江津区领导（演示））：绿色工厂创建要对标2025年目标， 请月底前报送推进计划。</div>');
    expect(m.markdown).toContain('\n> 批示（2026年11月18日，江津区领导（演示））：绿色工厂创建要对标2025年目标， 请月底前报送推进计划。');
  });

  it('the monthly call marks the items not signed for and asks for 签收 first', () => {
    const m = renderReminder(reminder({ rule: 'monthly_call', audience: 'liaison', items: [task(3, { unsigned: true }), task(11)] }));
    expect(m.subject).toBe('【进展填报】区经济信息委：请填报本月进展（2项），1项请签收');
    expect(m.text).toContain('其中标有“【请签收】”的1项贵单位尚未签收，请先打开事项链接签收，表示已接收任务。');
    expect(m.text).toContain('· 任务3 【请签收】推动工业固体废物源头减量');
    expect(m.text).toContain('· 任务11 推动工业固体废物源头减量');
    expect(m.markdown).toContain(`- [任务3](${BASE}/tasks/103) 【请签收】推动`);
  });

  it('a message with neither says nothing of them', () => {
    const m = renderReminder(reminder());
    expect(m.text).not.toContain('批示');
    expect(m.text).not.toContain('签收');
  });
});

describe('what a chat-group robot posts (WeCom / DingTalk markdown), word for word', () => {
  const group = { recipientName: '区经济信息委工作群', audience: 'group' as const };

  it('an overdue reminder: the count and longest delay, the unit’s own items, then the ones it supports with their lead unit', () => {
    const m = renderReminder(
      reminder({
        ...group,
        items: [
          task(11, { title: '推动工业固体废物源头减量' }),
          task(5, { title: '开展清洁生产审核', daysOverdue: 12, dueDate: '2026-11-11' }),
          supported(20, { daysOverdue: 40 }),
        ],
      }),
    );
    expect(m.markdown).toBe(
      [
        '**【催办】区经济信息委：3项事项已逾期（最长327天）**',
        '以下事项已超过时限仍未完成（最长逾期327天），请加快推进，说明进展和预计完成时间；确需延期的请提交延期申请。',
        '**牵头事项（2项）**',
        `- [任务11](${BASE}/tasks/111) 推动工业固体废物源头减量｜逾期327天`,
        `- [任务5](${BASE}/tasks/105) 开展清洁生产审核｜逾期12天`,
        '**配合事项（抄送，1项）**',
        `- [任务20](${BASE}/tasks/120) 建设第20个“无废园区”｜逾期40天｜牵头：区生态环境局`,
        '请登录清单系统填报进展（点击事项链接即可填报）。',
        `[本单位全部事项](${BASE}/my)`,
        '> 清单系统代无废办自动发送',
      ].join('\n'),
    );
  });

  it('a reminder ahead of a deadline: the date in Chinese and the days left', () => {
    const m = renderReminder(
      reminder({
        ...group,
        rule: 'before',
        daysBefore: 7,
        items: [ahead(11, '2026-11-30', 7, { title: '创建绿色工厂' }), ahead(12, '2026-11-30', 7, { title: '建设废旧物资回收网点' })],
      }),
    );
    expect(m.markdown).toBe(
      [
        '**【清单提醒】区经济信息委：2项事项将于2026年11月30日到期（还有7天）**',
        '以下事项将于2026年11月30日到期（还有7天），请抓紧推进，确保按期完成。',
        `- [任务11](${BASE}/tasks/111) 创建绿色工厂｜还有7天`,
        `- [任务12](${BASE}/tasks/112) 建设废旧物资回收网点｜还有7天`,
        '请登录清单系统填报进展（点击事项链接即可填报）。',
        `[本单位全部事项](${BASE}/my)`,
        '> 清单系统代无废办自动发送',
      ].join('\n'),
    );
  });

  it('the monthly call: the items led, how many to sign for, each unsigned one marked', () => {
    const m = renderReminder(
      reminder({
        ...group,
        rule: 'monthly_call',
        date: '2026-11-25',
        items: [
          task(3, { title: '编制固废管理台账', unsigned: true, daysOverdue: 0, daysLeft: 36, dueDate: '2026-12-31' }),
          task(11, { title: '创建绿色工厂' }),
        ],
      }),
    );
    expect(m.markdown.split('\n').slice(0, 4)).toEqual([
      '**【进展填报】区经济信息委：请填报本月进展（2项），1项请签收**',
      '本月进展填报已开始，请为以下事项填报本月进展（完成情况、完成数量和佐证材料）。其中标有“【请签收】”的1项贵单位尚未签收，请先打开事项链接签收，表示已接收任务。',
      `- [任务3](${BASE}/tasks/103) 【请签收】编制固废管理台账｜还有36天`,
      `- [任务11](${BASE}/tasks/111) 创建绿色工厂｜逾期327天`,
    ]);
  });

  it('an escalation to a leader names the lead unit on every line and asks to press the units', () => {
    const m = renderReminder(
      reminder({
        rule: 'escalation',
        audience: 'leader',
        recipientName: '陈副区长',
        items: [task(11, { title: '创建绿色工厂' }), task(6, { title: '建设“无废园区”', daysOverdue: 35 })],
      }),
    );
    expect(m.markdown).toBe(
      [
        '**【逾期督办】区经济信息委：2项事项逾期超过35天**',
        '区经济信息委牵头的以下事项逾期已超过35天，按催办规则报请分管领导督促推进。',
        `- [任务11](${BASE}/tasks/111) 创建绿色工厂｜逾期327天｜牵头：区经济信息委`,
        `- [任务6](${BASE}/tasks/106) 建设“无废园区”｜逾期35天｜牵头：区经济信息委`,
        '请督促责任单位登录清单系统填报进展，点击事项编号或链接可查看详情。',
        `[相关事项清单](${BASE}/my)`,
        '> 清单系统代无废办自动发送',
      ].join('\n'),
    );
  });

  it('makes link and emphasis characters from the data inert, so a title cannot break the robot’s layout', () => {
    const m = renderReminder(reminder({ ...group, unitName: '区*经信委', items: [task(11, { title: '[推广]_无废_*细胞*' })] }));
    expect(m.markdown).toContain('**【催办】区＊经信委：1项事项已逾期（最长327天）**');
    expect(m.markdown).toContain(`- [任务11](${BASE}/tasks/111) ［推广］＿无废＿＊细胞＊｜逾期327天`);
  });
});

describe('rendering for one channel', () => {
  const content = reminder({ rule: 'due', audience: 'liaison', items: [ahead(11, '2026-11-23', 0), ahead(12, '2026-11-23', 0)] });

  it('an email gets the same subject, text and HTML as the full rendering, and no robot markdown', () => {
    const full = renderReminder(content);
    const email = renderReminder(content, 'email');
    expect(email).toEqual({ subject: full.subject, text: full.text, html: full.html, markdown: '' });
    expect(email.html).toContain('任务11');
  });

  it('a robot gets the same markdown as the full rendering, and no HTML', () => {
    const full = renderReminder(content);
    const robot = renderReminder(content, 'wecom');
    expect(robot).toEqual({ subject: full.subject, text: full.text, html: '', markdown: full.markdown });
    expect(robot.markdown).toContain('任务11');
  });
});
