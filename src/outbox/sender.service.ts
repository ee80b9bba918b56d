import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DeliveryError } from './delivery.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { withBodies } from './outbox-bodies.js';
import { rendered } from './message-content.js';
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
 * How long a sender's claim on a message lasts. An attempt ends far sooner (SMTP and robot calls time out in
 * seconds); a claim older than this was left by an instance that stopped mid-attempt, and another sender takes it up.
 */
export const CLAIM_MINUTES = 10;

/**
 * Delivers what the outbox holds. Each message is claimed (pending → sending, an UPDATE conditional on it still
 * being pending, so of two senders on one database only one gets it) for CLAIM_MINUTES before the attempt; a
 * transient failure waits with backoff, a permanent one (or the last attempt) marks it failed with the reason. A
 * claim that lapsed (its sender stopped) goes back to pending at the next run of any sender. Nothing leaves the
 * outbox unsent without saying why.
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

  /**
   * Messages whose claim lapsed (a sender stopped mid-attempt) go back to pending: better sent again (same
   * Message-ID) than lost. Claims still running, another instance's, are left alone.
   */
  async recover(): Promise<number> {
    const now = this.clock.now();
    const result = await this.dataSource.getRepository(OutboxMessage).update(
      // A claim made before claims had an end (nextAttemptAt null) counts as lapsed.
      [
        { status: 'sending', nextAttemptAt: LessThanOrEqual(now) },
        { status: 'sending', nextAttemptAt: IsNull() },
      ],
      { status: 'pending', nextAttemptAt: now },
    );
    const count = result.affected ?? 0;
    if (count) this.logger.warn(`${count} message(s) were left being sent by a sender that stopped; they will be attempted again`);
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
    await this.recover();
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
      const fresh = await withBodies(
        this.dataSource.manager,
        due.filter((m) => !tried.has(m.id)),
      );
      if (!fresh.length) break;
      for (const message of fresh) {
        tried.add(message.id);
        const until = new Date(this.clock.now().getTime() + CLAIM_MINUTES * 60_000);
        const claimed = await repo.update({ id: message.id, status: 'pending' }, { status: 'sending', attempts: message.attempts + 1, nextAttemptAt: until });
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
      // A message kept as content is rendered here; one that cannot be fails with the reason, like any attempt.
      const { text, html, markdown } = rendered(message);
      const receipt = await this.transports.send({
        id: message.id,
        channel: message.channel,
        recipient: message.recipient,
        recipientName: message.recipientName,
        subject: message.subject,
        text,
        html,
        markdown,
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
