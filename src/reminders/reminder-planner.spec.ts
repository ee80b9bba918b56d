import type { User } from '../auth/user.entity.js';
import { loadOfficialHolidays, WorkdayCalendar } from '../calendar/workday-calendar.js';
import type { Plan } from '../plans/plan.entity.js';
import { itemStatus, type MilestoneStatus, recurringStatus, type Status } from '../status/status.js';
import type { UnitContact } from '../units/unit-contact.entity.js';
import type { Unit } from '../units/unit.entity.js';
import type { PlanSnapshot, SnapshotItem, SnapshotMilestone } from './plan-snapshot.js';
import { itemLine, planReminders, type ReminderDraft } from './reminder-planner.js';
import { DEFAULT_REMINDER_RULES, type ReminderRules, sweepDates } from './reminder-rules.js';
import type { InstructionNote } from './reminder-types.js';

// The 2026 official calendar: National Day 10-01…10-07 off, Saturday 10-10 a make-up workday.
// Weekdays used below: 2026-09-30 Wed, 10-30 Fri, 11-13 Fri, 11-16 Mon, 11-19 Thu, 11-20 Fri, 11-23 Mon,
// 11-25 Wed, 11-26 Thu, 11-27 Fri, 11-30 Mon, 12-01 Tue, 12-07 Mon, 12-24 Thu, 12-31 Thu.
const days = new WorkdayCalendar(loadOfficialHolidays(), []);
const RULES: ReminderRules = DEFAULT_REMINDER_RULES; // before 30/7/1, due day, overdue Mondays, escalate after 30 days, call on the 25th, nudge 5 days later
const MONDAY = '2026-11-23';

const plan = { id: 2, name: '江津区“无废城市”建设实施方案', timeZone: 'Asia/Shanghai' } as Plan;
const JXW = 7; // 区经济信息委: liaison and head on the unit, its own supervising leader, a WeCom group
const STHJ = 8; // 区生态环境局: liaison on the unit, head only as a contact, no leader of its own
const ZJW = 9; // 区住房城乡建委: no address at all
const CGJ = 10; // 区城市管理局: no address at all
const unit = (id: number, name: string, over: Partial<Unit> = {}) =>
  ({ id, name, liaisonName: null, liaisonEmail: null, headName: null, headEmail: null, ...over }) as Unit;
const units = new Map<number, Unit>([
  [JXW, unit(JXW, '区经济信息委', { liaisonName: '王联络', liaisonEmail: 'wang@jxw.example.org', headName: '张明', headEmail: 'zhang@jxw.example.org' })],
  [STHJ, unit(STHJ, '区生态环境局', { liaisonName: '李联络', liaisonEmail: 'li@sthj.example.org' })],
  [ZJW, unit(ZJW, '区住房城乡建委')],
  [CGJ, unit(CGJ, '区城市管理局')],
]);
const GROUP = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=jxw';
const contact = (unitId: number, role: UnitContact['role'], channel: UnitContact['channel'], address: string, name = '') =>
  ({ unitId, role, channel, address, name }) as UnitContact;
const contacts = new Map<number, UnitContact[]>([
  [JXW, [contact(JXW, 'leader', 'email', 'chen@gov.example.org', '陈副区长'), contact(JXW, 'group', 'wecom', GROUP)]],
  [STHJ, [contact(STHJ, 'head', 'email', 'zhao@sthj.example.org', '赵局长')]],
]);
const OFFICE = { email: 'office@jj.example.org', displayName: '江津区无废办' } as User;
const LEADER = { email: 'leader@jj.example.org', displayName: '李区长' } as User;

interface MilestoneSpec {
  due: string | null;
  status?: Status;
  phrase?: string;
}

/** A one-milestone (or several) task as the snapshot of `today` has it. */
function task(seq: number, lead: number[], support: number[], milestones: MilestoneSpec[], today: string, over: Partial<SnapshotItem> = {}): SnapshotItem {
  const ms: SnapshotMilestone[] = milestones.map((m, i) => {
    const status = m.status ?? 'in_progress';
    const open = status !== 'closed' && status !== 'suspended';
    const overdue = open && m.due !== null && m.due < today;
    const s: MilestoneStatus = {
      status,
      overdue,
      light: overdue ? 'red' : open ? 'green' : 'grey',
      dueDate: m.due,
      baselineDate: m.due,
      percent: 20,
      closedOn: status === 'closed' ? '2026-11-01' : null,
      suspendedReason: null,
    };
    return { id: seq * 10 + i, phrase: m.phrase ?? '', status: s };
  });
  return {
    itemType: 'task',
    itemId: 100 + seq,
    code: `任务${seq}`,
    title: `第${seq}项任务`,
    link: `http://qd.example.org/plans/2/tasks/${100 + seq}`,
    leadUnitIds: lead,
    supportUnitIds: support,
    paused: false,
    instructions: [],
    signedUnitIds: [...lead, ...support],
    ...itemStatus(ms.map((m) => m.status)),
    milestones: ms,
    ...over,
  };
}

function snapshot(asOf: string, items: SnapshotItem[], over: Partial<PlanSnapshot> = {}): PlanSnapshot {
  return {
    plan,
    asOf,
    planLink: 'http://qd.example.org/plans/2/overview',
    myLink: 'http://qd.example.org/plans/2/my',
    items,
    units,
    contacts,
    officeUsers: [OFFICE],
    leaderUsers: [LEADER],
    ...over,
  };
}

