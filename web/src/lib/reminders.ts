// The reminder pages in Chinese: rule and status names, weekdays, and the checks of the settings form.

export type MessageRule = 'before' | 'due' | 'overdue' | 'escalation' | 'monthly_call' | 'nudge' | 'digest' | 'signature';
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'failed';

export const RULE_NAMES: Record<string, string> = {
  before: '到期前提醒',
  due: '到期当日提醒',
  overdue: '逾期催办',
  escalation: '逾期上报领导',
  monthly_call: '月度填报通知',
  nudge: '未填报催报',
  digest: '领导逾期周报',
  signature: '签收提醒',
};

export const MESSAGE_STATUS_NAMES: Record<MessageStatus, { name: string; tag: 'info' | 'warning' | 'success' | 'danger' }> = {
  pending: { name: '待发送', tag: 'info' },
  sending: { name: '发送中', tag: 'warning' },
  sent: { name: '已发送', tag: 'success' },
  failed: { name: '发送失败', tag: 'danger' },
};

export const CHANNEL_NAMES: Record<string, string> = { email: '邮件', wecom: '企业微信', dingtalk: '钉钉' };

export const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? rule;
}

/** A message in the outbox as the API lists it (src/outbox/outbox-message.entity.ts). */
export interface OutboxMessage {
  id: number;
  planId: number | null;
  rule: string;
  channel: string;
  recipient: string;
  recipientName: string;
  unitId: number | null;
  sendDate: string;
  subject: string;
  text: string;
  itemCount: number;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
}

/** A sent message can be sent again (someone did not get it), a failed one too; one pending or sending cannot. */
export function canResend(message: Pick<OutboxMessage, 'status'>): boolean {
  return message.status === 'failed' || message.status === 'sent';
}

/** The plan's reminder rules (GET/PUT /plans/:planId/reminders/settings): the service's own type. */
export type { ReminderSettingsView as ReminderSettings } from '../../../src/reminders/reminder-settings.service.js';
import type { ReminderSettingsView as ReminderSettings } from '../../../src/reminders/reminder-settings.service.js';

/** "30，7, 1" (Chinese or ASCII commas, spaces) → [30, 7, 1]; null when a part is not a whole number of days 1-366. */
export function parseBeforeDays(text: string): number[] | null {
  const parts = text
    .split(/[,，、\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  const days = parts.map(Number);
  if (days.some((d) => d < 1 || d > 366)) return null;
  return [...new Set(days)].sort((a, b) => b - a);
}

/** What is wrong with the form before it is sent, by field (the service checks the same and names the field). */
export function settingsProblems(form: { beforeDaysText: string; sendTime: string; digestTime: string; nudgeAfterDays: number }): Record<string, string> {
  const problems: Record<string, string> = {};
  const days = parseBeforeDays(form.beforeDaysText);
  if (days === null) problems.beforeDays = '请填写1到366之间的天数，用逗号分开，如 30，7，1';
  else if (days.length > 10) problems.beforeDays = '最多填写10个提前天数';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.sendTime)) problems.sendTime = '请按 HH:MM 填写，如 09:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.digestTime)) problems.digestTime = '请按 HH:MM 填写，如 09:00';
  if (!Number.isInteger(form.nudgeAfterDays) || form.nudgeAfterDays < 0 || form.nudgeAfterDays > 27) problems.nudgeAfterDays = '请填写0到27之间的整数';
  return problems;
}

/** One line of the settings in words, as the office reads it back. */
export function describeSettings(s: ReminderSettings): string {
  if (!s.enabled) return '本方案的提醒已关闭（领导逾期周报照常发送）。';
  const before = s.beforeDays.length ? `到期前${s.beforeDays.join('、')}天提醒联络员` : '到期前不提醒';
  const due = s.onDueDay ? '，到期当日提醒' : '';
  const overdue = `；逾期的每${WEEKDAYS[s.overdueWeekday]}催办`;
  const escalate = s.escalateAfterDays > 0 ? `，逾期满${s.escalateAfterDays}天同时告知分管领导和无废办` : '';
  const monthly = s.monthlyCallDay > 0 ? `；每月${s.monthlyCallDay}日通知填报进展${s.nudgeAfterDays > 0 ? `，${s.nudgeAfterDays}天后仍未填报的再催` : ''}` : '';
  return `${before}${due}${overdue}${escalate}${monthly}；${s.sendTime}发出。领导逾期周报每${WEEKDAYS[s.digestWeekday]}${s.digestTime}发出。`;
}
