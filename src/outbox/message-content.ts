import { renderReminder } from '../reminders/reminder-messages.js';
import type { ReminderContent } from '../reminders/reminder-types.js';
import { DeliveryError } from './delivery.js';
import type { OutboxMessage } from './outbox-message.entity.js';

/** A reminder's content as the outbox keeps it. */
export function storedContent(content: ReminderContent): string {
  return JSON.stringify(content);
}

/** What a message kept as content says, in the forms its channel takes: HTML for email, markdown for a robot. */
export function renderContent(message: Pick<OutboxMessage, 'id' | 'channel' | 'content'>): Pick<OutboxMessage, 'text' | 'html' | 'markdown'> {
  let content: ReminderContent;
  try {
    content = JSON.parse(message.content ?? '') as ReminderContent;
  } catch (error) {
    // Sending it again cannot help: the sender gives it up at once, saying why.
    throw new DeliveryError(`Message ${message.id}: its stored content is not JSON (${(error as Error).message})`, true);
  }
  const email = message.channel === 'email';
  const { text, html, markdown } = renderReminder(content, message.channel);
  return { text, html: email ? html : null, markdown: email ? null : markdown };
}

/** The message as it is sent and shown: one kept as content gets its text, HTML and markdown, and the content stays inside. */
export function rendered(message: OutboxMessage): OutboxMessage {
  if (message.content === null || message.content === undefined) return message;
  const { content: _content, ...rest } = message;
  return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as OutboxMessage, rest, renderContent(message));
}