interface Sweep {
  today: string;
  items: SnapshotItem[];
  dates?: string[];
  rules?: Partial<ReminderRules>;
  reported?: number[];
  lastSent?: Map<string, string>;
  snapshot?: Partial<PlanSnapshot>;
}

function sweep({ today, items, dates = [today], rules = {}, reported = [], lastSent, snapshot: over }: Sweep) {
  return planReminders({ snapshot: snapshot(today, items, over), today }, dates, { ...RULES, ...rules }, days, new Set(reported), lastSent);
}

/** "date rule channel:address codes", one line per message. */
const brief = (d: ReminderDraft) => `${d.sendDate} ${d.rule} ${d.recipient.channel}:${d.recipient.address} ${d.content.items.map((l) => l.code).join(',')}`;
const briefs = (drafts: ReminderDraft[]) => drafts.map(brief).sort();

describe('reminders ahead of a deadline and on the due day', () => {
  // 任务11 is due Monday 11-30: Monday 11-23 is seven days ahead.
  const items = [task(11, [JXW], [STHJ], [{ due: '2026-11-30' }], MONDAY)];

  it('reminds the liaisons of the lead and the supporting unit, and the lead unit’s chat group, 7 days ahead', () => {
    const { drafts, unreachable } = sweep({ today: MONDAY, items });
    expect(briefs(drafts)).toEqual([
      `${MONDAY} before email:li@sthj.example.org 任务11`,
      `${MONDAY} before email:wang@jxw.example.org 任务11`,
      `${MONDAY} before wecom:${GROUP} 任务11`,
    ]);
    expect(unreachable).toEqual([]);
    const wang = drafts.find((d) => d.recipient.address === 'wang@jxw.example.org')!;
    expect(wang.content).toMatchObject({
      rule: 'before',
      unitName: '区经济信息委',
      recipientName: '王联络',
      audience: 'liaison',
      date: MONDAY,
      daysBefore: 7,
      unitLink: 'http://qd.example.org/plans/2/my',
    });
    expect(wang.content.items[0]).toMatchObject({
      role: 'lead',
      dueDate: '2026-11-30',
      daysLeft: 7,
      daysOverdue: 0,
      leadUnits: ['区经济信息委'],
      milestoneId: 110,
    });
    expect(wang.content.items[0]).toMatchObject({
      itemType: 'task',
      itemId: 111,
      code: '任务11',
      title: '第11项任务',
      link: 'http://qd.example.org/plans/2/tasks/111',
      status: 'in_progress',
      light: 'green',
      percent: 20,
      closedOn: null,
      phrase: '',
    });
    const li = drafts.find((d) => d.recipient.address === 'li@sthj.example.org')!;
    expect(li.content).toMatchObject({ unitName: '区生态环境局', recipientName: '李联络' });
    expect(li.content.items[0].role).toBe('support');
    expect(drafts.find((d) => d.recipient.channel === 'wecom')!.content).toMatchObject({ recipientName: '区经济信息委工作群', audience: 'group' });
  });

  it('says nothing on the days in between (Tuesday 11-24 is neither 7 nor 1 day ahead)', () => {
    expect(sweep({ today: '2026-11-24', items }).drafts).toEqual([]);
  });

  it('reminds on the due day itself, and nothing that day when due-day reminders are turned off', () => {
    const dueToday = [task(12, [JXW], [], [{ due: MONDAY }], MONDAY)];
    expect(briefs(sweep({ today: MONDAY, items: dueToday }).drafts)).toEqual([
      `${MONDAY} due email:wang@jxw.example.org 任务12`,
      `${MONDAY} due wecom:${GROUP} 任务12`,
    ]);
    // One day ahead of Monday is Sunday, moved back to Friday 11-20: on Monday itself nothing else is due.
    expect(sweep({ today: MONDAY, items: dueToday, rules: { onDueDay: false } }).drafts).toEqual([]);
  });

  it('sends no reminder ahead of a deadline when the plan has no before-days', () => {
    expect(sweep({ today: MONDAY, items, rules: { beforeDays: [] } }).drafts).toEqual([]);
  });

  it('with custom before-days 14 and 3 reminds on other days, one message listing both deadlines, counting the nearer', () => {
    // 任务21 due Monday 12-07: 14 days ahead is 11-23. 任务22 due Thursday 11-26: 3 days ahead is 11-23.
    // By the default 30/7/1 neither is reminded on 11-23 (12-07 − 7 = 11-30; 11-26 − 7 = 11-19, − 1 = 11-25).
    const custom = [task(21, [JXW], [], [{ due: '2026-12-07' }], MONDAY), task(22, [JXW], [], [{ due: '2026-11-26' }], MONDAY)];
    expect(sweep({ today: MONDAY, items: custom }).drafts).toEqual([]);
    const { drafts } = sweep({ today: MONDAY, items: custom, rules: { beforeDays: [14, 3] } });
    expect(briefs(drafts)).toEqual([`${MONDAY} before email:wang@jxw.example.org 任务22,任务21`, `${MONDAY} before wecom:${GROUP} 任务22,任务21`]);
    expect(drafts[0].content.daysBefore).toBe(3);
    expect(drafts[0].content.items.map((l) => l.daysLeft)).toEqual([3, 14]);
  });

  it('names the nearest before-day when several fall on one workday', () => {
    // Due Monday 11-30: 1 day ahead (Sunday) and 2 days ahead (Saturday) both move back to Friday 11-27, as does 3 days ahead.
    const { drafts } = sweep({ today: '2026-11-27', items: [task(13, [JXW], [], [{ due: '2026-11-30' }], '2026-11-27')], rules: { beforeDays: [3, 2, 1] } });
    expect(drafts.map((d) => d.content.daysBefore)).toEqual([1, 1]);
  });
});

