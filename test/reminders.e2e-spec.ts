import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.js';
import { Clock } from '../src/common/clock.js';
import { readContent } from '../src/outbox/message-content.js';
import { SenderService } from '../src/outbox/sender.service.js';
import type { RobotNetwork } from '../src/outbox/robot-network.js';
import { ReminderScheduler } from '../src/reminders/reminder-scheduler.js';
import { type CaughtMail, freePort, type MailCatcher, parseMail, type RobotReceiver, startMailCatcher, startRobotReceiver } from './helpers/mail-catcher.js';
import { once } from './helpers/once.js';
import { planId, startMailedApp, startTestApp, type TestApp } from './helpers/test-app.js';

const MONDAY = '2026-11-23';
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

interface Unit {
  id: number;
  name: string;
  liaisonEmail: string | null;
  headEmail: string | null;
}

interface TaskRow {
  seq: number;
  milestones: { id: number; dueDate: string | null; version: number }[];
}

interface OutboxRow {
  id: number;
  rule: string;
  recipient: string;
  sendDate: string;
  status: string;
  attempts: number;
  lastError: string | null;
  subject: string;
  /** How many items (lines) the message lists. */
  itemCount: number;
}

/** The codes ("任务11") a text lists, each once. */
function codes(text: string): Set<string> {
  return new Set(text.match(/(任务|项目|指标)\d+/g) ?? []);
}

/** The items a unit leads that are overdue on a date, read from the lists API (not from the reminder code). */
async function overdueLeadCodes(t: TestApp, plan: number, unit: string, asOf: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [path, name] of [
    ['tasks', '任务'],
    ['projects', '项目'],
    ['indicators', '指标'],
  ] as const) {
    const res = await t.http().get(`/api/v1/plans/${plan}/${path}`).query({ leadUnit: unit, overdue: true, asOf, limit: 1000 }).expect(200);
    for (const item of res.body.items as { seq: number }[]) found.add(`${name}${item.seq}`);
  }
  return found;
}

async function overdueCount(t: TestApp, plan: number, asOf: string): Promise<number> {
  let total = 0;
  for (const path of ['tasks', 'projects', 'indicators']) {
    total += (await t.http().get(`/api/v1/plans/${plan}/${path}`).query({ overdue: true, asOf, limit: 1 }).expect(200)).body.total as number;
  }
  return total;
}

async function outbox(t: TestApp, query: Record<string, string | number> = {}): Promise<{ items: OutboxRow[]; total: number }> {
  return (
    await t
      .http()
      .get('/api/v1/outbox')
      .query({ limit: 1000, ...query })
      .expect(200)
  ).body;
}

const sweep = (t: TestApp) => t.app.get(ReminderScheduler).sweepAndSend();
/** Every seed plan is swept; the demo addresses of Jiangjin start with its key. */
const jiangjinMails = (mails: CaughtMail[]) => mails.filter((m) => m.to.some((a) => a.startsWith('jiangjin-')));
const SLOW = 60_000;
/** Links in messages are this address plus a web-app route, never an API address. */
const PUBLIC = 'https://qingdan.example.gov.cn';
const mailsTo = (mails: CaughtMail[], address: string) => mails.filter((m) => m.to.includes(address));

