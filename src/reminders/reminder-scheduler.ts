import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import cron, { type ScheduledTask } from 'node-cron';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SenderService } from '../outbox/sender.service.js';
import { DigestService } from './digest.service.js';
import { ReminderSweepService } from './reminder-sweep.service.js';

/**
 * Wakes the work on a timer; decides nothing itself. Every 5 minutes the sweep writes what is due (from the data
 * and the clock) to the outbox; every minute the sender delivers what waits. On start both run at once, so
 * reminders of hours or days the service was down are caught up.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private readonly tasks: ScheduledTask[] = [];
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly sweeps: ReminderSweepService,
    private readonly digests: DigestService,
    private readonly sender: SenderService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.scheduler) return;
    const timezone = this.config.defaultTimeZone;
    this.tasks.push(cron.schedule('*/5 * * * *', () => this.sweepAndSend(), { timezone, name: 'reminder-sweep', noOverlap: true }));
    this.tasks.push(cron.schedule('* * * * *', () => this.send(), { timezone, name: 'outbox-sender', noOverlap: true }));
    this.logger.log('Reminder sweep scheduled every 5 minutes, outbox sender every minute');
    void this.sweepAndSend();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const task of this.tasks) await task.stop();
    await this.sweeping;
  }

  /** One sweep (reminders, then digests) and one delivery run; a second call while one runs waits for it. */
  sweepAndSend(): Promise<void> {
    if (!this.sweeping) {
      this.sweeping = (async () => {
        try {
          await this.sweeps.sweepAll();
          await this.digests.sweep();
        } catch (error) {
          this.logger.error(`Reminder sweep failed: ${(error as Error).stack ?? String(error)}`);
        }
        await this.send();
      })().finally(() => (this.sweeping = null));
    }
    return this.sweeping;
  }

  private async send(): Promise<void> {
    try {
      await this.sender.deliverDue();
    } catch (error) {
      this.logger.error(`Delivery run failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