describe('overdue reminders and the units nobody can reach', () => {
  // Due Friday 10-30: 24 days overdue on Monday 11-23; escalation would start on day 30 (Sunday 11-29, so 11-30).
  const items = [
    task(5, [JXW], [ZJW], [{ due: '2026-10-30' }], MONDAY),
    task(6, [], [], [{ due: '2026-10-30' }], MONDAY),
    task(7, [STHJ], [], [{ due: '2026-10-30' }], MONDAY),
  ];
  // Worked out inside each case (not when the file loads), so mutation testing can tell which case covers what.
  const planned = () => sweep({ today: MONDAY, items });

  it('sends the weekly overdue reminder to the heads (the unit’s own and a head contact) and the chat group, on Monday', () => {
    const { drafts } = planned();
    expect(briefs(drafts)).toEqual([
      `${MONDAY} overdue email:zhang@jxw.example.org 任务5`,
      `${MONDAY} overdue email:zhao@sthj.example.org 任务7`,
      `${MONDAY} overdue wecom:${GROUP} 任务5`,
    ]);
    const zhang = drafts.find((d) => d.recipient.address === 'zhang@jxw.example.org')!;
    expect(zhang.content).toMatchObject({ audience: 'head', recipientName: '张明', daysBefore: null });
    expect(zhang.content.items[0]).toMatchObject({ daysOverdue: 24, daysLeft: 0, dueDate: '2026-10-30' });
  });

  it('reports a unit with no address, and an item with no lead unit, instead of dropping them', () => {
    expect(planned().unreachable).toEqual([
      { rule: 'overdue', unitName: '区住房城乡建委', codes: ['任务5'] },
      { rule: 'overdue', unitName: '暂未明确', codes: ['任务6'] },
    ]);
  });

  it('lists every item of an unreachable unit once under the rule', () => {
    const more = sweep({
      today: MONDAY,
      items: [task(31, [ZJW], [], [{ due: '2026-10-30' }, { due: '2026-11-02' }], MONDAY), task(32, [ZJW], [], [{ due: '2026-10-30' }], MONDAY)],
    });
    expect(more.unreachable).toEqual([{ rule: 'overdue', unitName: '区住房城乡建委', codes: ['任务31', '任务32'] }]);
  });

  it('is quiet on Tuesday, and follows a custom weekday (Wednesday) instead of Monday', () => {
    expect(sweep({ today: '2026-11-24', items }).drafts).toEqual([]);
    expect(sweep({ today: MONDAY, items, rules: { overdueWeekday: 3 } }).drafts).toEqual([]);
    // Wednesday 11-25 is also the day of the monthly call, which this case leaves aside.
    expect(briefs(sweep({ today: '2026-11-25', items, rules: { overdueWeekday: 3 } }).drafts.filter((d) => d.rule === 'overdue'))).toEqual([
      '2026-11-25 overdue email:zhang@jxw.example.org 任务5',
      '2026-11-25 overdue email:zhao@sthj.example.org 任务7',
      `2026-11-25 overdue wecom:${GROUP} 任务5`,
    ]);
  });
});