describe('reminders and the weekly digest of the Jiangjin plan (real SMTP server on loopback)', () => {
  let smtp: MailCatcher;
  let t: TestApp;
  let plan: number;
  let office: string;
  let jxw: Unit;
  let sthj: Unit;
  const leaderEmail = 'jiangjin-leader@example.org';
  const officeEmail = 'jiangjin-office@example.org';
  let preview: {
    workday: boolean;
    messages: { rule: string; recipient: string; subject: string; items: string[] }[];
    digests: { recipient: string; subject: string }[];
  };
  let task11Due: string;

  /** Monday 09:00: task 11's second deadline moved to next Monday, task 12 paused, the dry run read, then the sweep. */
  const givenMondaySwept = once(async () => {
    // Move task 11's second deadline to next Monday, so this Monday is 7 days ahead of it.
    const task11 = (await t.as(office).get(`/api/v1/plans/${plan}/tasks`).query({ limit: 1000 }).expect(200)).body.items.find(
      (i: { seq: number }) => i.seq === 11,
    );
    const m2 = task11.milestones[1];
    task11Due = '2026-11-30';
    await t.as(office).patch(`/api/v1/plans/${plan}/milestones/${m2.id}`).send({ dueDate: task11Due, version: m2.version }).expect(200);
    // Pause task 12: the office says why.
    const task12 = (await t.as(office).get(`/api/v1/plans/${plan}/tasks`).query({ limit: 1000 }).expect(200)).body.items.find(
      (i: { seq: number }) => i.seq === 12,
    );
    await t
      .as(office)
      .post(`/api/v1/plans/${plan}/reminders/pauses`)
      .send({ itemType: 'task', itemId: task12.id, reason: '已报区政府调整，待批复' })
      .expect(201);
    preview = (await t.as(office).get(`/api/v1/plans/${plan}/reminders/preview`).query({ date: MONDAY }).expect(200)).body;
    t.clock.set(at(MONDAY, '09:00'));
    await sweep(t);
  });
  /** After Monday: the Tuesday sweep, then Wednesday the 25th (the monthly call); where each day's mails begin. */
  const givenWednesdaySwept = once(async () => {
    await givenMondaySwept();
    const before = smtp.mails.length;
    t.clock.set(at('2026-11-24', '09:00'));
    await sweep(t);
    const tuesday = smtp.mails.length;
    t.clock.set(at('2026-11-25', '09:00'));
    await sweep(t);
    return { before, tuesday };
  });

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, smtp, close } = await startMailedApp({ PUBLIC_URL: PUBLIC }));
    t.clock.set(at(MONDAY, '08:00'));
    plan = await planId(t, 'jiangjin');
    office = await t.login('jiangjin-office');
    const units = (await t.as(office).get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as Unit[];
    jxw = units.find((u) => u.name === '区经济信息委')!;
    sthj = units.find((u) => u.name === '区生态环境局')!;
  }, 60_000);

  afterAll(() => close());

  it('gives every demo unit a liaison and a head with example.org addresses', () => {
    expect(jxw.liaisonEmail).toMatch(/@example\.org$/);
    expect(jxw.headEmail).toMatch(/@example\.org$/);
  });

  it('writes and sends nothing before the send time (09:00 in Asia/Shanghai)', async () => {
    t.clock.set(at(MONDAY, '08:59'));
    await sweep(t);
    expect((await outbox(t)).total).toBe(0);
    expect(smtp.mails).toHaveLength(0);
  });

  describe('on Monday at 09:00', () => {
    beforeAll(() => givenMondaySwept(), 60_000);

    it('the dry run wrote nothing and showed exactly the reminders the sweep then sent', () => {
      expect(preview.workday).toBe(true);
      const sent = jiangjinMails(smtp.mails)
        .filter((m) => !m.subject.includes('逾期周报'))
        .map((m) => `${m.to.join()} ${m.subject}`);
      const previewed = preview.messages.map((m) => `${m.recipient} ${m.subject}`);
      expect(sent.sort()).toEqual(previewed.sort());
    });

    it('sends the head of 区经济信息委 every overdue item it leads, and the items it supports in copy', async () => {
      const mails = mailsTo(smtp.mails, jxw.headEmail!).filter((m) => m.subject.includes('逾期'));
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      const expected = await overdueLeadCodes(t, plan, '区经济信息委', MONDAY);
      expected.delete('任务12'); // paused
      const listed = codes(mail.text.split('配合事项')[0]);
      expect(listed).toEqual(expected);
      expect(mail.text).toContain('配合事项');
      expect(mail.html).toContain('<a ');
      // Every link lands on a page of the web app: the item, and the unit's own list.
      const task11 = (await t.as(office).get(`/api/v1/plans/${plan}/tasks`).query({ limit: 1000 }).expect(200)).body.items.find(
        (i: { seq: number }) => i.seq === 11,
      );
      expect(mail.text).toContain(`\n  ${PUBLIC}/plans/${plan}/tasks/${task11.id}\n`);
      expect(mail.html).toContain(`<a href="${PUBLIC}/plans/${plan}/tasks/${task11.id}"`);
      expect(mail.text).toContain(`本单位全部事项：${PUBLIC}/plans/${plan}/my`);
      expect(mail.text).not.toContain('/api/');
      expect(mail.html).not.toContain('/api/');
    });

    it('reminds the liaison 7 days ahead of the moved deadline', () => {
      const mails = mailsTo(smtp.mails, jxw.liaisonEmail!);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toContain('2026年11月30日');
      expect(mails[0].subject).toContain('7天');
      expect(codes(mails[0].text)).toEqual(new Set(['任务11']));
    });

    it('leaves the paused item out of every message', async () => {
      // Task 12 (led by 区生态环境局, supported by 区经济信息委) gives no time of its own, so it was due at the plan's end,
      // 2025-12-31, and is overdue on this Monday: without the pause, the overdue mails to both heads would name it.
      expect(await overdueLeadCodes(t, plan, '区生态环境局', MONDAY)).toContain('任务12');
      const messages = jiangjinMails(smtp.mails).filter((m) => !m.subject.includes('逾期周报'));
      expect(messages.length).toBeGreaterThan(0);
      for (const head of [sthj.headEmail!, jxw.headEmail!]) {
        expect([head, mailsTo(messages, head).filter((m) => m.subject.includes('逾期')).length]).toEqual([head, 1]);
      }
      for (const mail of messages) expect(mail.text).not.toMatch(/任务12(?!\d)/);
    });

    it('escalates items overdue for more than 30 days to the plan leader and the office', () => {
      for (const address of [leaderEmail, officeEmail]) {
        const escalations = mailsTo(smtp.mails, address).filter((m) => m.subject.includes('逾期督办'));
        expect(escalations).toHaveLength(1);
        expect(escalations[0].text).toContain('区经济信息委');
      }
    });

    it('sends the leader one weekly digest counting every overdue item of the plan, grouped by lead unit', async () => {
      const digests = mailsTo(smtp.mails, leaderEmail).filter((m) => m.subject.includes('逾期周报'));
      expect(digests).toHaveLength(1);
      const total = await overdueCount(t, plan, MONDAY);
      expect(total).toBeGreaterThan(0);
      expect(digests[0].subject).toContain(`逾期${total}项`);
      expect(digests[0].text).toContain('区经济信息委');
      expect(digests[0].html).toContain('max-width');
      expect(digests[0].text).toContain(`打开方案：${PUBLIC}/plans/${plan}/overview`);
      expect(digests[0].text).not.toContain('/api/');
      expect(preview.digests.map((d) => d.recipient)).toEqual([leaderEmail]);
    });

    it('records every message in the outbox as sent, once', async () => {
      const rows = await outbox(t);
      expect(rows.total).toBeGreaterThan(0);
      expect(rows.total).toBe(smtp.mails.length);
      expect(rows.items.every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
      expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(smtp.mails.length);
    });

    it('shows each reminder in the outbox word for word as it was sent, though it keeps only what the reminder says', async () => {
      const [mail] = mailsTo(smtp.mails, jxw.headEmail!).filter((m) => m.subject.includes('逾期'));
      const row = (await outbox(t, { rule: 'overdue' })).items.find((m) => m.recipient === jxw.headEmail)!;
      const shown = (await t.as(office).get(`/api/v1/plans/${plan}/outbox/${row.id}`).expect(200)).body as OutboxRow & { text: string; html: string | null };
      expect(shown.subject).toBe(mail.subject);
      expect(shown.text.trim()).toBe(mail.text.trim());
      expect(shown.html).toContain(`<title>${mail.subject}</title>`);
      expect(shown.html).toContain('区经济信息委');
      expect(shown).not.toHaveProperty('content');
      // What the database holds for it: the items it lists, not the rendered text.
      const [stored] = await t.app
        .get(DataSource)
        .query<{ text: string; html: string | null; content: string }[]>(`SELECT text, html, content FROM outbox_messages WHERE id = ${row.id}`);
      expect([stored.text, stored.html]).toEqual(['', null]);
      const listed = readContent(stored.content).items.map((l) => l.code);
      expect(new Set(listed)).toEqual(codes(mail.text));
    });

    it('writes nothing twice: not on a second sweep, not from a second instance on the same database', async () => {
      const before = smtp.mails.length;
      await sweep(t);
      const second = await createApp(t.config, { logger: false, docsUi: false });
      await second.init();
      second.get(Clock).set(at(MONDAY, '09:10'));
      await second.get(ReminderScheduler).sweepAndSend();
      await second.close();
      expect(smtp.mails.length).toBe(before);
      expect((await outbox(t)).total).toBe(before);
    });
  });

  it(
    'brings no overdue reminder on Tuesday; on Wednesday the 25th calls every unit with open items for its report',
    async () => {
      const { before, tuesday } = await givenWednesdaySwept();
      expect(smtp.mails.slice(before, tuesday).filter((m) => m.subject.includes('已逾期'))).toEqual([]);
      const calls = smtp.mails.slice(tuesday).filter((m) => m.subject.includes('进展填报'));
      expect(calls.length).toBeGreaterThan(1);
      const jxwCall = mailsTo(calls, jxw.liaisonEmail!);
      expect(jxwCall).toHaveLength(1);
      expect(codes(jxwCall[0].text).has('任务11')).toBe(true);
      // The outbox counts the items the call lists (one line an item), as the mail does.
      const [record] = (await outbox(t, { rule: 'monthly_call' })).items.filter((m) => m.recipient === jxw.liaisonEmail);
      expect(record.itemCount).toBe(codes(jxwCall[0].text).size);
      expect(record.itemCount).toBeGreaterThan(1);
      expect(smtp.mails.slice(before).filter((m) => m.subject.includes('逾期周报'))).toEqual([]);
    },
    SLOW,
  );

  it(
    'nudges on the 30th the lead units that have not reported since the call, not the one that has',
    async () => {
      await givenWednesdaySwept();
      t.clock.set(at('2026-11-26', '10:00'));
      const task11 = (await t.as(office).get(`/api/v1/plans/${plan}/tasks`).query({ limit: 1000 }).expect(200)).body.items.find(
        (i: { seq: number }) => i.seq === 11,
      );
      const reporter = await t.login('jiangjin-jxw');
      await t
        .as(reporter)
        .post(`/api/v1/plans/${plan}/progress`)
        .send({ itemType: 'task', itemId: task11.id, state: 'in_progress', percent: 60, narrative: '已新增绿色工厂2家', submit: true })
        .expect(201);
      const before = smtp.mails.length;
      t.clock.set(at('2026-11-30', '09:00'));
      await sweep(t);
      const nudges = smtp.mails.slice(before).filter((m) => m.subject.includes('尚未填报'));
      expect(mailsTo(nudges, jxw.liaisonEmail!)).toEqual([]);
      expect(mailsTo(nudges, sthj.liaisonEmail!)).toHaveLength(1);
      // A new week: the leader's next digest, and the weekly overdue reminders again.
      expect(mailsTo(smtp.mails.slice(before), leaderEmail).filter((m) => m.subject.includes('逾期周报'))).toHaveLength(1);
      expect(mailsTo(smtp.mails.slice(before), jxw.headEmail!).filter((m) => m.subject.includes('已逾期'))).toHaveLength(1);
    },
    SLOW,
  );
});

