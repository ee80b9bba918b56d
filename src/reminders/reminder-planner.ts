import type { EntryKey } from '../outbox/entry-key.js';
import type { DigestItem, PlanSnapshot, SnapshotContact, SnapshotItem, SnapshotMilestone, SnapshotUnit } from './plan-snapshot.js';
import { type Recipient, recipientKey, unitRecipients, userRecipients } from './recipients.js';
import { daysBetween } from '../calendar/calendar-dates.js';
import { phraseWithOccurrence } from '../deadlines/occurrences.js';
import { isMonthlyCall, latestNudge, milestoneHits, type ReminderRules, type Workdays } from './reminder-rules.js';
import type { ItemLine, ReminderContent, ReminderRule } from './reminder-types.js';
import { compareCodes } from '../common/code-order.js';
import { itemKey } from '../status/derive-statuses.js';

/** One reminder message to be written to the outbox: its recipient, its date and what it lists. */
export interface ReminderDraft {
  planId: number;
  rule: ReminderRule;
  recipient: Recipient;
  sendDate: string;
  content: ReminderContent;
  /** For the monthly call and the nudge, the key is the unit (one a month); otherwise each listed milestone. */
  unitKey: number | null;
}

/** A unit that should have heard but has no address: the office should add one. */
export interface Unreachable {
  rule: ReminderRule;
  unitName: string;
  codes: string[];
}

export interface PlannedReminders {
  drafts: ReminderDraft[];
  unreachable: Unreachable[];
}

/** What an item's line needs: the units' names and the day it is written. */
interface LineContext {
  snapshot: { units: ReadonlyMap<number, { name: string }> };
  today: string;
}

interface Context {
  snapshot: PlanSnapshot;
  /** The sweep's "now": contents speak of this date. */
  today: string;
}

type Role = 'lead' | 'support';

/**
 * The reminder messages of a plan for these dates (workdays, oldest first). When catching up on past dates,
 * a reminder whose moment has passed is left out (before/due of a milestone now overdue), and of repeating
 * ones (weekly overdue, escalation, monthly call, nudge) only the latest is kept.
 * One message per rule, recipient and date, listing every item it concerns.
 */