describe('escalation to the supervising leader and the office', () => {
  // Due Wednesday 09-30: 54 days overdue on Monday 11-23; escalation began on day 30 (Friday 10-30) and repeats on Mondays.
  const items = [task(1, [JXW], [], [{ due: '2026-09-30' }], MONDAY), task(2, [STHJ], [], [{ due: '2026-09-30' }], MONDAY)];

  it('goes through the unit’s own leader contact; a unit without one goes to the plan’s leader; the office hears of both', () => {
    const { drafts } = sweep({ today: MONDAY, items });
    expect(briefs(drafts.filter((d) => d.rule === 'escalation'))).toEqual([
      `${MONDAY} escalation email:chen@gov.example.org 任务1`,
      `${MONDAY} escalation email:leader@jj.example.org 任务2`,
      `${MONDAY} escalation email:office@jj.example.org 任务1,任务2`,
    ]);
    const byAddress = (a: string) => drafts.find((d) => d.rule === 'escalation' && d.recipient.address === a)!;
    expect(byAddress('chen@gov.example.org').content).toMatchObject({
      audience: 'leader',
      recipientName: '陈副区长',
      unitName: '区经济信息委',
      unitLink: 'http://qd.example.org/plans/2/my',
    });
    expect(byAddress('leader@jj.example.org').content).toMatchObject({
      audience: 'leader',
      recipientName: '李区长',
      unitName: '区生态环境局',
      unitLink: 'http://qd.example.org/plans/2/overview',
    });
    expect(byAddress('office@jj.example.org').content).toMatchObject({ audience: 'office', unitName: '区经济信息委、区生态环境局' });
    expect(byAddress('office@jj.example.org').content.items.map((l) => [l.code, l.daysOverdue, l.role])).toEqual([
      ['任务1', 54, 'lead'],
      ['任务2', 54, 'lead'],
    ]);
    // The heads still get their weekly reminder beside it.
    expect(
      drafts
        .filter((d) => d.rule === 'overdue')
        .map((d) => d.recipient.address)
        .sort(),
    ).toEqual([GROUP, 'zhang@jxw.example.org', 'zhao@sthj.example.org']);
  });

  it('names the first unit and how many when the office hears of more than three', () => {
    const four = [JXW, STHJ, ZJW, CGJ].map((u, i) => task(i + 1, [u], [], [{ due: '2026-09-30' }], MONDAY));
    const office = sweep({ today: MONDAY, items: four }).drafts.find((d) => d.rule === 'escalation' && d.recipient.address === OFFICE.email)!;
    expect(office.content.unitName).toBe('区经济信息委等4个单位');
    expect(office.content.items.map((l) => l.code)).toEqual(['任务1', '任务2', '任务3', '任务4']);
  });

  it('reports an escalation nobody can receive (no leader contact, no plan leader, no office account)', () => {
    const { drafts, unreachable } = sweep({
      today: MONDAY,
      items: [task(3, [ZJW], [], [{ due: '2026-09-30' }], MONDAY), task(4, [], [], [{ due: '2026-09-30' }], MONDAY)],
      snapshot: { officeUsers: [], leaderUsers: [] },
    });
    expect(drafts).toEqual([]);
    expect(unreachable).toEqual([
      { rule: 'overdue', unitName: '区住房城乡建委', codes: ['任务3'] },
      { rule: 'escalation', unitName: '区住房城乡建委', codes: ['任务3'] },
      { rule: 'overdue', unitName: '暂未明确', codes: ['任务4'] },
      { rule: 'escalation', unitName: '暂未明确', codes: ['任务4'] },
    ]);
  });

  it('sends no escalation when it is turned off (0 days), or before the configured number of days', () => {
    expect(sweep({ today: MONDAY, items, rules: { escalateAfterDays: 0 } }).drafts.some((d) => d.rule === 'escalation')).toBe(false);
    expect(sweep({ today: MONDAY, items, rules: { escalateAfterDays: 60 } }).drafts.some((d) => d.rule === 'escalation')).toBe(false);
    // 24 days overdue (due 10-30) is under the default 30.
    expect(sweep({ today: MONDAY, items: [task(5, [JXW], [], [{ due: '2026-10-30' }], MONDAY)] }).drafts.some((d) => d.rule === 'escalation')).toBe(false);
  });
});

describe('nothing for what is done, paused or suspended', () => {
  it('leaves out closed, suspended and paused items, and closed, submitted or undated milestones of an open item', () => {
    const items = [
      task(41, [JXW], [], [{ due: '2026-10-30', status: 'closed' }], MONDAY),
      task(42, [JXW], [], [{ due: '2026-10-30', status: 'suspended' }], MONDAY),
      task(43, [JXW], [], [{ due: '2026-10-30' }], MONDAY, { paused: true }),
      task(44, [JXW], [], [{ due: '2026-10-30', status: 'submitted' }, { due: '2026-11-02', status: 'closed' }, { due: null }, { due: '2026-11-16' }], MONDAY),
    ];
    const { drafts } = sweep({ today: MONDAY, items, rules: { monthlyCallDay: 23 } });
    const head = drafts.find((d) => d.rule === 'overdue' && d.recipient.address === 'zhang@jxw.example.org')!;
    // Only 任务44's milestone due 11-16 is an open, dated, overdue milestone.
    expect(head.content.items.map((l) => [l.code, l.milestoneId, l.dueDate])).toEqual([['任务44', 443, '2026-11-16']]);
    // The call for reports (moved to the 23rd here) lists only the open, unpaused item.
    const call = drafts.find((d) => d.rule === 'monthly_call' && d.recipient.address === 'wang@jxw.example.org')!;
    expect(call.content.items.map((l) => l.code)).toEqual(['任务44']);
  });
});