describe('the weekly digest after a late one', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
  }, 60_000);

  afterAll(() => t.close());

  it(
    'a digest written late on Tuesday is what the next week’s digest counts newly overdue items from',
    async () => {
      const office = await t.login('jiangjin-office');
      const plan = await planId(t, 'jiangjin');
      t.clock.set(at('2026-11-20', '09:00'));
      // Task 68 has no deadline yet; it falls due on Monday the 23rd, so it is first overdue on Tuesday the 24th.
      const task68 = ((await t.as(office).get(`/api/v1/plans/${plan}/tasks`).query({ limit: 1000 }).expect(200)).body.items as TaskRow[]).find(
        (i) => i.seq === 68,
      )!;
      const [milestone] = task68.milestones;
      expect(milestone.dueDate).toBeNull();
      await t.as(office).patch(`/api/v1/plans/${plan}/milestones/${milestone.id}`).send({ dueDate: MONDAY, version: milestone.version }).expect(200);
      const digestOf = async (sendDate: string): Promise<string> => {
        const rows = (await t.as(office).get(`/api/v1/plans/${plan}/outbox`).query({ rule: 'digest', sendDate }).expect(200)).body.items;
        return (rows as { recipient: string; text: string }[]).find((m) => m.recipient === 'jiangjin-leader@example.org')!.text;
      };
      const newlyOverdue = (text: string) => text.slice(text.indexOf('本周新增逾期'), text.indexOf('\n\n', text.indexOf('本周新增逾期')));

      // The service was down on Monday: the week's digest goes out on Tuesday, counting from a week before.
      t.clock.set(at('2026-11-24', '10:00'));
      await sweep(t);
      const tuesday = await digestOf('2026-11-24');
      expect(newlyOverdue(tuesday)).toContain('2026年11月17日以来');
      expect(newlyOverdue(tuesday)).toContain('任务68');

      // Next Monday counts from that Tuesday: task 68 was already overdue then, so it is not new this week.
      t.clock.set(at('2026-11-30', '09:00'));
      await sweep(t);
      const monday = await digestOf('2026-11-30');
      expect(monday).toContain('任务68');
      expect(monday.includes('本周新增逾期') ? newlyOverdue(monday) : '').not.toContain('任务68');
      if (monday.includes('本周新增逾期')) expect(newlyOverdue(monday)).toContain('2026年11月24日以来');
    },
    SLOW,
  );
});

