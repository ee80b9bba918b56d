import { renderReminder } from '../reminders/reminder-messages.js';
import type { ItemLine, ReminderContent } from '../reminders/reminder-types.js';
import { DeliveryError } from './delivery.js';
import type { OutboxMessage } from './outbox-message.entity.js';

/**
 * An item line's fields in the order a stored line lists them: a line is kept as an array of its values (trailing
 * empty ones left off), not an object that repeats every field's name — the names were half of a sweep's bytes.
 */
const LINE_FIELDS = [
  'itemType',
  'itemId',
  'milestoneId',
  'code',
  'title',
  'role',
  'leadUnits',
  'dueDate',
  'phrase',
  'daysOverdue',
  'daysLeft',
  'status',
  'light',
  'percent',
  'closedOn',
  'link',
  'instructions',
  'moreInstructions',
  'unsigned',
] as const satisfies readonly (keyof ItemLine)[];
/** Fields a line may lack altogether (null in the array means absent). */
const OPTIONAL = new Set<keyof ItemLine>(['instructions', 'moreInstructions', 'unsigned']);

type StoredContent = Omit<ReminderContent, 'items'> & { items: unknown[][] };

/** Item lines' stored forms: one for the messages of a plan's sweep, which share lines (every unit hearing of a milestone). */
export type StoredLines = Map<ItemLine, string>;

function storedLine(line: ItemLine, made: StoredLines): string {
  let stored = made.get(line);
  if (stored === undefined) {
    const values: unknown[] = LINE_FIELDS.map((field) => line[field] ?? null);
    while (values.length && values[values.length - 1] === null) values.pop();
    stored = JSON.stringify(values);
    made.set(line, stored);
  }
  return stored;
}

/**
 * A reminder's content as the outbox keeps it: JSON, each item line an array of its values (LINE_FIELDS), items last.
 * A line met before in `made` is not written out again.
 */
export function storedContent(content: ReminderContent, made: StoredLines = new Map()): string {
  const { items, ...rest } = content;
  // The object without its items (never empty: rule, plan, unit…), then its items appended before the closing brace.
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)},"items":[${items.map((line) => storedLine(line, made)).join(',')}]}`;
}

/** The content storedContent kept. */
export function readContent(stored: string): ReminderContent {
  const { items, ...rest } = JSON.parse(stored) as StoredContent;
  return {
    ...rest,
    items: items.map((values) => {
      const line: Record<string, unknown> = {};
      LINE_FIELDS.forEach((field, i) => {
        const value = values[i] ?? null;
        if (value !== null || !OPTIONAL.has(field)) line[field] = value;
      });
      return line as unknown as ItemLine;
    }),
  };
}

/** What a message kept as content says, in the forms its channel takes: HTML for email, markdown for a robot. */
export function renderContent(message: Pick<OutboxMessage, 'id' | 'channel' | 'content'>): Pick<OutboxMessage, 'text' | 'html' | 'markdown'> {
  let content: ReminderContent;
  try {
    content = readContent(message.content ?? '');
  } catch (error) {
    // Sending it again cannot help: the sender gives it up at once, saying why.
    throw new DeliveryError(`Message ${message.id}: its stored content cannot be read (${(error as Error).message})`, true);
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
