import {
  escapeHtml,
  fitMarkdown,
  formatDate,
  htmlHeading,
  htmlLine,
  htmlPage,
  htmlParagraph,
  type LineOptions,
  markdownLine,
  markdownText,
  textLine,
} from './message-format.js';
import type { ItemLine, ReminderContent, RenderedMessage } from './reminder-types.js';
import type { Channel } from '../units/unit-contact.entity.js';
import { itemKey } from '../status/derive-statuses.js';

/** How a recipient without a name is greeted. */
function greetingOf(c: ReminderContent): string {
  if (c.recipientName) return `${c.recipientName}：您好！`;
  const suffix = { liaison: '联络员', head: '负责人', leader: '分管领导', group: '工作群', office: '' }[c.audience];
  return c.audience === 'office' ? '无废办：您好！' : `${c.unitName}${suffix}：您好！`;
}

function earliestDue(items: ItemLine[]): { date: string | null; more: boolean } {
  const dues = [...new Set(items.map((l) => l.dueDate).filter((d): d is string => d !== null))].sort();
  return { date: dues[0] ?? null, more: dues.length > 1 };
}

/** "将于2025年12月31日等到期" / "今日到期". */
function whenDue(c: ReminderContent): string {
  const { date, more } = earliestDue(c.items);
  if (date === null) return '即将到期';
  if (date === c.date && !more) return '今日到期';
  return `将于${formatDate(date)}${more ? '等' : ''}到期`;
}

function daysLeft(c: ReminderContent): number {
  const dated = c.items.filter((l) => l.dueDate !== null);
  return dated.length ? Math.min(...dated.map((l) => l.daysLeft)) : (c.daysBefore ?? 0);
}

/** How many items (事项) the lines are about: an item with several milestones due or overdue has a line for each. */
const itemCount = (lines: ItemLine[]) => new Set(lines.map((l) => itemKey(l.itemType, l.itemId))).size;

const maxOverdue = (c: ReminderContent) => Math.max(0, ...c.items.map((l) => l.daysOverdue));
const minOverdue = (c: ReminderContent) => (c.items.length ? Math.min(...c.items.map((l) => l.daysOverdue)) : 0);

function subjectOf(c: ReminderContent, lead: ItemLine[]): string {
  const n = itemCount(c.items);
  const who = c.unitName;
  switch (c.rule) {
    case 'before':
      return `【清单提醒】${who}：${n}项事项${whenDue(c)}（还有${daysLeft(c)}天）`;
    case 'due':
      return `【清单提醒】${who}：${n}项事项${whenDue(c)}`;
    case 'overdue':
      return `【催办】${who}：${n}项事项已逾期（最长${maxOverdue(c)}天）`;
    case 'escalation':
      return `【逾期督办】${who}：${n}项事项逾期超过${minOverdue(c)}天`;
    case 'monthly_call': {
      const unsigned = itemCount(c.items.filter((l) => l.unsigned));
      return `【进展填报】${who}：请填报本月进展（${itemCount(lead) || n}项）${unsigned ? `，${unsigned}项请签收` : ''}`;
    }
    case 'nudge':
      return `【填报提醒】${who}本月尚未填报进展`;
  }
}

/** One sentence: what the message is about and why the recipient hears. */
function introOf(c: ReminderContent): string {
  switch (c.rule) {
    case 'before':
      return `以下事项${whenDue(c)}（还有${daysLeft(c)}天），请抓紧推进，确保按期完成。`;
    case 'due':
      return `以下事项${whenDue(c)}，请确认完成情况：已完成的请提交完成报告和佐证材料，不能按期完成的请说明原因并申请延期。`;
    case 'overdue':
      return `以下事项已超过时限仍未完成（最长逾期${maxOverdue(c)}天），请加快推进，说明进展和预计完成时间；确需延期的请提交延期申请。`;
    case 'escalation':
      return c.audience === 'office'
        ? `${c.unitName}牵头的以下事项逾期已超过${minOverdue(c)}天，按催办规则抄报无废办，请协调督办。`
        : `${c.unitName}牵头的以下事项逾期已超过${minOverdue(c)}天，按催办规则报请分管领导督促推进。`;
    case 'monthly_call': {
      const unsigned = c.items.filter((l) => l.unsigned).length;
      const sign = unsigned ? `其中标有“【请签收】”的${unsigned}项贵单位尚未签收，请先打开事项链接签收，表示已接收任务。` : '';
      return `本月进展填报已开始，请为以下事项填报本月进展（完成情况、完成数量和佐证材料）。${sign}`;
    }
    case 'nudge':
      return `本月进展填报通知发出后，${c.unitName}尚未填报任何进展，请尽快为以下牵头事项填报。`;
  }
}