export function planReminders(
  ctx: Context,
  dates: string[],
  rules: ReminderRules,
  days: Workdays,
  /** Units that have reported since the call of the latest nudge day among the dates (see latestNudge). */
  reported: Set<number>,
  /** Per recipient (recipientKey), the day of its latest message of this plan before these dates; 批示 since then are listed. */
  lastSent: Map<string, string> = new Map(),
): PlannedReminders {
  const { snapshot, today } = ctx;
  const groups = new Map<string, ReminderDraft>();
  /** The units a draft to the office or a plan leader speaks of, to name them in the subject. */
  const unitNamesOf = new Map<ReminderDraft, Set<string>>();
  /** The lines (itemType:itemId:milestoneId) each draft lists: the office's escalation can list hundreds. */
  const listedBy = new Map<ReminderDraft, Set<string>>();
  /** Recipients are worked out once per unit and level (and the plan's leaders and office once): the same objects, keyed once. */
  const recipientsOf = new Map<string, Recipient[]>();
  const keys = new Map<Recipient, string>();
  const keyOfRecipient = (recipient: Recipient) => keys.get(recipient) ?? keys.set(recipient, recipientKey(recipient)).get(recipient)!;
  const unitTo = (unit: SnapshotUnit, level: 'liaison' | 'head' | 'leader') => {
    const key = `${unit.id}|${level}`;
    return recipientsOf.get(key) ?? recipientsOf.set(key, unitRecipients(unit, contactsOf(unit.id), level)).get(key)!;
  };
  const usersTo = (audience: 'leader' | 'office') =>
    recipientsOf.get(audience) ??
    recipientsOf.set(audience, userRecipients(audience === 'leader' ? snapshot.leaderUsers : snapshot.officeUsers, audience)).get(audience)!;
  const unreachable = new Map<string, Unreachable>();
  const newestFirst = [...dates].sort().reverse();
  const open = snapshot.items.filter((i) => !i.paused && i.status !== 'closed' && i.status !== 'suspended');

  const add = (
    rule: ReminderRule,
    date: string,
    recipients: Recipient[],
    line: ItemLine,
    unitNames: string[],
    daysBefore: number | null,
    unitKey: number | null,
  ) => {
    const lineKey = `${line.itemType}:${line.itemId}:${line.milestoneId}`;
    for (const recipient of recipients) {
      const key = `${rule}|${keyOfRecipient(recipient)}|${date}`;
      let draft = groups.get(key);
      if (!draft) {
        draft = {
          planId: snapshot.plan.id,
          rule,
          recipient,
          sendDate: date,
          unitKey,
          content: {
            rule,
            planName: snapshot.plan.name,
            unitName: unitNames.join('、'),
            recipientName: recipient.name,
            audience: recipient.audience,
            date,
            daysBefore,
            items: [],
            unitLink: recipient.unitId !== null ? snapshot.myLink : snapshot.planLink,
          },
        };
        groups.set(key, draft);
        unitNamesOf.set(draft, new Set());
        listedBy.set(draft, new Set());
      }
      const content = draft.content;
      const listed = listedBy.get(draft)!;
      if (!listed.has(lineKey)) {
        listed.add(lineKey);
        content.items.push(line);
      }
      if (daysBefore !== null && (content.daysBefore === null || daysBefore < content.daysBefore)) content.daysBefore = daysBefore;
      for (const name of unitNames) unitNamesOf.get(draft)!.add(name);
    }
  };
  const missing = (rule: ReminderRule, unitName: string, code: string) => {
    const entry = unreachable.get(`${rule}|${unitName}`) ?? { rule, unitName, codes: [] };
    if (!entry.codes.includes(code)) entry.codes.push(code);
    unreachable.set(`${rule}|${unitName}`, entry);
  };
  const unitsOf = (item: SnapshotItem): [number, Role][] => [
    ...item.leadUnitIds.map((id): [number, Role] => [id, 'lead']),
    ...item.supportUnitIds.map((id): [number, Role] => [id, 'support']),
  ];
  const contactsOf = (unitId: number): SnapshotContact[] => snapshot.contacts.get(unitId) ?? [];

  // A milestone's line is the same for every unit that hears of it in the same role: made once, listed by each.
  const lines = new Map<SnapshotMilestone, Partial<Record<Role, ItemLine>>>();
  const lineOf = (item: SnapshotItem, milestone: SnapshotMilestone, role: Role): ItemLine => {
    const made = lines.get(milestone) ?? lines.set(milestone, {}).get(milestone)!;
    return (made[role] ??= milestoneLine(ctx, item, milestone, role));
  };

  for (const item of open) {
    for (const milestone of item.milestones.flatMap((m) => remindedStates(m, today))) {
      const state = { dueDate: milestone.status.dueDate, status: milestone.status.status };
      const seen = new Set<string>();
      for (const date of newestFirst) {
        for (const hit of milestoneHits(state, date, rules, days)) {
          const lapsed = date < today && (hit.rule === 'before' || hit.rule === 'due') && state.dueDate! < today;
          const repeating = hit.rule === 'overdue' || hit.rule === 'escalation';
          if (lapsed || (repeating && seen.has(hit.rule))) continue;
          seen.add(hit.rule);
          if (hit.rule === 'escalation') {
            const lead = item.leadUnitIds.map((id) => snapshot.units.get(id)!).filter(Boolean);
            const unitNames = lead.length ? lead.map((u) => u.name) : ['暂未明确'];
            const leaders = lead.flatMap((u) => unitTo(u, 'leader'));
            const to = [...(leaders.length ? leaders : usersTo('leader')), ...usersTo('office')];
            if (!to.length) missing(hit.rule, unitNames.join('、'), item.code);
            add(hit.rule, date, to, lineOf(item, milestone, 'lead'), unitNames, null, null);
            continue;
          }
          const level = hit.rule === 'overdue' ? 'head' : 'liaison';
          if (!item.leadUnitIds.length) missing(hit.rule, '暂未明确', item.code);
          for (const [unitId, role] of unitsOf(item)) {
            const unit = snapshot.units.get(unitId);
            if (!unit) continue;
            const to = unitTo(unit, level);
            if (!to.length) missing(hit.rule, unit.name, item.code);
            add(hit.rule, date, to, lineOf(item, milestone, role), [unit.name], hit.daysBefore, null);
          }
        }
      }
    }
  }

  // The monthly call for progress reports and the nudge: the latest of each within the dates.
  const callDate = newestFirst.find((d) => isMonthlyCall(d, rules, days));
  if (callDate) {
    for (const item of open) {
      for (const [unitId, role] of unitsOf(item)) unitMessage('monthly_call', callDate, unitId, item, role);
    }
  }
  const nudge = latestNudge(dates, rules, days);
  if (nudge) {
    for (const item of open) {
      for (const unitId of item.leadUnitIds) if (!reported.has(unitId)) unitMessage('nudge', nudge.date, unitId, item, 'lead');
    }
  }

  function unitMessage(rule: 'monthly_call' | 'nudge', date: string, unitId: number, item: SnapshotItem, role: Role): void {
    const unit = snapshot.units.get(unitId);
    if (!unit) return;
    const to = unitTo(unit, 'liaison');
    if (!to.length) missing(rule, unit.name, item.code);
    add(rule, date, to, itemLine(ctx, item, role), [unit.name], null, unitId);
  }

  const drafts = [...groups.values()].sort((a, b) => (a.sendDate === b.sendDate ? 0 : a.sendDate < b.sendDate ? -1 : 1));
  const itemOf = new Map(snapshot.items.map((i) => [itemKey(i.itemType, i.itemId), i]));
  const sentOn = new Map<string, string[]>();
  for (const draft of drafts) {
    // Unit messages carry the 批示 given since the recipient last heard from the plan; the monthly call asks for 签收 first.
    if (draft.recipient.unitId !== null) {
      const key = recipientKey(draft.recipient);
      const earlier = (sentOn.get(key) ?? []).filter((d) => d < draft.sendDate);
      const since =
        [lastSent.get(key), ...earlier]
          .filter((d): d is string => d !== undefined)
          .sort()
          .at(-1) ?? null;
      draft.content.items = draft.content.items.map((line) => withNotes(line, itemOf.get(itemKey(line.itemType, line.itemId)), draft, since));
      sentOn.set(key, [...(sentOn.get(key) ?? []), draft.sendDate]);
    }
    draft.content.items.sort(draft.rule === 'monthly_call' ? unsignedFirst : byRoleThenDue);
    // A unit's own contacts hear about their unit; the office, plan leaders and an address several units share (one
    // chat group for several bureaus) about every unit listed.
    const names = [...unitNamesOf.get(draft)!];
    if (draft.recipient.unitId === null || names.length > 1)
      draft.content.unitName = names.length > 3 ? `${names[0]}等${names.length}个单位` : names.join('、');
  }
  return { drafts, unreachable: [...unreachable.values()] };
}

