import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import { Clock } from '../common/clock.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { RawReader } from '../database/raw-reader.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { Leases } from '../database/leases.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Assignment } from '../lists/assignment.entity.js';
import { StatusService } from '../lists/status.service.js';
import { Task } from '../lists/tasks/task.entity.js';
import { Unit } from '../units/unit.entity.js';
import { PlanSnapshots } from './plan-snapshot.js';
import { ReminderSettings } from './reminder-settings.entity.js';
import { ReminderSettingsService } from './reminder-settings.service.js';
import { ReminderSweepService } from './reminder-sweep.service.js';

/**
 * The sweep as the scheduler runs it, on a real SQLite file: when in the day a plan's reminders go out (its send time)
 * and that a plan with reminders turned off gets none. One plan per case: a task due Monday 2026-11-30, led by a unit
 * whose liaison is wang@jxw.example.org, so Monday 11-23 is the day of its "7 days ahead" reminder.
 */
describe('the reminder sweep: send time and reminders turned off', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-sweep-'));
  let db: DataSource;
  let clock: Clock;
  let sweeps: ReminderSweepService;
  let count = 0;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    const config: AppConfig = loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'sweep.sqlite')}`,
      OUTBOX_DIR: join(dir, 'outbox'),
      SCHEDULER: 'false',
      SEED: 'false',
    });
    db = await openDatabase(config.database);
    clock = new Clock(config);
    const reader = new RawReader(db);
    const snapshots = new PlanSnapshots(db, reader, new StatusService(db, reader, clock, config), config);
    sweeps = new ReminderSweepService(
      db,
      clock,
      new CalendarService(db, clock, config),
      new ReminderSettingsService(db),
      snapshots,
      new OutboxService(db, clock),
      new Leases(db, clock),
      config,
    );
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A plan with one task due 2026-11-30 led by 区经济信息委, and these reminder settings (none: the defaults). */
  async function planWith(settings?: Partial<ReminderSettings>): Promise<Plan> {
    const m = db.manager;
    const plan = await m.save(Plan, {
      name: `方案${++count}`,
      region: '江津区',
      periodStart: '2021-01-01',
      periodEnd: '2026-12-31',
      baseYear: null,
      timeZone: 'Asia/Shanghai',
      source: null,
      key: null,
    });
    const unit = await m.save(Unit, {
      planId: plan.id,
      name: '区经济信息委',
      aliases: [],
      kind: 'agency',
      liaisonName: '王联络',
      liaisonEmail: 'wang@jxw.example.org',
      headName: '张明',
      headEmail: 'zhang@jxw.example.org',
    });
    const task = await m.save(Task, { planId: plan.id, seq: 11, content: '推动工业固体废物源头减量', deadlineText: '2026年11月底前' } as Task);
    await m.save(Milestone, {
      planId: plan.id,
      itemType: 'task',
      itemId: task.id,
      seq: 1,
      dueDate: '2026-11-30',
      baselineDate: '2026-11-30',
      kind: 'dated',
      phrase: '2026年11月底前',
      certain: true,
    } as Milestone);
    await m.save(Assignment, { planId: plan.id, itemType: 'task', itemId: task.id, unitId: unit.id, role: 'lead', position: 0 } as Assignment);
    if (settings) {
      await m.save(ReminderSettings, {
        planId: plan.id,
        enabled: true,
        beforeDays: [30, 7, 1],
        onDueDay: true,
        overdueWeekday: 1,
        escalateAfterDays: 30,
        monthlyCallDay: 25,
        nudgeAfterDays: 5,
        sendTime: '09:00',
        digestWeekday: 1,
        digestTime: '09:00',
        ...settings,
      } as ReminderSettings);
    }
    return plan;
  }

  async function sweepAt(plan: Plan, instant: string): Promise<string[]> {
    clock.set(instant);
    await sweeps.sweepPlan(plan);
    const written = await db.getRepository(OutboxMessage).find({ where: { planId: plan.id }, order: { id: 'ASC' } });
    return written.map((w) => `${w.sendDate} ${w.rule} ${w.recipient} ${w.subject}`);
  }

  const SEVEN_DAYS = '2026-11-23 before wang@jxw.example.org 【清单提醒】区经济信息委：1项事项将于2026年11月30日到期（还有7天）';

  it('by default writes nothing at 08:59 on Monday and the 7-days-ahead reminder at 09:00', async () => {
    const plan = await planWith();
    expect(await sweepAt(plan, '2026-11-23T08:59:00+08:00')).toEqual([]);
    expect(await sweepAt(plan, '2026-11-23T09:00:00+08:00')).toEqual([SEVEN_DAYS]);
  });

  it('with the send time set to 08:30 writes it at 08:30, and nothing at 08:29', async () => {
    const plan = await planWith({ sendTime: '08:30' });
    expect(await sweepAt(plan, '2026-11-23T08:29:00+08:00')).toEqual([]);
    expect(await sweepAt(plan, '2026-11-23T08:30:00+08:00')).toEqual([SEVEN_DAYS]);
  });

  it('with the send time set to 10:00, a sweep at 09:30 still writes nothing; 10:00 writes it, once', async () => {
    const plan = await planWith({ sendTime: '10:00' });
    expect(await sweepAt(plan, '2026-11-23T09:30:00+08:00')).toEqual([]);
    expect(await sweepAt(plan, '2026-11-23T10:00:00+08:00')).toEqual([SEVEN_DAYS]);
    expect(await sweepAt(plan, '2026-11-23T10:05:00+08:00')).toEqual([SEVEN_DAYS]);
  });

  it('with reminders turned off writes nothing, and turning them on later does not send the days it was off', async () => {
    const plan = await planWith({ enabled: false, monthlyCallDay: 0 });
    expect(await sweepAt(plan, '2026-11-23T09:30:00+08:00')).toEqual([]);
    await db.getRepository(ReminderSettings).update({ planId: plan.id }, { enabled: true });
    // Tuesday 11-24 is no reminder day of the task (7 days ahead was Monday; 1 day ahead is Friday 11-27).
    expect(await sweepAt(plan, '2026-11-24T09:30:00+08:00')).toEqual([]);
    expect(await sweepAt(plan, '2026-11-27T09:30:00+08:00')).toEqual([
      '2026-11-27 before wang@jxw.example.org 【清单提醒】区经济信息委：1项事项将于2026年11月30日到期（还有3天）',
    ]);
  });

  it('after an outage, the first sweep writes the missed reminder dated on its own day', async () => {
    const plan = await planWith();
    // Swept last on Friday 11-20 (nothing due then), back on Wednesday 11-25 at 09:00.
    expect(await sweepAt(plan, '2026-11-20T09:00:00+08:00')).toEqual([]);
    expect(await sweepAt(plan, '2026-11-25T09:00:00+08:00')).toEqual([
      // Written on Wednesday: days left counted from Wednesday (5), the message dated Monday.
      '2026-11-23 before wang@jxw.example.org 【清单提醒】区经济信息委：1项事项将于2026年11月30日到期（还有5天）',
      '2026-11-25 monthly_call wang@jxw.example.org 【进展填报】区经济信息委：请填报本月进展（1项），1项请签收',
    ]);
  });
});
