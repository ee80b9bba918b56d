/** What the deadline parser reads out of one phrase: one future milestone of an item. */
export type MilestoneKind = 'dated' | 'period' | 'recurring' | 'ongoing';

export interface MilestoneReading {
  /** Calendar date (YYYY-MM-DD) the milestone is due, in the plan's time zone; null when none (ongoing, unresolved). */
  dueDate: string | null;
  kind: MilestoneKind;
  /** Start of the period for kind 'period' (e.g. 十四五 → 2021-01-01), else null. */
  periodStart: string | null;
  /** For kind 'recurring': how often ('yearly' | 'half-yearly' | 'quarterly' | 'monthly'), else null. */
  recurrence: 'yearly' | 'half-yearly' | 'quarterly' | 'monthly' | null;
  /** The quantity the clause gives, as written ("3个", "88%"), or null. */
  quantity: string | null;
  /** The phrase exactly as written in the source text. */
  phrase: string;
  /** False when the reading needs the office to confirm it (ambiguous, or no reference date for a yearless phrase). */
  certain: boolean;
  /** Why the reading is uncertain, in Chinese for the office; null when certain. */
  note: string | null;
}