/** Each occurrence of a recurring milestone as a milestone of its own (a milestone that does not recur: itself). */
export function occurrenceStates(milestone: SnapshotMilestone): SnapshotMilestone[] {
  if (!milestone.status.occurrences) return [milestone];
  return milestone.status.occurrences.map(({ key, label, start: _start, ...status }) => ({
    ...milestone,
    status: { ...status, occurrence: { key, label }, missedOccurrences: 0 },
  }));
}

/**
 * What reminders speak of for one milestone: itself; of a recurring one, the occurrence due now (the latest
 * missed one, else the current one) and, when that is a missed one, the current occurrence as well, so its own
 * reminders ahead of its deadline still go out.
 */
export function remindedStates(milestone: SnapshotMilestone, today: string): SnapshotMilestone[] {
  const { occurrences, occurrence } = milestone.status;
  const current = occurrences?.find((o) => o.key >= today && !o.overdue);
  if (!current || current.key === occurrence?.key) return [milestone];
  const { key, label, start: _start, ...status } = current;
  return [milestone, { ...milestone, status: { ...status, occurrence: { key, label }, missedOccurrences: 0 } }];
}

/** How many 批示 a message lists per item (the latest ones); the rest are counted. */
export const INSTRUCTIONS_PER_ITEM = 3;