describe('the monthly call for progress reports and the nudge', () => {
  const WEDNESDAY = '2026-11-25';
  const items = (today: string) => [
    task(51, [JXW], [STHJ], [{ due: '2026-12-31' }], today, { signedUnitIds: [JXW] }),
    task(52, [STHJ], [], [{ due: '2026-12-31' }], today),
    task(53, [ZJW], [], [{ due: '2026-12-31' }], today),
  ];

  it('calls every unit on the 25th for a report on all its open items, the ones it has not signed for first', () => {
    const { drafts, unreachable } = sweep({ today: WEDNESDAY, items: items(WEDNESDAY) });
    expect(briefs(drafts)).toEqual([
      `${WEDNESDAY} monthly_call email:li@sthj.example.org 任务51,任务52`,
      `${WEDNESDAY} monthly_call email:wang@jxw.example.org 任务51`,
      `${WEDNESDAY} monthly_call wecom:${GROUP} 任务51`,
    ]);
    const li = drafts.find((d) => d.recipient.address === 'li@sthj.example.org')!;
    // 区生态环境局 supports 任务51 but has not signed for it; it leads 任务52 and has signed: the unsigned one comes first.
    expect(li.content.items.map((l) => [l.code, l.role, l.unsigned ?? false, l.milestoneId])).toEqual([
      ['任务51', 'support', true, 0],
      ['任务52', 'lead', false, 0],
    ]);
    expect(li.unitKey).toBe(STHJ);
    expect(unreachable).toEqual([{ rule: 'monthly_call', unitName: '区住房城乡建委', codes: ['任务53'] }]);
  });

  it('calls on no day when the call is turned off, and not on other days', () => {
    expect(sweep({ today: WEDNESDAY, items: items(WEDNESDAY), rules: { monthlyCallDay: 0 } }).drafts).toEqual([]);
    expect(sweep({ today: '2026-11-24', items: items('2026-11-24') }).drafts).toEqual([]);
  });

  it('nudges five days after the call (Monday 11-30) the lead units that have not reported, about the items they lead', () => {
    const { drafts, unreachable } = sweep({ today: '2026-11-30', items: items('2026-11-30'), reported: [STHJ] });
    expect(briefs(drafts)).toEqual(['2026-11-30 nudge email:wang@jxw.example.org 任务51', `2026-11-30 nudge wecom:${GROUP} 任务51`]);
    expect(drafts[0].unitKey).toBe(JXW);
    expect(unreachable).toEqual([{ rule: 'nudge', unitName: '区住房城乡建委', codes: ['任务53'] }]);
    expect(sweep({ today: '2026-11-30', items: items('2026-11-30'), reported: [STHJ], rules: { nudgeAfterDays: 0 } }).drafts).toEqual([]);
  });

  it('catches up a missed call and nudge after a week’s outage, each dated on its own day', () => {
    // Last swept Tuesday 11-24; back on Tuesday 12-01.
    const dates = sweepDates('2026-11-24', '2026-12-01', 31, days);
    expect(dates).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01']);
    const later = (today: string) =>
      items(today).map((i) => ({ ...i, milestones: i.milestones.map((m) => ({ ...m, status: { ...m.status, dueDate: '2027-06-30' } })) }));
    const { drafts } = sweep({ today: '2026-12-01', dates, items: later('2026-12-01'), reported: [STHJ] });
    expect(briefs(drafts)).toEqual([
      '2026-11-25 monthly_call email:li@sthj.example.org 任务51,任务52',
      '2026-11-25 monthly_call email:wang@jxw.example.org 任务51',
      `2026-11-25 monthly_call wecom:${GROUP} 任务51`,
      '2026-11-30 nudge email:wang@jxw.example.org 任务51',
      `2026-11-30 nudge wecom:${GROUP} 任务51`,
    ]);
    expect(drafts.map((d) => d.sendDate)).toEqual(['2026-11-25', '2026-11-25', '2026-11-25', '2026-11-30', '2026-11-30']);
  });
});

describe('catching up after the service was down', () => {
  // Last swept Friday 11-13, back on Monday 11-23 at 09:00.
  const missed = () => sweepDates('2026-11-13', MONDAY, 31, days);
  const items = [
    task(61, [JXW], [], [{ due: '2026-11-20' }], MONDAY), // 1 day ahead on 11-19 and due on 11-20: both passed, now overdue
    task(62, [JXW], [], [{ due: '2026-11-26' }], MONDAY), // 7 days ahead on Thursday 11-19, still ahead
    task(63, [JXW], [], [{ due: '2026-10-30' }], MONDAY), // overdue on Monday 11-16 and Monday 11-23
    task(64, [JXW], [], [{ due: '2026-09-30' }], MONDAY), // escalated on 11-16 and 11-23
  ];
  const planned = () => sweep({ today: MONDAY, dates: missed(), items }).drafts;

  it('works through every workday missed, weekends left out', () => {
    expect(missed()).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', MONDAY]);
  });

  it('sends a still-useful reminder ahead of a deadline dated on its day, drops those overtaken, and keeps the latest of each weekly one', () => {
    expect(briefs(planned())).toEqual([
      '2026-11-19 before email:wang@jxw.example.org 任务62',
      `2026-11-19 before wecom:${GROUP} 任务62`,
      `${MONDAY} escalation email:chen@gov.example.org 任务64`,
      `${MONDAY} escalation email:office@jj.example.org 任务64`,
      `${MONDAY} overdue email:zhang@jxw.example.org 任务64,任务63,任务61`,
      `${MONDAY} overdue wecom:${GROUP} 任务64,任务63,任务61`,
    ]);
  });

  it('dates each message on its own day but speaks of the days left as of today, oldest message first', () => {
    const drafts = planned();
    expect(drafts[0].sendDate).toBe('2026-11-19');
    expect(drafts[0].content).toMatchObject({ date: '2026-11-19', daysBefore: 7 });
    // As of Monday 11-23 the deadline of Thursday 11-26 is three days away.
    expect(drafts[0].content.items[0]).toMatchObject({ daysLeft: 3, dueDate: '2026-11-26' });
    expect(drafts.at(-1)!.sendDate).toBe(MONDAY);
  });

  it('sends every reminder ahead of a deadline that is still today or ahead, each dated on its day', () => {
    // Due today (Monday 11-23): 7 days ahead was Monday 11-16, 1 day ahead (Sunday) moved back to Friday 11-20.
    const { drafts: dueNow } = sweep({ today: MONDAY, dates: missed(), items: [task(65, [JXW], [], [{ due: MONDAY }], MONDAY)] });
    expect(briefs(dueNow)).toEqual([
      '2026-11-16 before email:wang@jxw.example.org 任务65',
      `2026-11-16 before wecom:${GROUP} 任务65`,
      '2026-11-20 before email:wang@jxw.example.org 任务65',
      `2026-11-20 before wecom:${GROUP} 任务65`,
      `${MONDAY} due email:wang@jxw.example.org 任务65`,
      `${MONDAY} due wecom:${GROUP} 任务65`,
    ]);
    expect(dueNow.map((d) => d.content.daysBefore)).toEqual([7, 7, 1, 1, null, null]);
  });
});

