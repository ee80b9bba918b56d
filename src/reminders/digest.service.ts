import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { addDays, weekday } from '../calendar/calendar-dates.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { calendarDate, Clock, localTime } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { type EntryKey, entryKeyString } from '../outbox/entry-key.js';
import { groupBy } from '../common/group-by.js';
import { RawReader } from '../database/raw-reader.js';
import { type NewMessage, OutboxService } from '../outbox/outbox.service.js';
import { type SharedBody, withHash } from '../outbox/outbox-bodies.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { Leases } from '../database/leases.js';
import { Plan } from '../plans/plan.entity.js';
import { PlanSnapshots, plansAtOnce } from './plan-snapshot.js';
import { mapConcurrently } from '../common/map-concurrently.js';
import { digestSection } from './digest-planner.js';
import { digestOwnPart, digestSharedPart } from './digest-messages.js';
import { recipientKey } from './recipients.js';
import type { Workdays } from './reminder-rules.js';
import { type PlanReminderSettings, ReminderSettingsService } from './reminder-settings.service.js';
import type { DigestContent, DigestSection } from './reminder-types.js';

/** How long an instance may hold the digest run (a thousand leaders' digests take seconds). */
export const DIGEST_LEASE_MINUTES = 10;

/** When a leader's digest of this week is due. */
interface DigestTiming {
  timeZone: string;
  today: string;
  weekStart: string;
  due: boolean;
}

export interface DigestPreview {
  leader: string;
  recipient: string;
  subject: string;
  text: string;
}

