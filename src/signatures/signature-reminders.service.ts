import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { ValidationFailedError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { type EntryKey, entryKeyString } from '../outbox/entry-key.js';
import { type NewMessage, OutboxService } from '../outbox/outbox.service.js';
import { SenderService } from '../outbox/sender.service.js';
import { Plan } from '../plans/plan.entity.js';
import { itemLink, myListLink } from '../reminders/app-links.js';
import { escapeHtml, fitMarkdown, formatDate, htmlPage, htmlParagraph, markdownText } from '../reminders/message-format.js';
import { type Recipient, recipientKey, unitRecipients } from '../reminders/recipients.js';
import { UnitContact } from '../units/unit-contact.entity.js';
import { Unit } from '../units/unit.entity.js';
import type { RemindSignaturesDto } from './signature.dto.js';
import { type SignatureRow, SignaturesService } from './signatures.service.js';

/** What one click on "提醒签收" did, unit by unit. */
export interface SignatureReminderResult {
  date: string;
  /** Messages written to the outbox now. */
  queued: number;
  units: {
    unit: { id: number; name: string };
    unsigned: number;
    /** Recipients written to now. */
    queued: number;
    /** Recipients already reminded of every one of these items today (nothing written again). */
    alreadyToday: number;
  }[];
  /** Units with items to sign for but no liaison email, contact or chat group to send to. */
  unreachable: { id: number; name: string }[];
}

/**
 * The office reminds the units that have not signed for (签收) their items: one message per unit and recipient
 * (liaison, liaison contacts, chat groups), through the outbox. Each (item, recipient, day) is a key of the outbox:
 * a second click the same day writes nothing again, and the sender delivers each message once.
 */
@Injectable()
export class SignatureRemindersService {
  private readonly logger = new Logger('SignatureReminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly signatures: SignaturesService,
    private readonly outbox: OutboxService,
    private readonly sender: SenderService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async remind(planId: number, actor: Actor, dto: RemindSignaturesDto): Promise<SignatureReminderResult> {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const today = this.clock.today(plan.timeZone);
    const { items } = await this.signatures.list(planId, actor, { signed: false });
    const byUnit = new Map<number, SignatureRow[]>();
    for (const row of items) byUnit.set(row.unit.id, [...(byUnit.get(row.unit.id) ?? []), row]);
    if (dto.unitIds?.length) {
      const unknown = dto.unitIds.filter((id) => !byUnit.has(id));
      if (unknown.length) {
        throw new ValidationFailedError([
          { field: 'unitIds', value: unknown, message: `单位 ${unknown.join('、')} 没有待签收的事项（或不是本方案的责任单位），无需提醒` },
        ]);
      }
      for (const id of [...byUnit.keys()]) if (!dto.unitIds.includes(id)) byUnit.delete(id);
    }
    const unitIds = [...byUnit.keys()];
    const [units, contacts] = await Promise.all([
      unitIds.length ? this.dataSource.manager.find(Unit, { where: { id: In(unitIds), planId } }) : Promise.resolve([] as Unit[]),
      this.dataSource.manager.find(UnitContact, { where: { planId }, order: { id: 'ASC' } }),
    ]);
    const unitOf = new Map(units.map((u) => [u.id, u]));
    const result: SignatureReminderResult = { date: today, queued: 0, units: [], unreachable: [] };
    const drafts: { recipient: Recipient; rows: SignatureRow[]; unit: Unit }[] = [];
    for (const [unitId, rows] of byUnit) {
      const unit = unitOf.get(unitId);
      if (!unit) continue;
      const to = unitRecipients(
        unit,
        contacts.filter((c) => c.unitId === unitId),
        'liaison',
      );
      if (!to.length) result.unreachable.push({ id: unit.id, name: unit.name });
      for (const recipient of to) drafts.push({ recipient, rows, unit });
    }
    const keysOf = (d: (typeof drafts)[number]): EntryKey[] =>
      d.rows.map((r) => ({ rule: 'signature', itemType: r.itemType, itemId: r.itemId, milestoneId: 0, recipient: recipientKey(d.recipient), sendDate: today }));
    const written = await this.dataSource.transaction(async (manager) => {
      const taken = await this.outbox.taken(drafts.flatMap(keysOf), manager);
      const messages: NewMessage[] = [];
      const counts = new Map<number, { queued: number; alreadyToday: number }>();
      for (const d of drafts) {
        const count = counts.get(d.unit.id) ?? { queued: 0, alreadyToday: 0 };
        counts.set(d.unit.id, count);
        const keys = keysOf(d).filter((k) => !taken.has(entryKeyString(k)));
        if (!keys.length) {
          count.alreadyToday++;
          continue;
        }
        const rows = d.rows.filter((r) => keys.some((k) => k.itemType === r.itemType && k.itemId === r.itemId));
        count.queued++;
        messages.push({
          planId,
          rule: 'signature',
          channel: d.recipient.channel,
          recipient: d.recipient.address,
          recipientName: d.recipient.name.slice(0, 100),
          unitId: d.unit.id,
          sendDate: today,
          ...this.render(plan, d.unit, d.recipient, rows, today),
          entries: keys,
        });
      }
      await this.outbox.write(messages, manager);
      return { count: messages.length, counts };
    });
    result.queued = written.count;
    for (const [unitId, rows] of byUnit) {
      const unit = unitOf.get(unitId);
      if (!unit) continue;
      const count = written.counts.get(unitId) ?? { queued: 0, alreadyToday: 0 };
      result.units.push({ unit: { id: unit.id, name: unit.name }, unsigned: rows.length, ...count });
    }
    this.logger.log(`Plan ${planId}: ${written.count} 签收 reminder(s) queued by ${actor.username} for ${result.units.length} unit(s)`);
    // Delivered now rather than at the scheduler's next minute; a slow mail server does not hold the answer.
    if (written.count) void this.sender.deliverDue().catch((error: Error) => this.logger.error(`Delivery after 签收 reminders failed: ${error.message}`));
    return result;
  }

  private render(plan: Plan, unit: Unit, recipient: Recipient, rows: SignatureRow[], today: string) {
    const subject = `【签收提醒】${unit.name}：${rows.length}项事项尚未签收`;
    const greeting = recipient.name ? `${recipient.name}：您好！` : `${unit.name}${recipient.audience === 'group' ? '工作群' : '联络员'}：您好！`;
    const intro = `${plan.name}中由贵单位牵头或配合的以下${rows.length}项事项尚未签收。请登录清单系统，打开事项链接点击“签收”，表示已接收任务。`;
    const role = (r: SignatureRow) => (r.role === 'lead' ? '牵头' : '配合');
    const link = (r: SignatureRow) => itemLink(this.config.publicUrl, plan.id, r.itemType, r.itemId);
    const mine = myListLink(this.config.publicUrl, plan.id);
    const sender = `本消息由清单系统代${plan.name}无废办于${formatDate(today)}发送，请勿直接回复；如有疑问请联系无废办。`;
    const text = [
      greeting,
      '',
      intro,
      '',
      ...rows.map((r) => `· ${r.code}（${role(r)}）${r.title}\n  ${link(r)}`),
      '',
      `本单位全部事项：${mine}`,
      '',
      sender,
    ].join('\n');
    const html = htmlPage(
      subject,
      htmlParagraph(greeting) +
        htmlParagraph(intro) +
        `<ul style="padding-left:20px;margin:0 0 12px">${rows.map((r) => `<li style="margin-bottom:6px"><a href="${escapeHtml(link(r))}">${escapeHtml(r.code)}</a>（${role(r)}）${escapeHtml(r.title)}</li>`).join('')}</ul>` +
        `<p style="margin:0 0 12px"><a href="${escapeHtml(mine)}">本单位全部事项</a></p>` +
        htmlParagraph(sender, 'color:#888888;font-size:13px'),
    );
    const markdown = fitMarkdown(
      [`**${markdownText(subject)}**`, '', markdownText(intro)],
      rows.map((r) => ({ text: `- [${markdownText(r.code)}](${link(r)}) ${markdownText(r.title)}`, item: true })),
      ['', `[本单位全部事项](${mine})`],
    );
    return {
      subject: subject.slice(0, 300),
      text,
      html: recipient.channel === 'email' ? html : null,
      markdown: recipient.channel === 'email' ? null : markdown,
    };
  }
}
