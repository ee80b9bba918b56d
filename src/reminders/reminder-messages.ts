import { escapeHtml, fitMarkdown, formatDate, htmlLine, htmlPage, markdownLine, textLine } from './message-format.js';
import type { ItemLine, ReminderContent, RenderedMessage } from './reminder-types.js';

const AUDIENCE: Record<ReminderContent['audience'], string> = {
  liaison: '联络员',
  head: '负责人',
  leader: '分管领导',
  group: '工作群',
  office: '无废办',
};

function subjectOf(c: ReminderContent, lead: ItemLine[]): string {
  const n = c.items.length;
  const who = c.unitName;
  switch (c.rule) {
    case 'before': {
      const dues = [...new Set(c.items.map((l) => l.dueDate).filter((d): d is string => d !== null))].sort();
      const first = dues[0] ? formatDate(dues[0]) : '';
      return `【清单提醒】${who}：${n}项事项将于${first}${dues.length > 1 ? '等' : ''}到期（还有${c.daysBefore ?? c.items[0]?.daysLeft ?? 0}天）`;
    }
    case 'due': {
      const today = c.items.every((l) => l.dueDate === c.date);
      const due = c.items[0]?.dueDate;
      return today || !due ? `【清单提醒】${who}：${n}项事项今日到期` : `【清单提醒】${who}：${n}项事项将于${formatDate(due)}到期`;
    }
    case 'overdue':
      return `【催办】${who}：${n}项事项已逾期（最长${Math.max(...c.items.map((l) => l.daysOverdue))}天）`;
    case 'escalation':
      return `【逾期督办】${who}：${n}项事项逾期超过${Math.min(...c.items.map((l) => l.daysOverdue))}天`;
    case 'monthly_call':
      return `【进展填报】${who}：请填报本月进展（${lead.length || n}项）`;
    case 'nudge':
      return `【填报提醒】${who}本月尚未填报进展`;
  }
}

function introOf(c: ReminderContent): string {
  switch (c.rule) {
    case 'before':
      return `以下事项的时限临近，请抓紧推进，按时完成后在清单系统中填报进展并上传佐证材料。`;
    case 'due':
      return `以下事项已到截止日期，请确认完成情况并及时填报。`;
    case 'overdue':
      return `以下事项已超过时限仍未销号，请督促落实，并在清单系统中说明进展和预计完成时间；确需延期的，请提交延期申请。`;
    case 'escalation':
      return `以下事项逾期已久，按催办规则抄报分管领导和无废办，请协调推进。`;
    case 'monthly_call':
      return `请于本月底前在清单系统中填报以下事项的本月进展（完成情况、数量、佐证材料）。`;
    case 'nudge':
      return `本轮进展填报通知发出后，贵单位尚未填报。请尽快填报以下牵头事项的进展。`;
  }
}

/** A reminder (催办) in plain text, HTML and robot markdown. Lead items first; supported ones under "配合事项（抄送）". */
export function renderReminder(c: ReminderContent): RenderedMessage {
  const lead = c.items.filter((l) => l.role !== 'support');
  const support = c.items.filter((l) => l.role === 'support');
  const subject = subjectOf(c, lead);
  const greeting = `${c.recipientName || c.unitName}${c.recipientName ? '' : AUDIENCE[c.audience]}：您好！`;
  const intro = introOf(c);
  const footer = `此邮件由清单系统根据${c.planName}的催办规则自动发送（${formatDate(c.date)}），请勿直接回复。如有疑问请联系无废办。`;
  const leadTitle = support.length && lead.length ? `牵头事项（${lead.length}项）` : '';
  const supportTitle = `配合事项（抄送，${support.length}项）`;

  const text = [
    greeting,
    '',
    intro,
    '',
    ...(leadTitle ? [leadTitle] : []),
    ...lead.map((l) => textLine(l)),
    ...(support.length ? ['', supportTitle, ...support.map((l) => textLine(l))] : []),
    '',
    `本单位全部事项：${c.unitLink}`,
    '',
    footer,
  ].join('\n');

  const html = htmlPage(
    subject,
    `<p style="margin:0 0 12px">${escapeHtml(greeting)}</p><p style="margin:0 0 12px">${escapeHtml(intro)}</p>` +
      (leadTitle ? `<h3 style="font-size:16px;margin:16px 0 4px">${escapeHtml(leadTitle)}</h3>` : '') +
      lead.map((l) => htmlLine(l)).join('') +
      (support.length ? `<h3 style="font-size:16px;margin:16px 0 4px">${escapeHtml(supportTitle)}</h3>${support.map((l) => htmlLine(l)).join('')}` : '') +
      `<p style="margin:16px 0 0"><a href="${escapeHtml(c.unitLink)}" style="color:#1a73e8">查看本单位全部事项</a></p>` +
      `<p style="color:#888;font-size:13px;margin-top:16px">${escapeHtml(footer)}</p>`,
  );

  const markdown = fitMarkdown(
    [`**${subject}**`, intro],
    [...(leadTitle ? [`**${leadTitle}**`] : []), ...lead.map(markdownLine), ...(support.length ? [`**${supportTitle}**`, ...support.map(markdownLine)] : [])],
    [`[本单位全部事项](${c.unitLink})`],
  );
  return { subject, text, html, markdown };
}