/** How to act on it, and who sends it. */
function closingOf(c: ReminderContent): { act: string; sender: string } {
  const act =
    c.audience === 'leader' || c.audience === 'office'
      ? '请督促责任单位登录清单系统填报进展，点击事项编号或链接可查看详情。'
      : '请登录清单系统填报进展（点击事项链接即可填报）。';
  const sender = `本消息由清单系统代${c.planName}无废办于${formatDate(c.date)}自动发送，请勿直接回复；如有疑问请联系无废办。`;
  return { act, sender };
}

/** A reminder's subject line alone (the outbox keeps it beside the content). */
export function reminderSubject(c: ReminderContent): string {
  return subjectOf(
    c,
    c.items.filter((l) => l.role !== 'support'),
  );
}

/**
 * A reminder (催办) in plain text, HTML and robot markdown. Lead items first; supported ones under "配合事项（抄送）".
 * For one channel only its body is rendered (email: HTML; a robot: markdown) and the other is left empty.
 */
export function renderReminder(c: ReminderContent, channel?: Channel): RenderedMessage {
  const lead = c.items.filter((l) => l.role !== 'support');
  const support = c.items.filter((l) => l.role === 'support');
  const subject = subjectOf(c, lead);
  const greeting = greetingOf(c);
  const intro = introOf(c);
  const { act, sender } = closingOf(c);
  // A unit reading about its own lead items needs no "牵头：" on each; leaders and the office do.
  const leadOptions: LineOptions = { units: c.audience === 'leader' || c.audience === 'office' };
  const supportOptions: LineOptions = { units: true };
  const leadTitle = support.length && lead.length ? `牵头事项（${itemCount(lead)}项）` : '';
  const supportTitle = `配合事项（抄送，${itemCount(support)}项）`;
  const supportNote = '以下事项由其他单位牵头、贵单位配合，抄送供知悉，请配合牵头单位推进。';
  const unitLinkName = leadOptions.units ? '相关事项清单' : '本单位全部事项';

  const text = [
    greeting,
    '',
    intro,
    '',
    ...(leadTitle ? [leadTitle] : []),
    ...lead.map((l) => textLine(l, leadOptions)),
    ...(support.length ? ['', supportTitle, supportNote, ...support.map((l) => textLine(l, supportOptions))] : []),
    '',
    act,
    `${unitLinkName}：${c.unitLink}`,
    '',
    sender,
  ].join('\n');

  const html =
    channel !== undefined && channel !== 'email'
      ? ''
      : htmlPage(
          subject,
          htmlParagraph(greeting) +
            htmlParagraph(intro) +
            (leadTitle ? htmlHeading(leadTitle) : '') +
            lead.map((l) => htmlLine(l, leadOptions)).join('') +
            (support.length
              ? htmlHeading(supportTitle) +
                htmlParagraph(supportNote, 'color:#555555;font-size:14px') +
                support.map((l) => htmlLine(l, supportOptions)).join('')
              : '') +
            `<p style="margin:16px 0 8px">${escapeHtml(act)}</p>` +
            `<p style="margin:0 0 12px"><a href="${escapeHtml(c.unitLink)}" style="color:#1a73e8">查看${unitLinkName}</a></p>` +
            `<p style="color:#888888;font-size:13px;margin:16px 0 0">${escapeHtml(sender)}</p>`,
        );

  const markdown =
    channel === 'email'
      ? ''
      : fitMarkdown(
          [`**${markdownText(subject)}**`, markdownText(intro)],
          [
            ...(leadTitle ? [{ text: `**${leadTitle}**`, item: false }] : []),
            ...lead.map((l) => ({ text: markdownLine(l, leadOptions), item: true })),
            ...(support.length
              ? [{ text: `**${supportTitle}**`, item: false }, ...support.map((l) => ({ text: markdownLine(l, supportOptions), item: true }))]
              : []),
          ],
          [markdownText(act), `[${unitLinkName}](${c.unitLink})`, `> 清单系统代无废办自动发送`],
        );
  return { subject, text, html, markdown };
}
