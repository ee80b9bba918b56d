import { renderDigest } from './digest-messages.js';
import { renderReminder } from './reminder-messages.js';
import type { DigestContent, DigestSection, ItemLine, ReminderContent } from './reminder-types.js';

function line(seq: number, over: Partial<ItemLine> = {}): ItemLine {
  return {
    itemType: 'task',
    itemId: seq,
    milestoneId: seq * 10,
    code: `任务${seq}`,
    title: `推进第${seq}项工业固体废物源头减量工作`,
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
    link: `http://qingdan.example.org/api/v1/plans/2/tasks/${seq}`,
    ...over,
  };
}

const reminder = (over: Partial<ReminderContent> = {}): ReminderContent => ({
  rule: 'overdue',
  planName: '江津区“无废城市”建设实施方案',
  unitName: '区经济信息委',
  recipientName: '张负责人',
  audience: 'head',
  date: '2026-11-23',
  daysBefore: null,
  items: [line(11), line(12, { role: 'support', leadUnits: ['区生态环境局'], daysOverdue: 40 })],
  unitLink: 'http://qingdan.example.org/api/v1/plans/2/responsibilities?unit=7',
  ...over,
});

describe('reminder messages', () => {
  it('names the unit, the count and the longest delay in the subject, and lists lead items before the copied ones', () => {
    const m = renderReminder(reminder());
    expect(m.subject).toBe('【催办】区经济信息委：2项事项已逾期（最长327天）');
    expect(m.text.indexOf('任务11')).toBeLessThan(m.text.indexOf('配合事项（抄送，1项）'));
    expect(m.text.indexOf('配合事项（抄送，1项）')).toBeLessThan(m.text.indexOf('任务12'));
    expect(m.text).toContain('http://qingdan.example.org/api/v1/plans/2/tasks/11');
    expect(m.text).toContain('2025年12月31日（原文：2025年底前）');
    expect(m.text).not.toMatch(/<[a-z]/);
  });

  it('says the date and the days left before a deadline', () => {
    const m = renderReminder(reminder({ rule: 'before', daysBefore: 7, date: '2026-11-23', items: [line(11, { dueDate: '2026-11-30', daysOverdue: 0, daysLeft: 7 })] }));
    expect(m.subject).toBe('【清单提醒】区经济信息委：1项事项将于2026年11月30日到期（还有7天）');
  });

  it('escapes text from the data in HTML', () => {
    const m = renderReminder(reminder({ items: [line(1, { title: '<script>alert(1)</script>' })] }));
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
  });

  it('keeps a robot message under 4000 bytes and says how many items were left out', () => {
    const items = Array.from({ length: 300 }, (_, i) => line(i + 1));
    const m = renderReminder(reminder({ items }));
    expect(Buffer.byteLength(m.markdown, 'utf8')).toBeLessThanOrEqual(4000);
    const shown = (m.markdown.match(/\[任务\d+\]/g) ?? []).length;
    expect(m.markdown).toContain(`……另有${300 - shown}项，请打开链接查看`);
    expect(m.text.match(/任务\d+ /g)).toHaveLength(300);
  });
});

const section = (over: Partial<DigestSection> = {}): DigestSection => ({
  planName: '江津区“无废城市”建设实施方案',
  planLink: 'http://qingdan.example.org/api/v1/plans/2',
  overdueByUnit: [],
  newlyOverdue: [],
  dueSoon: [],
  closedLastWeek: [],
  summary: [{ itemType: 'task', total: 82, red: 0, yellow: 0, green: 2, grey: 80, closed: 80 }],
  ...over,
});

const digest = (sections: DigestSection[]): DigestContent => ({
  leaderName: '李区长',
  date: '2026-11-23',
  weekStart: '2026-11-23',
  since: '2026-11-16',
  dueSoonDays: 14,
  sections,
});

describe('the weekly digest', () => {
  it('says a quiet week in one line, with the counts, and is never empty', () => {
    const m = renderDigest(digest([section()]));
    expect(m.subject).toBe('【逾期周报】江津区“无废城市”建设实施方案（2026年11月23日）：本周无逾期事项');
    expect(m.text.match(/本周无逾期、临近到期或新销号事项。/g)).toHaveLength(1);
    expect(m.text).toContain('任务82项：红0、黄0、绿2、灰80，已销号80');
  });

  it('groups overdue items by lead unit with days overdue, and lists the newly overdue, due soon and closed', () => {
    const m = renderDigest(
      digest([
        section({
          overdueByUnit: [
            { unitName: '区经济信息委', items: [line(11), line(5, { daysOverdue: 3 })] },
            { unitName: '区生态环境局', items: [line(20, { daysOverdue: 30, leadUnits: ['区生态环境局'] })] },
          ],
          newlyOverdue: [line(5, { daysOverdue: 3 })],
          dueSoon: [line(30, { daysOverdue: 0, daysLeft: 6, dueDate: '2026-11-29', light: 'yellow' })],
          closedLastWeek: [line(40, { status: 'closed', light: 'grey', closedOn: '2026-11-20' })],
        }),
      ]),
    );
    expect(m.subject).toBe('【逾期周报】江津区“无废城市”建设实施方案（2026年11月23日）：逾期3项，新增逾期1项');
    expect(m.text.indexOf('区经济信息委（2项）')).toBeLessThan(m.text.indexOf('区生态环境局（1项）'));
    expect(m.text).toContain('逾期327天');
    expect(m.text).toContain('未来14天到期（1项）');
    expect(m.text).toContain('上周销号（1项）');
    expect(m.html).toContain('max-width:640px');
  });
});