describe('a recurring duty', () => {
  // A yearly duty: the 2025 occurrence was missed, the 2026 one is due Thursday 12-31. The plan reminds on Thursdays
  // while overdue. On Thursday 12-24: 7 days ahead of 2026's deadline, and 358 days past 2025's (2025-12-31 → 2026-12-24).
  const THURSDAY = '2026-12-24';
  const schedule = [2025, 2026].map((y) => ({ key: `${y}-12-31`, start: `${y}-01-01`, label: `${y}年度`, events: [], progress: [] }));
  const status = recurringStatus(schedule, { asOf: THURSDAY, dueSoonDays: 14 });
  const duty: SnapshotItem = {
    ...task(70, [JXW], [], [], THURSDAY),
    status: 'not_started',
    overdue: true,
    light: 'red',
    milestones: [{ id: 700, phrase: '每年', status }],
  };
  const planned = () => sweep({ today: THURSDAY, items: [duty], rules: { overdueWeekday: 4 } }).drafts;
  const line = (rule: string, address: string) => planned().find((d) => d.rule === rule && d.recipient.address === address)!.content.items;

  it('reminds of the missed occurrence (overdue, escalated) and of the current one ahead of its deadline', () => {
    expect(briefs(planned())).toEqual([
      `${THURSDAY} before email:wang@jxw.example.org 任务70`,
      `${THURSDAY} before wecom:${GROUP} 任务70`,
      `${THURSDAY} escalation email:chen@gov.example.org 任务70`,
      `${THURSDAY} escalation email:office@jj.example.org 任务70`,
      `${THURSDAY} overdue email:zhang@jxw.example.org 任务70`,
      `${THURSDAY} overdue wecom:${GROUP} 任务70`,
    ]);
  });

  it('names the year each message is about, with its own deadline and days', () => {
    expect(line('before', 'wang@jxw.example.org').map((l) => [l.phrase, l.dueDate, l.daysLeft, l.daysOverdue])).toEqual([
      ['每年（2026年度）', '2026-12-31', 7, 0],
    ]);
    expect(line('overdue', 'zhang@jxw.example.org').map((l) => [l.phrase, l.dueDate, l.daysLeft, l.daysOverdue])).toEqual([
      ['每年（2025年度）', '2025-12-31', 0, 358],
    ]);
    expect(line('escalation', OFFICE.email!).map((l) => l.phrase)).toEqual(['每年（2025年度）']);
  });
});

describe('leaders’ 批示 in unit reminders', () => {
  const note = (date: string, content: string): InstructionNote => ({ date, author: '江津区领导', content });
  const notes = [note('2026-10-20', '一'), note('2026-11-02', '二'), note('2026-11-10', '三'), note('2026-11-17', '四'), note('2026-11-19', '五')];

  it('lists the 批示 given since the recipient last heard from the plan; the office copy has none', () => {
    const items = [task(81, [JXW], [], [{ due: '2026-09-30' }], MONDAY, { instructions: notes })];
    const { drafts } = sweep({ today: MONDAY, items, lastSent: new Map([['email:zhang@jxw.example.org', '2026-11-16']]) });
    const zhang = drafts.find((d) => d.rule === 'overdue' && d.recipient.address === 'zhang@jxw.example.org')!.content.items[0];
    expect(zhang.instructions?.map((n) => n.content)).toEqual(['四', '五']);
    expect(zhang.moreInstructions).toBe(0);
    // The group never heard before: all five, the latest three listed and two counted.
    const group = drafts.find((d) => d.rule === 'overdue' && d.recipient.channel === 'wecom')!.content.items[0];
    expect(group.instructions?.map((n) => n.content)).toEqual(['三', '四', '五']);
    expect(group.moreInstructions).toBe(2);
    const office = drafts.find((d) => d.rule === 'escalation' && d.recipient.address === OFFICE.email)!.content.items[0];
    expect(office.instructions).toBeUndefined();
  });

  it('in a catch-up, a later message lists only what came since the earlier one of the same sweep, and nothing dated after its day', () => {
    const dates = sweepDates('2026-11-13', MONDAY, 31, days);
    const items = [task(82, [JXW], [], [{ due: '2026-11-26' }, { due: '2026-10-30' }], MONDAY, { instructions: notes })];
    const { drafts } = sweep({ today: MONDAY, dates, items, lastSent: new Map([['email:wang@jxw.example.org', '2026-11-01']]) });
    const wang = drafts.filter((d) => d.recipient.address === 'wang@jxw.example.org');
    expect(wang.map((d) => d.sendDate)).toEqual(['2026-11-19']);
    // On 11-19: since 11-01, up to 11-19 — 二, 三, 四, 五.
    expect(wang[0].content.items[0].instructions?.map((n) => n.content)).toEqual(['三', '四', '五']);
    expect(wang[0].content.items[0].moreInstructions).toBe(1);
    // The group heard on 11-19 (ahead of 11-26) and again on 11-23 (overdue since 10-30): the second lists what came on or after 11-19.
    const group = drafts.filter((d) => d.recipient.channel === 'wecom');
    expect(group.map((d) => [d.sendDate, d.content.items[0].instructions?.map((n) => n.content)])).toEqual([
      ['2026-11-19', ['三', '四', '五']],
      [MONDAY, ['五']],
    ]);
  });

  it('lists no 批示 given after the message’s own day', () => {
    const items = [task(83, [JXW], [], [{ due: '2026-11-26' }], MONDAY, { instructions: [note('2026-11-20', '晚到的批示')] })];
    const { drafts } = sweep({ today: MONDAY, dates: ['2026-11-19'], items });
    expect(drafts[0].sendDate).toBe('2026-11-19');
    expect(drafts[0].content.items[0].instructions).toBeUndefined();
  });
});