describe('the leaders of one plan and their digests', () => {
  let smtp: MailCatcher;
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, smtp, close } = await startMailedApp({ PUBLIC_URL: PUBLIC }));
  }, 60_000);

  afterAll(() => close());

  it(
    'each leader gets the whole digest with their own greeting, and the part they share is kept once',
    async () => {
      const plan = await planId(t, 'jiangjin');
      await t
        .http()
        .post('/api/v1/users')
        .send({
          username: 'jiangjin-leader-2',
          password: 'leader-password-2',
          role: 'leader',
          planId: plan,
          displayName: '王副区长',
          email: 'wang@example.org',
        })
        .expect(201);
      t.clock.set(at(MONDAY, '09:00'));
      await sweep(t);
      const digests = smtp.mails.filter((m) => m.subject.includes('逾期周报') && m.subject.includes('江津'));
      const first = mailsTo(digests, 'jiangjin-leader@example.org');
      const second = mailsTo(digests, 'wang@example.org');
      expect(first).toHaveLength(1);
      expect(second).toHaveLength(1);
      expect(second[0].text.startsWith('王副区长：您好！以下是截至2026年11月23日')).toBe(true);
      expect(first[0].text).not.toContain('王副区长');
      expect(second[0].html).toContain('王副区长：您好！');
      expect(second[0].html.trim().endsWith('</html>')).toBe(true);
      // After the greeting the two read the same, to the footer.
      const afterGreeting = (text: string) => text.slice(text.indexOf('\n'));
      expect(afterGreeting(second[0].text)).toBe(afterGreeting(first[0].text));
      expect(afterGreeting(second[0].text)).toContain('逾期事项');
      // The outbox shows each message whole, and keeps the shared part once.
      const office = await t.login('jiangjin-office');
      const rows = (await t.as(office).get(`/api/v1/plans/${plan}/outbox`).query({ rule: 'digest' }).expect(200)).body.items as {
        recipient: string;
        text: string;
      }[];
      expect(rows.find((r) => r.recipient === 'wang@example.org')!.text.replace(/\r\n/g, '\n')).toBe(second[0].text.replace(/\r\n/g, '\n').trimEnd());
      const kept = await t.app
        .get(DataSource)
        .query(`SELECT COUNT(DISTINCT m."bodyId") AS "bodies", COUNT(*) AS "messages" FROM outbox_messages m WHERE m.rule = 'digest' AND m."planId" = ${plan}`);
      expect(kept.map((r: { bodies: unknown; messages: unknown }) => [Number(r.bodies), Number(r.messages)])).toEqual([[1, 2]]);
    },
    SLOW,
  );
});