/**
 * The leaders' weekly overdue digest (逾期周报): once a week (default Monday 09:00, the next workday when that is a
 * holiday) every active leader account with an email gets one digest covering the plans it may see.
 * The outbox key is (digest, leader, week): at most one per leader per week, whoever sweeps.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly settings: ReminderSettingsService,
    private readonly snapshots: PlanSnapshots,
    private readonly outbox: OutboxService,
    private readonly leases: Leases,
    private readonly reader: RawReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Writes the digests that are due now and not yet written. Returns how many were written. One instance runs it at
   * a time (the others leave it, 0); a run left by a stopped instance is finished by the next one once its lease expires.
   */
  async sweep(): Promise<number> {
    return (await this.leases.whileHolding('digest', 'all', DIGEST_LEASE_MINUTES, () => this.writeDue())) ?? 0;
  }

  private async writeDue(): Promise<number> {
    const [leaders, plans, days] = await Promise.all([
      this.leaders(),
      this.dataSource.getRepository(Plan).find({ order: { id: 'ASC' } }),
      this.calendars.calendar(),
    ]);
    const rules = new Map<number, Promise<PlanReminderSettings>>();
    const rulesFor = (planId: number) => rules.get(planId) ?? rules.set(planId, this.settings.rulesFor(planId)).get(planId)!;
    // Whose digest is due and not yet written, asked of the outbox for all leaders at once.
    const due: { leader: User; visible: Plan[]; timing: DigestTiming }[] = [];
    for (const leader of leaders) {
      const visible = plans.filter((p) => leader.planId === null || p.id === leader.planId);
      if (!visible.length) continue;
      const timing = this.timing(
        visible.length === 1 ? await rulesFor(visible[0].id) : null,
        visible.length === 1 ? visible[0].timeZone : this.config.defaultTimeZone,
        days,
      );
      if (timing.due) due.push({ leader, visible, timing });
    }
    const taken = await this.outbox.taken(due.map(({ leader, timing }) => this.key(leader, timing.weekStart)));
    const pending = due.filter(({ leader, timing }) => !taken.has(entryKeyString(this.key(leader, timing.weekStart))));
    const previous = await this.previousDigestDates(pending.map(({ leader, timing }) => ({ leader, today: timing.today })));
    const digests = pending.map((p) => ({ ...p, since: previous.get(recipientOf(p.leader)) ?? addDays(p.timing.today, -7) }));
    const run = newRun();
    // Leaders who see the same plans get the same body after their greeting: they are written together, a few such
    // groups at a time, and what the group needed (its plans' sections, its body) is let go once no later one needs it,
    // so a run holds a few plans' worth of sections and bodies, not all of them.
    const groups = [...groupBy(digests, ({ visible, timing, since }) => bodyKeyOf(visible, timing.today, since)).values()];
    const needed = new Map<string, number>();
    for (const [{ visible, timing, since }] of groups) for (const plan of visible) countUp(needed, sectionKey(plan, timing.today, since));
    const width = plansAtOnce(this.config);
    let written = 0;
    // One batch is written while the next is composed.
    let writing: Promise<number> = Promise.resolve(0);
    const batch: NewMessage[] = [];
    for (let i = 0; i < groups.length; i += width) {
      const window = groups.slice(i, i + width);
      // The window's sections first, a few plans at once where the database lets them overlap.
      const sections = new Map(
        window.flatMap(([{ visible, timing, since }]) =>
          visible.map((plan) => [sectionKey(plan, timing.today, since), { plan, today: timing.today, since }] as const),
        ),
      );
      await mapConcurrently([...sections.values()], width, ({ plan, today, since }) => this.section(run, plan, today, since));
      for (const group of window) {
        for (const { leader, visible, timing, since } of group) {
          batch.push(await this.compose(leader, visible, timing.today, timing.weekStart, since, run));
          if (batch.length >= WRITE_BATCH) {
            written += await writing;
            writing = this.writeBatch(batch.splice(0));
            // Awaited above or below; until then a failure must not count as unhandled.
            writing.catch(() => undefined);
          }
        }
        const [{ visible, timing, since }] = group;
        run.bodies.delete(bodyKeyOf(visible, timing.today, since));
        for (const plan of visible) {
          const key = sectionKey(plan, timing.today, since);
          if (countDown(needed, key) === 0) run.sections.delete(key);
        }
      }
    }
    written += await writing;
    written += await this.writeBatch(batch);
    if (written) this.logger.log(`${written} weekly digest(s) written to the outbox`);
    return written;
  }

  /**
   * Writes a batch of digests in one transaction (one commit for many leaders). When another instance wrote one of
   * them since it was checked, the unique key refuses the batch, and each is written on its own: that leader's stays
   * the one the other instance wrote.
   */
  private async writeBatch(messages: NewMessage[]): Promise<number> {
    if (!messages.length) return 0;
    try {
      return await this.outbox.write(messages);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    let written = 0;
    for (const message of messages) {
      try {
        written += await this.outbox.write([message]);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return written;
  }

  /** The digests the leaders of a plan would get if `date` were their digest day; nothing is written. */
  async preview(planId: number, date: string): Promise<DigestPreview[]> {
    const plan = await this.dataSource.getRepository(Plan).findOneByOrFail({ id: planId });
    const leaders = (await this.leaders()).filter((l) => l.planId === planId);
    const run = newRun();
    const weekStart = addDays(date, 1 - weekday(date));
    const previews: DigestPreview[] = [];
    const previous = await this.previousDigestDates(leaders.map((leader) => ({ leader, today: date })));
    for (const leader of leaders) {
      const message = await this.compose(leader, [plan], date, weekStart, previous.get(recipientOf(leader)) ?? addDays(date, -7), run);
      previews.push({
        leader: message.recipientName,
        recipient: message.recipient,
        subject: message.subject,
        text: message.text + (message.shared?.text ?? ''),
      });
    }
    return previews;
  }

  private leaders(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ where: { role: 'leader', active: true, email: Not(IsNull()) }, order: { id: 'ASC' } });
  }

  /** This week's digest day (digestWeekday, moved to the next workday) and whether its time has come. */
  private timing(rules: PlanReminderSettings | null, timeZone: string, days: Workdays): DigestTiming {
    const now = this.clock.now();
    const today = calendarDate(now, timeZone);
    const weekStart = addDays(today, 1 - weekday(today));
    const digestWeekday = rules?.digestWeekday ?? 1;
    const digestTime = rules?.digestTime ?? '09:00';
    const day = days.onOrAfter(addDays(weekStart, digestWeekday - 1));
    const due = today > day || (today === day && localTime(now, timeZone) >= digestTime);
    return { timeZone, today, weekStart, due };
  }

  private key(leader: User, weekStart: string): EntryKey {
    return {
      rule: 'digest',
      itemType: 'leader',
      itemId: leader.id,
      milestoneId: 0,
      recipient: recipientOf(leader),
      sendDate: weekStart,
    };
  }

  /**
   * A plan's section of the week, worked out from the plan on both dates when its first leader needs it; the leaders who
   * share it share its rendering too (digest-messages.ts). What is read of the plan is not kept.
   */
  private async section(run: DigestRun, plan: Plan, today: string, since: string): Promise<DigestSection | null> {
    const key = sectionKey(plan, today, since);
    let section = run.sections.get(key);
    if (section === undefined) {
      const { now, then } = await this.snapshots.forDigest(plan, today, since);
      section = now.items.length ? digestSection(now, then, this.config.dueSoonDays) : null;
      run.sections.set(key, section);
    }
    return section;
  }

  private async compose(leader: User, plans: Plan[], today: string, weekStart: string, since: string, run: DigestRun): Promise<NewMessage> {
    const { bodies } = run;
    const bodyKey = bodyKeyOf(plans, today, since);
    const sections = [];
    for (const plan of plans) {
      const section = await this.section(run, plan, today, since);
      if (section) sections.push(section);
    }
    const content: DigestContent = {
      leaderName: leader.displayName || leader.username,
      date: today,
      weekStart,
      since,
      dueSoonDays: this.config.dueSoonDays,
      sections,
    };
    const own = digestOwnPart(content);
    return {
      planId: plans.length === 1 ? plans[0].id : null,
      rule: 'digest',
      channel: 'email',
      recipient: leader.email!,
      recipientName: (leader.displayName || leader.username).slice(0, 100),
      unitId: null,
      sendDate: today,
      subject: own.subject.slice(0, 300),
      text: own.text,
      html: own.html,
      markdown: null,
      // The leaders of the same plans share the rest, kept once: rendered and hashed for the first of them.
      shared: bodies.get(bodyKey) ?? bodies.set(bodyKey, withHash({ ...digestSharedPart(content), markdown: null })).get(bodyKey),
      entries: [this.key(leader, weekStart)],
    };
  }

  /**
   * The date of each leader's previous digest before the week of its `today` ("newly overdue" compares with it), by
   * recipient; a leader with none is not in the map. Found through the outbox keys (indexed by recipient and date),
   * then the messages' own dates.
   */
  private async previousDigestDates(leaders: { leader: User; today: string }[]): Promise<Map<string, string>> {
    const previous = new Map<string, string>();
    const byWeek = groupBy(leaders, ({ today }) => addDays(today, 1 - weekday(today)));
    for (const [weekStart, group] of byWeek) {
      const recipients = [...new Set(group.map(({ leader }) => recipientOf(leader)))];
      for (let i = 0; i < recipients.length; i += RECIPIENTS_PER_QUERY) {
        const chunk = recipients.slice(i, i + RECIPIENTS_PER_QUERY);
        const rows = await this.reader.all<{ recipient: string; last: string }>(
          `SELECT e.recipient, MAX(m."sendDate") AS "last" FROM outbox_entries e JOIN outbox_messages m ON m.id = e."messageId"
           WHERE e.rule = 'digest' AND e."sendDate" < ? AND e.recipient IN (${chunk.map(() => '?').join(', ')})
           GROUP BY e.recipient`,
          [weekStart, ...chunk],
        );
        for (const row of rows) previous.set(row.recipient, String(row.last).slice(0, 10));
      }
    }
    return previous;
  }
}