describe('an item as a whole in a call for reports', () => {
  it('speaks for it by its nearest open dated milestone, with the item’s own status', () => {
    const item = task(90, [JXW], [], [{ due: '2026-06-30', status: 'closed' }, { due: '2027-06-30' }, { due: '2026-12-31' }, { due: null }], MONDAY);
    const line = itemLine({ snapshot: snapshot(MONDAY, [item]), today: MONDAY }, item, 'lead');
    expect(line).toMatchObject({ milestoneId: 0, dueDate: '2026-12-31', daysLeft: 38, status: 'in_progress', code: '任务90', role: 'lead' });
  });

  it('an item without milestones is listed with no deadline', () => {
    const item = task(91, [JXW], [], [], MONDAY);
    const line = itemLine({ snapshot: snapshot(MONDAY, [item]), today: MONDAY }, item, 'support');
    expect(line).toMatchObject({ milestoneId: 0, dueDate: null, daysLeft: 0, daysOverdue: 0, phrase: '', role: 'support' });
  });
});

describe('a chat group shared by two units', () => {
  // The WeCom group of 区经济信息委 also serves 区生态环境局 (one group for several bureaus is common).
  const shared = new Map<number, UnitContact[]>([
    [JXW, [contact(JXW, 'group', 'wecom', GROUP)]],
    [STHJ, [contact(STHJ, 'head', 'email', 'zhao@sthj.example.org', '赵局长'), contact(STHJ, 'group', 'wecom', GROUP)]],
  ]);
  const items = [task(5, [JXW], [], [{ due: '2026-10-30' }], MONDAY), task(7, [STHJ], [], [{ due: '2026-10-30' }], MONDAY)];

  it('gets one message listing both units’ items, addressed to both units, not to the first alone', () => {
    const { drafts } = sweep({ today: MONDAY, items, snapshot: { contacts: shared } });
    const group = drafts.filter((d) => d.recipient.channel === 'wecom');
    expect(group.map((d) => [d.rule, d.content.unitName, d.content.items.map((l) => l.code)])).toEqual([
      ['overdue', '区经济信息委、区生态环境局', ['任务5', '任务7']],
    ]);
    // A unit's own head still hears about its own unit only.
    expect(drafts.find((d) => d.recipient.address === 'zhang@jxw.example.org')!.content.unitName).toBe('区经济信息委');
  });
});

