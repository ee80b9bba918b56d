import { maskWebhook } from '../outbox/webhook-transport.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { addDays } from '../calendar/calendar-dates.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { calendarDate, Clock, localTime } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { mapConcurrently } from '../common/map-concurrently.js';
import { plansAtOnce } from './plan-snapshot.js';
import { entryKeyString } from '../outbox/entry-key.js';
import { type NewMessage, OutboxService } from '../outbox/outbox.service.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { Leases } from '../database/leases.js';
import { Plan } from '../plans/plan.entity.js';
import { PlanSnapshots } from './plan-snapshot.js';
import { reminderSubject, renderReminder } from './reminder-messages.js';
import { storedContent, type StoredLines } from '../outbox/message-content.js';
import { type PlannedReminders, planReminders, type ReminderDraft, type Unreachable, keyOf } from './reminder-planner.js';
import { latestNudge, type ReminderRules, sweepDates, type Workdays } from './reminder-rules.js';
import { type PlanReminderSettings, ReminderSettingsService } from './reminder-settings.service.js';
import { ReminderSweep } from './reminder-sweep.entity.js';

/** How long an instance may hold a plan's sweep; one plan's sweep takes seconds. */
export const SWEEP_LEASE_MINUTES = 10;

export interface PlanSweep {
  planId: number;
  dates: string[];
  written: number;
}

export interface PreviewMessage {
  rule: string;
  channel: string;
  recipient: string;
  recipientName: string;
  audience: string;
  unitName: string;
  subject: string;
  items: string[];
  text: string;
  /** Already in the outbox for that date: a sweep would not write it again. */
  inOutbox: boolean;
}