describe('a leader over every plan beside the leaders of one plan', () => {
  let smtp: MailCatcher;
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, smtp, close } = await startMailedApp({ PUBLIC_URL: PUBLIC }));
  }, 60_000);

  afterAll(() => close());

  it(
    'the leader bound to no plan gets one digest with a part for every plan; a plan’s leader gets that plan’s alone',
    async () => {
      const plans = (await t.http().get('/api/v1/plans').expect(200)).body as { id: number; key: string; name: string }[];
      expect(plans.length).toBeGreaterThanOrEqual(4);
      await t
        .http()
        .post('/api/v1/users')
        .send({ username: 'province-leader', password: 'leader-password-3', role: 'leader', displayName: '省无废办主任', email: 'province@example.org' })
        .expect(201);
      t.clock.set(at(MONDAY, '09:00'));
      await sweep(t);
      const digests = smtp.mails.filter((m) => m.subject.includes('逾期周报'));
      const province = mailsTo(digests, 'province@example.org');
      expect(province).toHaveLength(1);
      expect(province[0].text.startsWith('省无废办主任：您好！')).toBe(true);
      // Each plan under its own heading (【name】), as the plans' leaders read them.
      for (const plan of plans) expect({ plan: plan.name, titled: province[0].text.includes(`【${plan.name}】`) }).toEqual({ plan: plan.name, titled: true });
      // Each demo plan's leader: its own plan's digest, which links to that plan and to no other.
      const link = (plan: { id: number }) => `${PUBLIC}/plans/${plan.id}`;
      for (const key of ['jiangjin', 'foshan', 'jiangyin']) {
        const own = mailsTo(digests, `${key}-leader@example.org`);
        expect({ key, digests: own.length }).toEqual({ key, digests: 1 });
        const linked = plans.filter((p) => own[0].text.includes(`打开方案：${link(p)}`)).map((p) => p.key);
        expect({ key, linked }).toEqual({ key, linked: [key] });
      }
      expect(plans.filter((p) => province[0].text.includes(`打开方案：${link(p)}`)).length).toBe(plans.length);
    },
    SLOW,
  );
});