describe('details a unit would notice', () => {
  it('still sends, dated on its day, a first overdue reminder missed in an outage when no later one replaces it', () => {
    // Due Tuesday 11-17: the first overdue day is Wednesday 11-18; swept last on 11-17, back on Friday 11-20 (no Monday in between).
    const dates = sweepDates('2026-11-17', '2026-11-20', 31, days);
    expect(dates).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    const { drafts } = sweep({ today: '2026-11-20', dates, items: [task(100, [JXW], [], [{ due: '2026-11-17' }], '2026-11-20')] });
    expect(briefs(drafts)).toEqual(['2026-11-18 overdue email:zhang@jxw.example.org 任务100', `2026-11-18 overdue wecom:${GROUP} 任务100`]);
  });

  it('keeps only the latest monthly call of a long catch-up, and the nudge that fell within it', () => {
    // Swept last Friday 10-23, back on Wednesday 11-25: calls on Monday 10-26 and 11-25, a nudge on Monday 11-02 (10-26 + 5 = Saturday 10-31).
    const dates = sweepDates('2026-10-23', '2026-11-25', 31, days);
    const { drafts } = sweep({ today: '2026-11-25', dates, items: [task(108, [JXW], [], [{ due: '2027-06-30' }], '2026-11-25')] });
    expect(briefs(drafts)).toEqual([
      '2026-11-02 nudge email:wang@jxw.example.org 任务108',
      `2026-11-02 nudge wecom:${GROUP} 任务108`,
      '2026-11-25 monthly_call email:wang@jxw.example.org 任务108',
      `2026-11-25 monthly_call wecom:${GROUP} 任务108`,
    ]);
  });

  it('skips a lead unit the plan does not know, naming the known one, in overdue reminders, escalations and calls', () => {
    const overdue = sweep({ today: MONDAY, items: [task(101, [99, JXW], [], [{ due: '2026-09-30' }], MONDAY)] });
    expect(briefs(overdue.drafts)).toEqual([
      `${MONDAY} escalation email:chen@gov.example.org 任务101`,
      `${MONDAY} escalation email:office@jj.example.org 任务101`,
      `${MONDAY} overdue email:zhang@jxw.example.org 任务101`,
      `${MONDAY} overdue wecom:${GROUP} 任务101`,
    ]);
    expect(overdue.drafts[0].content.items[0].leadUnits).toEqual(['区经济信息委']);
    expect(overdue.unreachable).toEqual([]);
    const call = sweep({ today: '2026-11-25', items: [task(101, [99, JXW], [], [{ due: '2026-12-31' }], '2026-11-25')] });
    expect(briefs(call.drafts)).toEqual(['2026-11-25 monthly_call email:wang@jxw.example.org 任务101', `2026-11-25 monthly_call wecom:${GROUP} 任务101`]);
    // Escalating an item whose only lead unit is unknown: as unassigned, to the plan's leader.
    const orphan = sweep({ today: MONDAY, items: [task(102, [99], [], [{ due: '2026-09-30' }], MONDAY)] });
    expect(orphan.drafts.map((d) => [d.rule, d.recipient.address, d.content.unitName])).toEqual([
      ['escalation', 'leader@jj.example.org', '暂未明确'],
      ['escalation', 'office@jj.example.org', '暂未明确'],
    ]);
  });

  it('lists a 批示 in each of two messages sent to one group on one day', () => {
    // Ahead of 11-30 (7 days) and overdue since 10-30: the group hears twice on Monday; neither may miss the 批示.
    const items = [
      task(103, [JXW], [], [{ due: '2026-11-30' }, { due: '2026-10-30' }], MONDAY, {
        instructions: [{ date: '2026-11-10', author: '李区长', content: '请加快' }],
      }),
    ];
    const group = sweep({ today: MONDAY, items }).drafts.filter((d) => d.recipient.channel === 'wecom');
    expect(group.map((d) => [d.rule, d.content.items[0].instructions?.map((n) => n.content)])).toEqual([
      ['before', ['请加快']],
      ['overdue', ['请加快']],
    ]);
  });

  it('asks for 签收 only in the monthly call', () => {
    const { drafts } = sweep({ today: MONDAY, items: [task(104, [JXW], [], [{ due: '2026-10-30' }], MONDAY, { signedUnitIds: [] })] });
    expect(drafts.map((d) => d.content.items[0].unsigned)).toEqual([undefined, undefined]);
  });

  it('lists the items a unit leads before those it supports, each by deadline then number', () => {
    const items = [
      task(104, [STHJ], [JXW], [{ due: '2026-10-30' }], MONDAY),
      task(10, [JXW], [], [{ due: '2026-11-02' }], MONDAY),
      task(9, [JXW], [], [{ due: '2026-11-02' }], MONDAY),
    ];
    const zhang = sweep({ today: MONDAY, items }).drafts.find((d) => d.recipient.address === 'zhang@jxw.example.org')!;
    expect(zhang.content.items.map((l) => `${l.code} ${l.role}`)).toEqual(['任务9 lead', '任务10 lead', '任务104 support']);
  });

  it('lists an item with no deadline last in the monthly call', () => {
    const items = [task(106, [JXW], [], [{ due: null, phrase: '长期坚持' }], '2026-11-25'), task(107, [JXW], [], [{ due: '2026-12-31' }], '2026-11-25')];
    const wang = sweep({ today: '2026-11-25', items }).drafts.find((d) => d.recipient.address === 'wang@jxw.example.org')!;
    expect(wang.content.items.map((l) => [l.code, l.dueDate, l.phrase])).toEqual([
      ['任务107', '2026-12-31', ''],
      ['任务106', null, '长期坚持'],
    ]);
  });

  it('names three units in full when the office hears of three', () => {
    const three = [JXW, STHJ, ZJW].map((u, i) => task(i + 1, [u], [], [{ due: '2026-09-30' }], MONDAY));
    const office = sweep({ today: MONDAY, items: three }).drafts.find((d) => d.rule === 'escalation' && d.recipient.address === OFFICE.email)!;
    expect(office.content.unitName).toBe('区经济信息委、区生态环境局、区住房城乡建委');
  });

  it('reminds a yearly duty on the day its current year falls due, beside the missed year', () => {
    // Thursday 2026-12-31: the 2026 occurrence is due today; the 2025 one is a year overdue.
    const schedule = [2025, 2026].map((y) => ({ key: `${y}-12-31`, start: `${y}-01-01`, label: `${y}年度`, events: [], progress: [] }));
    const status = recurringStatus(schedule, { asOf: '2026-12-31', dueSoonDays: 14 });
    const duty: SnapshotItem = {
      ...task(70, [JXW], [], [], '2026-12-31'),
      status: 'not_started',
      overdue: true,
      light: 'red',
      milestones: [{ id: 700, phrase: '每年', status }],
    };
    const { drafts } = sweep({ today: '2026-12-31', items: [duty], rules: { overdueWeekday: 4 } });
    const due = drafts.filter((d) => d.rule === 'due');
    expect(due.map((d) => [d.recipient.address, d.content.items[0].phrase, d.content.items[0].daysLeft])).toEqual([
      ['wang@jxw.example.org', '每年（2026年度）', 0],
      [GROUP, '每年（2026年度）', 0],
    ]);
  });

  it('speaks for a closed-out item by its nearest milestone, and for an undated one by its phrase', () => {
    const closed = task(
      92,
      [JXW],
      [],
      [
        { due: '2026-06-30', status: 'closed' },
        { due: '2026-03-31', status: 'closed' },
      ],
      MONDAY,
    );
    expect(itemLine({ snapshot: snapshot(MONDAY, [closed]), today: MONDAY }, closed, null)).toMatchObject({
      dueDate: '2026-03-31',
      status: 'closed',
      light: 'grey',
      milestoneId: 0,
    });
    const ongoing = task(93, [JXW], [], [{ due: null, phrase: '长期坚持' }], MONDAY);
    expect(itemLine({ snapshot: snapshot(MONDAY, [ongoing]), today: MONDAY }, ongoing, null)).toMatchObject({
      dueDate: null,
      phrase: '长期坚持',
      status: 'in_progress',
      milestoneId: 0,
    });
  });
});