/**
 * A unit's copy of a line: the 批示 on the item dated on or after the recipient's previous message (all of them
 * when it never had one) and up to the send date; in the monthly call, whether the unit has signed for the item.
 * A 批示 given on the day of a message may so be listed twice, never missed.
 */
function withNotes(line: ItemLine, item: SnapshotItem | undefined, draft: ReminderDraft, since: string | null): ItemLine {
  if (!item) return line;
  const fresh = item.instructions.filter((i) => i.date <= draft.sendDate && (since === null || i.date >= since));
  const shown = fresh.slice(-INSTRUCTIONS_PER_ITEM);
  const notes: Partial<ItemLine> = shown.length ? { instructions: shown, moreInstructions: fresh.length - shown.length } : {};
  const unsigned = draft.rule === 'monthly_call' && !item.signedUnitIds.includes(draft.recipient.unitId!);
  // Lines are shared between drafts and never changed: one with nothing to add is listed as it is.
  if (!shown.length && !unsigned) return line;
  return { ...line, ...notes, ...(unsigned ? { unsigned: true } : {}) };
}

/** The monthly call: items not yet signed for first, then as byRoleThenDue. */
function unsignedFirst(a: ItemLine, b: ItemLine): number {
  if (Boolean(a.unsigned) !== Boolean(b.unsigned)) return a.unsigned ? -1 : 1;
  return byRoleThenDue(a, b);
}

function byRoleThenDue(a: ItemLine, b: ItemLine): number {
  if (a.role !== b.role) return a.role === 'lead' ? -1 : 1;
  const [x, y] = [a.dueDate ?? '9999', b.dueDate ?? '9999'];
  return x === y ? compareCodes(a.code, b.code) : x < y ? -1 : 1;
}

/** A milestone as a message lists it, as of the sweep's today. */
export function milestoneLine(ctx: LineContext, item: DigestItem, milestone: SnapshotMilestone, role: Role | null): ItemLine {
  const due = milestone.status.dueDate;
  const delta = due === null ? 0 : daysBetween(ctx.today, due);
  return {
    itemType: item.itemType,
    itemId: item.itemId,
    milestoneId: milestone.id,
    code: item.code,
    title: item.title,
    role,
    leadUnits: item.leadUnitIds.map((id) => ctx.snapshot.units.get(id)?.name ?? '').filter(Boolean),
    dueDate: due,
    phrase: phraseWithOccurrence(milestone.phrase, milestone.status),
    daysOverdue: Math.max(0, -delta),
    daysLeft: Math.max(0, delta),
    status: milestone.status.status,
    light: milestone.status.light,
    percent: milestone.status.percent,
    closedOn: milestone.status.closedOn,
    link: item.link,
  };
}

/** An item as a whole (its nearest open milestone speaks for it), for calls for reports and digests. */
export function itemLine(ctx: LineContext, item: DigestItem, role: Role | null): ItemLine {
  const openOnes = item.milestones.filter((m) => m.status.status !== 'closed' && m.status.status !== 'suspended');
  const dated = (openOnes.length ? openOnes : item.milestones).filter((m) => m.status.dueDate !== null);
  const nearest = dated.sort((a, b) => (a.status.dueDate! < b.status.dueDate! ? -1 : 1))[0] ?? openOnes[0] ?? item.milestones[0];
  const line = nearest
    ? milestoneLine(ctx, item, nearest, role)
    : milestoneLine(
        ctx,
        item,
        {
          id: 0,
          phrase: '',
          status: {
            status: item.status,
            overdue: item.overdue,
            light: item.light,
            dueDate: null,
            baselineDate: null,
            percent: null,
            closedOn: null,
            suspendedReason: null,
          },
        },
        role,
      );
  return { ...line, milestoneId: 0, status: item.status, light: item.light };
}

/**
 * The outbox key of a draft: one per rule, recipient and date (the planner writes one message for each), under the
 * unit for the monthly call and the nudge (one a month per unit) or under the plan for the others.
 */
export function keyOf(draft: ReminderDraft): EntryKey {
  const [itemType, itemId] = draft.unitKey !== null ? ['unit', draft.unitKey] : ['plan', draft.planId];
  return { rule: draft.rule, itemType, itemId, milestoneId: 0, recipient: recipientKey(draft.recipient), sendDate: draft.sendDate };
}
