import { maskWebhook } from './webhook-transport.js';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { ConflictError, NotFoundError } from '../common/domain-error.js';
import type { Page } from '../common/pagination.js';
import { Clock } from '../common/clock.js';
import type { Channel } from '../units/unit-contact.entity.js';
import { insertRows } from '../database/insert-rows.js';
import { OutboxEntry } from './outbox-entry.entity.js';
import { keepBodies, type SharedBody, withBodies } from './outbox-bodies.js';
import { rendered } from './message-content.js';
import { type MessageRule, type MessageStatus, OutboxMessage } from './outbox-message.entity.js';
import { type EntryKey, entryKeyString } from './entry-key.js';


/** A message to write, with the keys it covers. */
export interface NewMessage {
  planId: number | null;
  rule: MessageRule;
  channel: Channel;
  recipient: string;
  recipientName: string;
  unitId: number | null;
  sendDate: string;
  subject: string;
  text: string;
  html: string | null;
  markdown: string | null;
  /** A reminder's content, kept instead of its text, html and markdown (message-content.ts); those are empty then. */
  content?: string;
  /** What this message shares word for word with others, after its own text, html and markdown (kept once). */
  shared?: SharedBody;
  /** How many things it lists (default: its keys). */
  itemCount?: number;
  entries: EntryKey[];
}

export interface OutboxQuery {
  status?: MessageStatus;
  rule?: MessageRule;
  sendDate?: string;
  limit: number;
  offset: number;
}

const CHUNK = 400;

/**
 * The outbox: every message is written here first, under its unique keys, and only then delivered.
 * A key that exists is never written again, so two sweeps, two instances or a restart produce each message once.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Which of these keys are in the outbox already. */
  async taken(keys: EntryKey[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const found = new Set<string>();
    const recipients = [...new Set(keys.map((k) => k.recipient))];
    const dates = [...new Set(keys.map((k) => k.sendDate))];
    const rules = [...new Set(keys.map((k) => k.rule))];
    for (let i = 0; i < recipients.length; i += CHUNK) {
      const rows = await manager.find(OutboxEntry, {
        where: { recipient: In(recipients.slice(i, i + CHUNK)), sendDate: In(dates), rule: In(rules) },
        select: { id: true, rule: true, itemType: true, itemId: true, milestoneId: true, recipient: true, sendDate: true },
      });
      for (const row of rows) found.add(entryKeyString(row));
    }
    return found;
  }

  /**
   * Writes the messages and their keys in one transaction. A key written meanwhile by another instance makes the
   * unique index refuse the whole transaction: nothing is half-written, and the caller sweeps again.
   */
  async write(messages: NewMessage[], manager?: EntityManager): Promise<number> {
    if (!messages.length) return 0;
    const run = async (m: EntityManager) => {
      const now = this.clock.now();
      const bodyIds = await keepBodies(
        m,
        messages.map((message) => message.shared),
      );
      const ids = await insertRows(
        m,
        OutboxMessage,
        messages.map(({ entries, shared: _shared, itemCount, content, ...fields }, i) => ({
          ...fields,
          content: content ?? null,
          bodyId: bodyIds[i],
          itemCount: itemCount ?? entries.length,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
        })),
      );
      await insertRows(
        m,
        OutboxEntry,
        messages.flatMap((message, i) => message.entries.map((entry) => ({ ...entry, messageId: ids[i] }))),
      );
      return messages.length;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async list(planId: number | null, query: OutboxQuery): Promise<Page<OutboxMessage>> {
    const where = {
      ...(planId !== null ? { planId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.rule ? { rule: query.rule } : {}),
      ...(query.sendDate ? { sendDate: query.sendDate } : {}),
    };
    const [items, total] = await this.dataSource.getRepository(OutboxMessage).findAndCount({
      where,
      order: { id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: (await withBodies(this.dataSource.manager, items)).map((m) => shown(rendered(m))), total };
  }

  async get(planId: number | null, id: number): Promise<OutboxMessage> {
    const message = await this.dataSource.getRepository(OutboxMessage).findOneBy({ id, ...(planId !== null ? { planId } : {}) });
    if (!message) throw new NotFoundError('消息', id);
    const [full] = await withBodies(this.dataSource.manager, [message]);
    return shown(rendered(full));
  }

  /** Sends one message again: a failed one, or a sent one someone did not get. One being sent now is left alone. */
  async resend(planId: number | null, id: number, actor: Actor): Promise<OutboxMessage> {
    const message = await this.get(planId, id);
    if (message.status === 'sending') throw new ConflictError(`消息 ${id} 正在发送中，请稍后再试`);
    await this.dataSource
      .getRepository(OutboxMessage)
      .update({ id }, { status: 'pending', attempts: 0, nextAttemptAt: this.clock.now(), lastError: null });
    this.logger.log(`Message ${id} (${message.rule} to ${message.channel}) queued again by ${actor.username}`);
    return this.get(planId, id);
  }
}

/** A message as the API shows it: a robot's webhook key cut short, as in the contacts list. */
function shown(message: OutboxMessage): OutboxMessage {
  return message.channel === 'email' ? message : { ...message, recipient: maskWebhook(message.recipient) };
}
