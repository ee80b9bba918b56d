import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DeliveryError } from './delivery.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { Transports } from './transports.js';

/** Minutes to wait before attempt n+1 after n failed ones: 1, 5, 15, 60, 180, then every 6 hours. */
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360];

export function backoffMinutes(attempts: number): number {
  return BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? BACKOFF_MINUTES[0];
}

export interface DeliveryRun {
  sent: number;
  retrying: number;
  failed: number;
}

const BATCH = 50;

/**
 * Delivers what the outbox holds. Each message is claimed (pending → sending) before the attempt, so two
 * senders never send one message; a transient failure waits with backoff, a permanent one (or the last
 * attempt) marks it failed with the reason. Nothing leaves the outbox unsent without saying why.
 */
@Injectable()
export class SenderService {
  private readonly logger = new Logger(SenderService.name);
  private running: Promise<DeliveryRun> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transports: Transports,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Messages left "sending" by a stop mid-attempt go back to pending: better sent again (same Message-ID) than lost. */
  async recover(): Promise<number> {
    const result = await this.dataSource.getRepository(OutboxMessage).update({ status: 'sending' }, { status: 'pending', nextAttemptAt: this.clock.now() });
    const count = result.affected ?? 0;
    if (count) this.logger.warn(`${count} message(s) were being sent when the service stopped; they will be attempted again`);
    return count;
  }

  /** Delivers every message that is due now; one run at a time (a second call waits for the first). */
  deliverDue(): Promise<DeliveryRun> {
    if (!this.running) this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<DeliveryRun> {
    const totals: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
    const repo = this.dataSource.getRepository(OutboxMessage);
    const tried = new Set<number>();
    for (;;) {
      const now = this.clock.now();
      const due = await repo.find({
        where: [
          { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
          { status: 'pending', nextAttemptAt: IsNull() },
        ],
        order: { id: 'ASC' },
        take: BATCH,
      });
      const fresh = due.filter((m) => !tried.has(m.id));
      if (!fresh.length) break;
      for (const message of fresh) {
        tried.add(message.id);
        const claimed = await repo.update({ id: message.id, status: 'pending' }, { status: 'sending', attempts: message.attempts + 1 });
        if (!claimed.affected) continue;
        totals[await this.attempt(message, message.attempts + 1)]++;
      }
    }
    if (totals.sent || totals.retrying || totals.failed) {
      this.logger.log(`Delivery: ${totals.sent} sent, ${totals.retrying} to retry, ${totals.failed} failed`);
    }
    return totals;
  }

  private async attempt(message: OutboxMessage, attempts: number): Promise<keyof DeliveryRun> {
    const repo = this.dataSource.getRepository(OutboxMessage);
    try {
      const receipt = await this.transports.send({
        id: message.id,
        channel: message.channel,
        recipient: message.recipient,
        recipientName: message.recipientName,
        subject: message.subject,
        text: message.text,
        html: message.html,
        markdown: message.markdown,
        date: this.clock.now(),
      });
      await repo.update({ id: message.id }, { status: 'sent', sentAt: this.clock.now(), deliveredTo: receipt.deliveredTo.slice(0, 500), lastError: null, nextAttemptAt: null });
      return 'sent';
    } catch (error) {
      const permanent = error instanceof DeliveryError ? error.permanent : false;
      const reason = error instanceof Error ? error.message : String(error);
      const giveUp = permanent || attempts >= this.config.deliveryMaxAttempts;
      const next = giveUp ? null : new Date(this.clock.now().getTime() + backoffMinutes(attempts) * 60_000);
      await repo.update({ id: message.id }, { status: giveUp ? 'failed' : 'pending', lastError: reason.slice(0, 2000), nextAttemptAt: next });
      const what = `Message ${message.id} (${message.rule}, ${message.channel}) attempt ${attempts}`;
      if (giveUp) this.logger.error(`${what} failed for good: ${reason}`);
      else this.logger.warn(`${what} failed, retrying at ${next!.toISOString()}: ${reason}`);
      return giveUp ? 'failed' : 'retrying';
    }
  }
}