describe('which office accounts hear of escalations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
  }, 60_000);

  afterAll(() => t.close());

  it(
    'an active office account with an email gets the escalations; a deactivated one and one without an email do not',
    async () => {
      const plan = await planId(t, 'jiangjin');
      const create = async (username: string, email: string | undefined) =>
        (
          await t
            .http()
            .post('/api/v1/users')
            .send({ username, password: 'office-password-9', role: 'office', planId: plan, displayName: username, ...(email ? { email } : {}) })
            .expect(201)
        ).body as { id: number; version: number };
      await create('jiangjin-office-2', 'office2@example.org');
      const away = await create('jiangjin-office-3', 'office3@example.org');
      await t.http().patch(`/api/v1/users/${away.id}`).send({ active: false, version: away.version }).expect(200);
      await create('jiangjin-office-4', undefined);
      const office = await t.login('jiangjin-office');
      const preview = (await t.as(office).get(`/api/v1/plans/${plan}/reminders/preview`).query({ date: MONDAY }).expect(200)).body as {
        messages: { rule: string; recipient: string; audience: string }[];
      };
      const officeEscalations = preview.messages.filter((m) => m.rule === 'escalation' && m.audience === 'office').map((m) => m.recipient);
      expect(officeEscalations).toContain('office2@example.org');
      expect(officeEscalations).toContain('jiangjin-office@example.org');
      expect(officeEscalations).not.toContain('office3@example.org');
      expect(preview.messages.some((m) => m.recipient === 'office3@example.org')).toBe(false);
    },
    SLOW,
  );
});

