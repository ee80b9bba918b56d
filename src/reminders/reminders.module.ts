import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { Leases } from '../database/leases.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { DigestService } from './digest.service.js';
import { PlanSnapshots } from './plan-snapshot.js';
import { ReminderPausesService } from './reminder-pauses.service.js';
import { ReminderScheduler } from './reminder-scheduler.js';
import { ReminderSettingsService } from './reminder-settings.service.js';
import { ReminderSweepService } from './reminder-sweep.service.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersPreviewService } from './reminders-preview.service.js';

/** Reminders (催办) and the leaders' weekly digest: rules, pauses, the sweep, the dry run and the schedule. */
@Module({
  imports: [CalendarModule, OutboxModule],
  controllers: [RemindersController],
  providers: [
    Leases,
    PlanSnapshots,
    ReminderSettingsService,
    ReminderPausesService,
    ReminderSweepService,
    DigestService,
    RemindersPreviewService,
    ReminderScheduler,
  ],
  exports: [ReminderScheduler],
})
export class RemindersModule {}