/**
 * The reminder sweep: for each plan, the dates since the last sweep (today once its send time has come) are
 * worked out from the data and the clock, and what falls due is written to the outbox. Nothing is sent here.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);
  private readonly warnedYears = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly settings: ReminderSettingsService,
    private readonly snapshots: PlanSnapshots,
    private readonly outbox: OutboxService,
    private readonly leases: Leases,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweepAll(): Promise<PlanSweep[]> {
    const plans = await this.dataSource.getRepository(Plan).find({ order: { id: 'ASC' } });
    return mapConcurrently(plans, plansAtOnce(this.config), (plan) => this.sweepPlan(plan));
  }

  async sweepPlan(plan: Plan): Promise<PlanSweep> {
    const rules = await this.settings.rulesFor(plan.id);
    const now = this.clock.now();
    const today = calendarDate(now, plan.timeZone);
    const end = localTime(now, plan.timeZone) >= rules.sendTime ? today : addDays(today, -1);
    const days = await this.calendars.calendar();
    this.warnUncovered(days, Number(today.slice(0, 4)));
    const state = await this.dataSource.getRepository(ReminderSweep).findOneBy({ planId: plan.id });
    if (state && state.sweptThrough >= end) return { planId: plan.id, dates: [], written: 0 };
    // One instance sweeps a plan at a time; the others leave it (the outbox keys would keep them from writing twice
    // anyway, but not from planning twice). A lease left by a stopped instance expires and the next sweep takes over.
    const swept = await this.leases.whileHolding('reminder-sweep', String(plan.id), SWEEP_LEASE_MINUTES, () =>
      this.sweepThrough(plan, rules, days, today, end),
    );
    return swept ?? { planId: plan.id, dates: [], written: 0 };
  }

  /** Writes what falls due on the dates after the plan's last sweep up to `end`, and moves the bookmark to `end`. */
  private async sweepThrough(plan: Plan, rules: PlanReminderSettings, days: Workdays, today: string, end: string): Promise<PlanSweep> {
    for (let attempt = 1; ; attempt++) {
      const state = await this.dataSource.getRepository(ReminderSweep).findOneBy({ planId: plan.id });
      if (state && state.sweptThrough >= end) return { planId: plan.id, dates: [], written: 0 };
      const dates = rules.enabled ? sweepDates(state?.sweptThrough ?? null, end, this.config.catchUpDays, days) : [];
      const drafts = dates.length ? (await this.plan(plan, rules, days, dates, today)).drafts : [];
      try {
        const written = await this.dataSource.transaction(async (manager) => {
          const current = await manager.findOneBy(ReminderSweep, { planId: plan.id });
          if (current && current.sweptThrough >= end) return 0;
          const messages = await this.fresh(drafts, manager);
          const count = await this.outbox.write(messages, manager);
          if (current) await manager.update(ReminderSweep, { id: current.id }, { sweptThrough: end });
          else await manager.insert(ReminderSweep, { planId: plan.id, sweptThrough: end });
          return count;
        });
        if (written) this.logger.log(`Plan ${plan.id}: ${written} reminder message(s) written to the outbox for ${dates.join(', ')}`);
        return { planId: plan.id, dates, written };
      } catch (error) {
        // Another instance wrote some of the same keys meanwhile: look again (its messages now count as taken).
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
        this.logger.warn(`Plan ${plan.id}: sweep collided with another writer, trying again (${(error as Error).message})`);
      }
    }
  }

  /** What a sweep on `date` would write for this plan, with no change to anything. */
  async preview(
    planId: number,
    date: string,
  ): Promise<{ planId: number; date: string; workday: boolean; messages: PreviewMessage[]; unreachable: Unreachable[] }> {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const rules = await this.settings.rulesFor(planId);
    const days = await this.calendars.calendar();
    const workday = days.isWorkday(date);
    if (!workday || !rules.enabled) return { planId, date, workday, messages: [], unreachable: [] };
    const planned = await this.plan(plan, rules, days, [date], date);
    const taken = await this.outbox.taken(planned.drafts.map(keyOf));
    const messages = planned.drafts.map((draft): PreviewMessage => {
      const rendered = renderReminder(draft.content);
      return {
        rule: draft.rule,
        channel: draft.recipient.channel,
        recipient: draft.recipient.channel === 'email' ? draft.recipient.address : maskWebhook(draft.recipient.address),
        recipientName: draft.recipient.name,
        audience: draft.recipient.audience,
        unitName: draft.content.unitName,
        subject: rendered.subject,
        items: draft.content.items.map((l) => l.code),
        text: rendered.text,
        inOutbox: taken.has(entryKeyString(keyOf(draft))),
      };
    });
    return { planId, date, workday, messages, unreachable: planned.unreachable };
  }

  /** The reminders of these dates, contents as of `today`. Reads the plan once, and reports only when a nudge is due. */
  private async plan(plan: Plan, rules: ReminderRules, days: Workdays, dates: string[], today: string): Promise<PlannedReminders> {
    const snapshot = await this.snapshots.load(plan, today);
    const nudge = latestNudge(dates, rules, days);
    const reported = nudge ? await this.snapshots.unitsReportedSince(plan.id, nudge.call) : new Set<number>();
    const lastSent = await this.snapshots.lastMessageDates(plan.id, [...dates].sort()[0]);
    return planReminders({ snapshot, today }, dates, rules, days, reported, lastSent);
  }

  /** The drafts not yet in the outbox, rendered as messages. */
  private async fresh(drafts: ReminderDraft[], manager: EntityManager): Promise<NewMessage[]> {
    const taken = await this.outbox.taken(drafts.map(keyOf), manager);
    const messages: NewMessage[] = [];
    const lines: StoredLines = new Map();
    for (const draft of drafts) {
      const key = keyOf(draft);
      if (taken.has(entryKeyString(key))) continue;
      // What it says is kept, and rendered when it is sent or shown (outbox/message-content.ts).
      messages.push({
        planId: draft.planId,
        rule: draft.rule,
        channel: draft.recipient.channel,
        recipient: draft.recipient.address,
        recipientName: draft.recipient.name.slice(0, 100),
        unitId: draft.recipient.unitId,
        sendDate: draft.sendDate,
        subject: reminderSubject(draft.content).slice(0, 300),
        text: '',
        html: null,
        markdown: null,
        content: storedContent(draft.content, lines),
        itemCount: draft.content.items.length,
        entries: [key],
      });
    }
    return messages;
  }

  private warnUncovered(days: { coversYear(year: number): boolean }, year: number): void {
    if (this.warnedYears.has(year) || days.coversYear(year)) return;
    this.warnedYears.add(year);
    this.logger.warn(
      `The holiday data has no entries for ${year}: only weekends are skipped; update the chinese-days package or add the year's holidays (PUT /api/v1/calendar/days/:date)`,
    );
  }
}