/** The outbox's recipient key of a leader's digest. */
function recipientOf(leader: User): string {
  return recipientKey({ channel: 'email', address: leader.email! });
}

/** Recipients per query for previous digests (far under either engine's limit on parameters). */
const RECIPIENTS_PER_QUERY = 400;

/** Digests written per transaction: commits, not rendering, cost most once sections are shared. */
const WRITE_BATCH = 25;

/**
 * What one run (or preview) works out once for all its leaders: each plan's section by week (null: the plan has no
 * items), and the body the leaders of the same plans share after their greeting.
 */
interface DigestRun {
  sections: Map<string, DigestSection | null>;
  bodies: Map<string, SharedBody>;
}

const sectionKey = (plan: Plan, today: string, since: string) => `${plan.id}|${today}|${since}`;

/** The leaders with the same key share the body after their greeting: the same plans, on the same dates. */
const bodyKeyOf = (plans: readonly Plan[], today: string, since: string) => `${plans.map((p) => p.id).join(',')}|${today}|${since}`;

function countUp(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** One fewer left; answers how many are left. */
function countDown(counts: Map<string, number>, key: string): number {
  const left = (counts.get(key) ?? 1) - 1;
  counts.set(key, left);
  return left;
}

const newRun = (): DigestRun => ({ sections: new Map(), bodies: new Map() });
