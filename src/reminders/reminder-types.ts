import type { ItemType } from '../common/item-type.js';
import type { MessageRule } from '../outbox/outbox-message.entity.js';
import type { Light, Status } from '../status/status.js';

/** One item (and milestone) as a message lists it. */
export interface ItemLine {
  itemType: ItemType;
  itemId: number;
  /** 0 when the line is about the item as a whole. */
  milestoneId: number;
  /** "任务11", "项目3", "指标2": how people refer to it. */
  code: string;
  /** The item's name or the start of its content, at most ~60 characters. */
  title: string;
  /** The recipient's unit leads (牵头) or supports (配合) it; null in leader digests. */
  role: 'lead' | 'support' | null;
  leadUnits: string[];
  /** The deadline that stands, and the phrase as written ("2025年底前"). */
  dueDate: string | null;
  phrase: string;
  /** Days past the due date (> 0 when overdue), else 0. */
  daysOverdue: number;
  /** Days until the due date (>= 0 when not yet due), else 0. */
  daysLeft: number;
  status: Status;
  light: Light;
  percent: number | null;
  /** The day it was closed out (digest: closed in the past week). */
  closedOn: string | null;
  /** Absolute link to the item, built from PUBLIC_URL. */
  link: string;
  /** Leaders' instructions (批示) on the item the recipient has not heard of yet (unit messages only), oldest first. */
  instructions?: InstructionNote[];
  /** More instructions than are listed (only the latest few are). */
  moreInstructions?: number;
  /** The recipient's unit has not signed for (签收) the item yet (monthly call only). */
  unsigned?: boolean;
}

/** A leader's instruction (批示) as a message shows it. */
export interface InstructionNote {
  date: string;
  author: string;
  content: string;
}

export type ReminderRule = Exclude<MessageRule, 'digest' | 'signature'>;

/** Everything a reminder (催办) message says, for one recipient on one date. */
export interface ReminderContent {
  rule: ReminderRule;
  planName: string;
  unitName: string;
  /** The person or group addressed ("王联络", "区经济信息委工作群"); may be empty. */
  recipientName: string;
  /** Why this recipient hears: liaison, head, leader (分管领导), group (chat), office (无废办). */
  audience: 'liaison' | 'head' | 'leader' | 'group' | 'office';
  /** The calendar date it is sent for. */
  date: string;
  /** For 'before': how many days ahead this reminder is. */
  daysBefore: number | null;
  items: ItemLine[];
  /** Link to the unit's own list of items (责任清单 view). */
  unitLink: string;
}

/** One list's count and traffic lights in a digest. */
export interface ListSummary {
  itemType: ItemType;
  total: number;
  red: number;
  yellow: number;
  green: number;
  grey: number;
  closed: number;
}

/** One plan's part of a leader's weekly digest (逾期周报). */
export interface DigestSection {
  planName: string;
  planLink: string;
  /** Every overdue item, grouped by its (first) lead unit, most overdue first. */
  overdueByUnit: { unitName: string; items: ItemLine[] }[];
  /** Overdue now but not on the previous digest's date. */
  newlyOverdue: ItemLine[];
  /** Due within the next dueSoonDays days. */
  dueSoon: ItemLine[];
  /** Closed out (销号) in the past seven days. */
  closedLastWeek: ItemLine[];
  /** Items given a leader's instruction (批示) in the past seven days, each line with those instructions. */
  instructed: ItemLine[];
  summary: ListSummary[];
}

export interface DigestContent {
  leaderName: string;
  /** The date of the digest and the Monday of its week. */
  date: string;
  weekStart: string;
  /** The date the "newly overdue" list compares with (the previous digest's date). */
  since: string;
  dueSoonDays: number;
  sections: DigestSection[];
}

/** A message in the three forms the channels need. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** WeCom / DingTalk markdown (kept under the robots' 4096-byte limit). */
  markdown: string;
}
