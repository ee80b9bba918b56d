import fc from 'fast-check';
import type { User } from '../auth/user.entity.js';
import { addDays } from '../calendar/calendar-dates.js';
import { loadOfficialHolidays, WorkdayCalendar } from '../calendar/workday-calendar.js';
import { entryKeyString } from '../outbox/entry-key.js';
import type { Plan } from '../plans/plan.entity.js';
import { itemStatus, type MilestoneStatus, recurringStatus, type Status, STATUSES } from '../status/status.js';
import type { UnitContact } from '../units/unit-contact.entity.js';
import type { Unit } from '../units/unit.entity.js';
import type { PlanSnapshot, SnapshotItem, SnapshotMilestone } from './plan-snapshot.js';
import { recipientKey, unitRecipients } from './recipients.js';
import { keyOf, planReminders, type PlannedReminders } from './reminder-planner.js';
import { type ReminderRules, sweepDates } from './reminder-rules.js';

const days = new WorkdayCalendar(loadOfficialHolidays(), []);
const plan = { id: 2, name: '江津区方案', timeZone: 'Asia/Shanghai' } as Plan;
const UNIT_NAMES = ['区经济信息委', '区生态环境局', '区住房城乡建委', '区城市管理局'];
/** Few addresses, so units, leaders and the office often share one (a person or a chat group serving several). */
const ADDRESSES = ['a@x.org', 'B@x.org', 'b@x.org', 'c@x.org', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1'];

/** A date between 2026-08-01 and 2027-01-31. */
const dateArb = fc.integer({ min: 0, max: 183 }).map((n) => addDays('2026-08-01', n));

const contactArb = fc.record({
  role: fc.constantFrom<UnitContact['role']>('liaison', 'head', 'leader', 'group'),
  address: fc.constantFrom(...ADDRESSES),
  name: fc.constantFrom('', '王'),
});
const unitArb = fc.record({
  liaisonEmail: fc.option(fc.constantFrom(...ADDRESSES.slice(0, 4)), { nil: null }),
  headEmail: fc.option(fc.constantFrom(...ADDRESSES.slice(0, 4)), { nil: null }),
  contacts: fc.array(contactArb, { maxLength: 3 }),
});

/** A milestone: dated or not, any status, or a yearly duty with its 2025 and 2026 occurrences. */
const milestoneArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('dated' as const),
      due: fc.option(dateArb, { nil: null, freq: 6 }),
      status: fc.constantFrom<Status>(...STATUSES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('yearly' as const), closed2025: fc.boolean(), closed2026: fc.boolean() }) },
);
const itemArb = fc.record({
  lead: fc.subarray([1, 2, 3, 4], { maxLength: 2 }),
  support: fc.subarray([1, 2, 3, 4], { maxLength: 2 }),
  milestones: fc.array(milestoneArb, { minLength: 1, maxLength: 3 }),
  paused: fc.boolean(),
  signed: fc.subarray([1, 2, 3, 4]),
});
const rulesArb = fc.record<ReminderRules>({
  beforeDays: fc.subarray([1, 2, 3, 7, 14, 30]),
  onDueDay: fc.boolean(),
  overdueWeekday: fc.integer({ min: 1, max: 7 }),
  escalateAfterDays: fc.integer({ min: 0, max: 60 }),
  monthlyCallDay: fc.integer({ min: 0, max: 31 }),
  nudgeAfterDays: fc.integer({ min: 0, max: 10 }),
});
const sweepArb = fc.record({
  units: fc.array(unitArb, { minLength: 4, maxLength: 4 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
  office: fc.option(fc.constantFrom(...ADDRESSES.slice(0, 4)), { nil: null }),
  leader: fc.option(fc.constantFrom(...ADDRESSES.slice(0, 4)), { nil: null }),
  sweptThrough: fc.option(dateArb, { nil: null, freq: 4 }),
  span: fc.integer({ min: 0, max: 20 }),
  rules: rulesArb,
  reported: fc.subarray([1, 2, 3, 4]),
});

type Scenario = typeof sweepArb extends fc.Arbitrary<infer T> ? T : never;

function statusOf(m: Scenario['items'][number]['milestones'][number], today: string): MilestoneStatus {
  if (m.kind === 'yearly') {
    const schedule = [2025, 2026].map((y) => ({
      key: `${y}-12-31`,
      start: `${y}-01-01`,
      label: `${y}年度`,
      events: (y === 2025 ? m.closed2025 : m.closed2026) ? [{ kind: 'closed' as const, date: `${y}-06-30`, seq: 1 }] : [],
      progress: [],
    }));
    return recurringStatus(schedule, { asOf: today, dueSoonDays: 14 });
  }
  const open = m.status !== 'closed' && m.status !== 'suspended';
  const overdue = open && m.due !== null && m.due < today;
  return {
    status: m.status,
    overdue,
    light: overdue ? 'red' : 'green',
    dueDate: m.due,
    baselineDate: m.due,
    percent: null,
    closedOn: null,
    suspendedReason: null,
  };
}

function build(s: Scenario): { snapshot: PlanSnapshot; today: string; dates: string[] } {
  const today = addDays(s.sweptThrough ?? '2026-10-01', s.span);
  const units = new Map(
    s.units.map((u, i) => [
      i + 1,
      { id: i + 1, name: UNIT_NAMES[i], liaisonName: null, liaisonEmail: u.liaisonEmail, headName: null, headEmail: u.headEmail } as Unit,
    ]),
  );
  const contacts = new Map(
    s.units.map((u, i) => [
      i + 1,
      u.contacts.map(
        (c) => ({ unitId: i + 1, role: c.role, channel: c.address.startsWith('http') ? 'wecom' : 'email', address: c.address, name: c.name }) as UnitContact,
      ),
    ]),
  );
  const items = s.items.map((it, n): SnapshotItem => {
    const milestones: SnapshotMilestone[] = it.milestones.map((m, k) => ({
      id: n * 10 + k + 1,
      phrase: m.kind === 'yearly' ? '每年' : '',
      status: statusOf(m, today),
    }));
    return {
      itemType: n % 2 ? 'project' : 'task',
      itemId: n + 1,
      code: `${n % 2 ? '项目' : '任务'}${n + 1}`,
      title: `事项${n + 1}`,
      link: `http://x/${n + 1}`,
      leadUnitIds: it.lead,
      supportUnitIds: it.support.filter((u) => !it.lead.includes(u)),
      paused: it.paused,
      instructions: [],
      signedUnitIds: it.signed,
      ...itemStatus(milestones.map((m) => m.status)),
      milestones,
    };
  });
  const user = (email: string | null, name: string) => (email ? [{ email, displayName: name } as User] : []);
  const snapshot: PlanSnapshot = {
    plan,
    asOf: today,
    planLink: 'http://x/plans/2/overview',
    myLink: 'http://x/plans/2/my',
    items,
    units,
    contacts,
    officeUsers: user(s.office, '无废办'),
    leaderUsers: user(s.leader, '区领导'),
  };
  return { snapshot, today, dates: sweepDates(s.sweptThrough, today, 31, days) };
}

function plan$(s: Scenario): { planned: PlannedReminders; snapshot: PlanSnapshot; today: string; dates: string[] } {
  const { snapshot, today, dates } = build(s);
  return { planned: planReminders({ snapshot, today }, dates, s.rules, days, new Set(s.reported)), snapshot, today, dates };
}

const RUNS = { numRuns: 30 };
const MILESTONE_RULES = new Set(['before', 'due', 'overdue', 'escalation']);

describe('reminder planner properties (random plans, units, contacts, rules and sweep dates)', () => {
  it('never gives two messages one outbox key (rule, plan or unit, recipient, date), nor lists a milestone twice in one message', () => {
    fc.assert(
      fc.property(sweepArb, (s) => {
        const { drafts } = plan$(s).planned;
        const keys = drafts.map(keyOf).map(entryKeyString);
        expect(new Set(keys).size).toBe(keys.length);
        for (const d of drafts) {
          const lines = d.content.items.map((l) => `${l.itemType}|${l.itemId}|${l.milestoneId}`);
          expect(new Set(lines).size).toBe(lines.length);
        }
      }),
      RUNS,
    );
  });

  it('never lists a closed, suspended or paused item, nor a closed, suspended or submitted milestone in a deadline reminder', () => {
    fc.assert(
      fc.property(sweepArb, (s) => {
        const { planned, snapshot } = plan$(s);
        const item = (l: { itemType: string; itemId: number }) => snapshot.items.find((i) => i.itemType === l.itemType && i.itemId === l.itemId)!;
        for (const d of planned.drafts) {
          for (const l of d.content.items) {
            expect(item(l).paused).toBe(false);
            expect(['closed', 'suspended']).not.toContain(item(l).status);
            if (MILESTONE_RULES.has(d.rule)) expect(['closed', 'suspended', 'submitted']).not.toContain(l.status);
          }
        }
      }),
      RUNS,
    );
  });

  it('reminds ahead only of a deadline after the send date, on the due day only of that day, and of overdue only past it', () => {
    fc.assert(
      fc.property(sweepArb, (s) => {
        const { planned, today } = plan$(s);
        for (const d of planned.drafts) {
          for (const l of d.content.items) {
            if (d.rule === 'before') expect(l.dueDate! > d.sendDate).toBe(true);
            if (d.rule === 'due') expect(l.dueDate! >= d.sendDate).toBe(true);
            if (d.rule === 'overdue' || d.rule === 'escalation') expect(l.dueDate! < d.sendDate).toBe(true);
            // A reminder ahead of a deadline, caught up from a past day, goes out only while the deadline is still ahead.
            if (d.rule === 'before' || d.rule === 'due') expect(l.dueDate! >= today).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('sends only on the sweep’s dates, never an empty message, and one monthly call and one nudge date at most', () => {
    fc.assert(
      fc.property(sweepArb, (s) => {
        const { planned, dates } = plan$(s);
        for (const d of planned.drafts) {
          expect(dates).toContain(d.sendDate);
          expect(d.content.items.length).toBeGreaterThan(0);
          expect(d.content.date).toBe(d.sendDate);
        }
        for (const rule of ['monthly_call', 'nudge'])
          expect(new Set(planned.drafts.filter((d) => d.rule === rule).map((d) => d.sendDate)).size).toBeLessThanOrEqual(1);
        // Messages come oldest first.
        const sent = planned.drafts.map((d) => d.sendDate);
        expect(sent).toEqual([...sent].sort());
      }),
      RUNS,
    );
  });

  it('sends a weekly overdue reminder or escalation of one milestone once per sweep, however many days it catches up', () => {
    fc.assert(
      fc.property(sweepArb, (s) => {
        const seen = plan$(s)
          .planned.drafts.filter((d) => d.rule === 'overdue' || d.rule === 'escalation')
          .flatMap((d) => d.content.items.map((l) => `${d.rule}|${l.itemType}|${l.itemId}|${l.milestoneId}|${recipientKey(d.recipient)}`));
        expect(new Set(seen).size).toBe(seen.length);
      }),
      RUNS,
    );
  });

  it('reports as unreachable only units with no address at that level, and every lead unit of an item it reminds is reached or reported', () => {
    fc.assert(
      fc.property(sweepArb, (s) => {
        const { planned, snapshot } = plan$(s);
        const unitNamed = (name: string) => [...snapshot.units.values()].find((u) => u.name === name);
        const level = (rule: string) => (rule === 'overdue' ? 'head' : rule === 'escalation' ? 'leader' : 'liaison');
        for (const u of planned.unreachable) {
          const unit = unitNamed(u.unitName);
          if (unit && u.rule !== 'escalation') expect(unitRecipients(unit, snapshot.contacts.get(unit.id) ?? [], level(u.rule))).toEqual([]);
        }
        for (const d of planned.drafts.filter((x) => x.rule !== 'escalation')) {
          for (const l of d.content.items) {
            const item = snapshot.items.find((i) => i.itemType === l.itemType && i.itemId === l.itemId)!;
            for (const id of item.leadUnitIds) {
              const unit = snapshot.units.get(id)!;
              const reachable = unitRecipients(unit, snapshot.contacts.get(id) ?? [], level(d.rule)).length > 0;
              const reported = planned.unreachable.some((x) => x.rule === d.rule && x.unitName === unit.name && x.codes.includes(item.code));
              // A nudge spares units that have reported.
              if (d.rule === 'nudge' && s.reported.includes(id)) continue;
              expect(reachable || reported).toBe(true);
            }
          }
        }
      }),
      RUNS,
    );
  });
});