describe('catching up after the service was down', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
  }, 60_000);

  afterAll(() => t.close());

  it(
    'writes on Tuesday the Monday reminders it missed, dated Monday, and nothing twice',
    async () => {
      t.clock.set(at('2026-11-20', '09:00'));
      await sweep(t);
      const friday = (await outbox(t)).total;
      t.clock.set(at('2026-11-24', '10:00'));
      await sweep(t);
      const rows = (await outbox(t)).items;
      const monday = rows.filter((m) => m.rule === 'overdue' && m.sendDate === MONDAY);
      expect(monday.length).toBeGreaterThan(0);
      expect(rows.length).toBeGreaterThan(friday);
      await sweep(t);
      expect((await outbox(t)).total).toBe(rows.length);
    },
    SLOW,
  );
});

describe('delivery through an SMTP outage and to a bad address', () => {
  let t: TestApp;
  let port: number;
  let smtp: MailCatcher | null = null;

  beforeAll(async () => {
    port = await freePort();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, SESSION_HOURS: '100000' });
    const plan = await planId(t, 'jiangjin');
    const units = (await t.http().get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as (Unit & { version: number })[];
    const sthj = units.find((u) => u.name === '区生态环境局')!;
    await t.http().patch(`/api/v1/plans/${plan}/units/${sthj.id}`).send({ headEmail: 'nobody@refused.example.org', version: sthj.version }).expect(200);
    t.clock.set(at(MONDAY, '09:00'));
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await smtp?.close();
  });

  /** The Monday sweep while the SMTP server is down: the outbox as it stands then. */
  const givenSweptWhileDown = once(async () => {
    await sweep(t);
    return outbox(t);
  });
  /** The server comes back (refusing @refused.example.org); a send before the retry is due, then one at 09:02. */
  const givenServerBack = once(async () => {
    await givenSweptWhileDown();
    const catcher = await startMailCatcher({ port, reject: (address) => address.endsWith('@refused.example.org') });
    smtp = catcher;
    await t.app.get(SenderService).deliverDue();
    const beforeRetry = catcher.mails.length;
    t.clock.set(at(MONDAY, '09:02'));
    await t.app.get(SenderService).deliverDue();
    return { smtp: catcher, beforeRetry };
  });

  it(
    'keeps every message pending with the error while the server is down, then delivers each once when it is back',
    async () => {
      const down = await givenSweptWhileDown();
      expect(down.total).toBeGreaterThan(3);
      expect(down.items.every((m) => m.status === 'pending' && m.attempts === 1 && m.lastError)).toBe(true);

      const { smtp, beforeRetry } = await givenServerBack();
      // Not yet time for the retry: nothing goes.
      expect(beforeRetry).toBe(0);
      const after = await outbox(t);
      const failed = after.items.filter((m) => m.status === 'failed');
      expect(failed).toHaveLength(1);
      expect(failed[0].recipient).toBe('nobody@refused.example.org');
      expect(failed[0].lastError).toContain('nobody@refused.example.org');
      expect(after.items.filter((m) => m.status === 'sent')).toHaveLength(after.total - 1);
      expect(smtp.mails).toHaveLength(after.total - 1);
      expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(smtp.mails.length);
    },
    SLOW,
  );

  it(
    'does not retry a refused address, and sends a message again only when the office asks',
    async () => {
      await givenServerBack();
      const count = smtp!.mails.length;
      t.clock.set(at(MONDAY, '18:00'));
      await t.app.get(SenderService).deliverDue();
      const failed = (await outbox(t, { status: 'failed' })).items;
      expect(failed).toHaveLength(1);
      expect(failed[0].attempts).toBe(2);
      expect(smtp!.mails).toHaveLength(count);

      const sent = (await outbox(t, { status: 'sent' })).items[0];
      const resent = await t.http().post(`/api/v1/outbox/${sent.id}/resend`).expect(200);
      expect(resent.body.status).toBe('pending');
      await t.app.get(SenderService).deliverDue();
      expect(smtp!.mails).toHaveLength(count + 1);
      expect(smtp!.mails.at(-1)!.subject).toBe(sent.subject);
    },
    SLOW,
  );
});

/**
 * The robots' real hosts, reached through a network given at the app's boundary: the names resolve to public
 * addresses of this table, and a POST to one of them lands on the loopback receiver. Every address rule still runs.
 */
