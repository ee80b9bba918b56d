import type { MessageRule } from './outbox-message.entity.js';

/** The unique key of one thing a message says. */
export interface EntryKey {
  rule: MessageRule;
  itemType: string;
  itemId: number;
  milestoneId: number;
  /** recipientKey(): channel:address */
  recipient: string;
  sendDate: string;
}

/** The key as one string: what the outbox's unique index holds. */
export function entryKeyString(k: EntryKey): string {
  return `${k.rule}|${k.itemType}|${k.itemId}|${k.milestoneId}|${k.recipient}|${k.sendDate}`;
}
