import { DeliveryError } from './delivery.js';
import { readContent, rendered, renderContent, storedContent } from './message-content.js';
import { OutboxMessage } from './outbox-message.entity.js';
import type { ReminderContent } from '../reminders/reminder-types.js';

const CONTENT: ReminderContent = {
  rule: 'overdue',
  planName: '江津区方案',
  unitName: '区经济信息委',
  recipientName: '',
  audience: 'head',
  date: '2026-11-23',
  daysBefore: null,
  items: [
    {
      itemType: 'project',
      itemId: 3,
      milestoneId: 30,
      code: '项目3',
      title: '工业固废资源化利用项目',
      role: 'lead',
      leadUnits: ['区经济信息委'],
      dueDate: '2026-11-13',
      phrase: '',
      daysOverdue: 10,
      daysLeft: 0,
      status: 'in_progress',
      light: 'red',
      percent: 60,
      closedOn: null,
      link: 'https://qingdan.example.gov.cn/plans/1/projects/3',
    },
  ],
  unitLink: 'https://qingdan.example.gov.cn/plans/1/my',
};

function message(over: Partial<OutboxMessage>): OutboxMessage {
  return Object.assign(new OutboxMessage(), { id: 41, channel: 'email', subject: '【催办】', text: '', html: null, markdown: null, content: null, ...over });
}

describe('messages kept as what they say', () => {
  it('renders an email with its text and HTML, and a robot message with its text and markdown', () => {
    const email = renderContent(message({ content: storedContent(CONTENT) }));
    expect(email.text).toContain('区经济信息委负责人：您好！');
    expect(email.text).toContain('· 项目3 工业固废资源化利用项目\n  时限：2026年11月13日｜逾期10天｜推进中，进度60%');
    expect(email.html).toContain('<a href="https://qingdan.example.gov.cn/plans/1/projects/3"');
    expect(email.markdown).toBeNull();
    const robot = renderContent(message({ channel: 'wecom', content: storedContent(CONTENT) }));
    expect(robot.text).toBe(email.text);
    expect(robot.html).toBeNull();
    expect(robot.markdown).toContain('[项目3](https://qingdan.example.gov.cn/plans/1/projects/3) 工业固废资源化利用项目｜逾期10天');
  });

  it('keeps each line as an array of its values and reads back the same content, notes and marks included', () => {
    const [line] = CONTENT.items;
    const noted = {
      ...line,
      itemId: 4,
      code: '项目4',
      instructions: [{ date: '2026-11-18', author: '江津区领导', content: '请加快进度' }],
      moreInstructions: 2,
      unsigned: true,
    };
    const content = { ...CONTENT, items: [line, noted] };
    const stored = JSON.parse(storedContent(content)) as { items: unknown[][] };
    expect(stored.items[0]).toEqual([
      'project',
      3,
      30,
      '项目3',
      '工业固废资源化利用项目',
      'lead',
      ['区经济信息委'],
      '2026-11-13',
      '',
      10,
      0,
      'in_progress',
      'red',
      60,
      null,
      'https://qingdan.example.gov.cn/plans/1/projects/3',
    ]);
    expect(stored.items[1].slice(16)).toEqual([[{ date: '2026-11-18', author: '江津区领导', content: '请加快进度' }], 2, true]);
    const back = readContent(storedContent(content));
    expect(back).toEqual(content);
    expect(back.items[0]).not.toHaveProperty('instructions');
  });

  it('leaves a message written whole as it is, and shows a rendered one without its content', () => {
    const whole = message({ text: '全文', html: '<p>全文</p>' });
    expect(rendered(whole)).toBe(whole);
    const shown = rendered(message({ content: storedContent(CONTENT) }));
    expect(shown.text).toContain('项目3');
    expect(shown).not.toHaveProperty('content');
    expect(shown).toBeInstanceOf(OutboxMessage);
  });

  it('refuses content that is not JSON for good, naming the message', () => {
    const broken = () => renderContent(message({ content: '{"rule":' }));
    let error: unknown;
    try {
      broken();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).message).toMatch(/^Message 41: its stored content cannot be read/);
    expect((error as DeliveryError).permanent).toBe(true);
  });
});