function robotNetwork(receiver: RobotReceiver): RobotNetwork {
  const names: Record<string, string[]> = { 'qyapi.weixin.qq.com': ['101.91.0.10'], 'oapi.dingtalk.com': ['106.11.0.1'] };
  return {
    lookup: async (host) => names[host] ?? [],
    post: async (_address, url, body) => {
      const res = await fetch(receiver.url(`${url.pathname}${url.search}`), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      });
      return { status: res.status, body: await res.text() };
    },
  };
}

describe('chat-group robots (WeCom and DingTalk webhooks, answered on loopback)', () => {
  let t: TestApp;
  let robots: RobotReceiver;

  beforeAll(async () => {
    robots = await startRobotReceiver();
    t = await startTestApp({ SESSION_HOURS: '100000' }, false, { robotNetwork: robotNetwork(robots) });
    const plan = await planId(t, 'jiangjin');
    const units = (await t.http().get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as Unit[];
    const id = (name: string) => units.find((u) => u.name === name)!.id;
    await t
      .http()
      .post(`/api/v1/plans/${plan}/units/${id('区经济信息委')}/contacts`)
      .send({ role: 'group', channel: 'wecom', name: '经信委工作群', address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test-key-1' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/plans/${plan}/units/${id('区生态环境局')}/contacts`)
      .send({ role: 'group', channel: 'dingtalk', name: '生态环境局工作群', address: 'https://oapi.dingtalk.com/robot/send?access_token=test-token-2' })
      .expect(201);
    t.clock.set(at(MONDAY, '09:00'));
    await sweep(t);
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await robots.close();
  });

  it('posts the unit’s overdue reminder to its WeCom group as markdown', () => {
    const wecom = robots.posts.filter((p) => p.path.startsWith('/cgi-bin/webhook/send?key=test-key-1'));
    expect(wecom.length).toBeGreaterThan(0);
    const body = wecom[0].body as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(wecom.some((p) => (p.body as { markdown: { content: string } }).markdown.content.includes('已逾期'))).toBe(true);
    // Robot links open the web app at PUBLIC_URL (the default here: http://localhost:3000), never the API.
    expect(body.markdown.content).toMatch(/\]\(http:\/\/localhost:3000\/plans\/\d+\/(tasks|projects|indicators)\/\d+\)/);
    expect(body.markdown.content).not.toContain('/api/');
  });

  it('posts to the DingTalk group with a title', () => {
    const dingtalk = robots.posts.filter((p) => p.path.startsWith('/robot/send?access_token=test-token-2'));
    expect(dingtalk.length).toBeGreaterThan(0);
    const body = dingtalk[0].body as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toContain('区生态环境局');
    expect(body.markdown.text).toMatch(/(任务|项目|指标)\d+/);
  });
});

describe('starting the service with the clock on a Monday (no SMTP server configured)', () => {
  let t: TestApp;

  afterAll(() => t.close());

  it('writes the due reminders and the leaders’ digests to the outbox folder as .eml files, once', async () => {
    t = await startTestApp({ CLOCK: at(MONDAY, '09:30'), SCHEDULER: 'true' });
    const dir = join(t.dir, 'outbox');
    // The start-up sweep runs in the background; wait (bounded) until the outbox has nothing waiting.
    let rows = await outbox(t);
    for (let i = 0; i < 200 && (rows.total === 0 || rows.items.some((m) => m.status !== 'sent')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      rows = await outbox(t);
    }
    expect(rows.total).toBeGreaterThan(0);
    expect(rows.items.every((m) => m.status === 'sent')).toBe(true);
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(rows.total);
    const raws = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(raws.every((raw) => raw.includes('Date: Mon, 23 Nov 2026 01:30:00 +0000'))).toBe(true);
    const subjects = raws.map((raw) => parseMail(raw).subject);
    expect(subjects.filter((s) => s.includes('逾期周报'))).toHaveLength(3); // the demo leaders of Jiangjin, Foshan and Jiangyin
    expect(subjects.some((s) => s.includes('已逾期'))).toBe(true);

    await t.app.get(ReminderScheduler).sweepAndSend();
    expect(readdirSync(dir).filter((f) => f.endsWith('.eml'))).toHaveLength(files.length);
  }, 60_000);
});
