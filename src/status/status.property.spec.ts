import fc from 'fast-check';
import { deriveStatuses, itemKey, type EventInput, type MilestoneInput, type StandingInput } from './derive-statuses.js';
import type { StatusEventKind } from './status-event.entity.js';
import {
  type EventFact,
  itemStatus,
  type Light,
  type MilestoneFacts,
  milestoneStatus,
  type ProgressFact,
  recurringStatus,
  type StatusOptions,
} from './status.js';

// Invariants of the status rules (README, "状态与红黄绿灯") for random but valid histories of a milestone: any order of events of the nine
// kinds (an extension always names its new date), reports of 0-100%, due dates, period starts and as-of dates
// over 2021-2026, and a due-soon window of 0-30 days.
const DAY = 86_400_000;
const ORIGIN = Date.UTC(2021, 0, 1);
const dateOf = (n: number) => new Date(ORIGIN + n * DAY).toISOString().slice(0, 10);
const dayArb = fc.integer({ min: 0, max: 6 * 365 });
const dateArb = dayArb.map(dateOf);
const KINDS: StatusEventKind[] = ['started', 'submitted', 'returned', 'closed', 'reopened', 'suspended', 'resumed', 'due_changed', 'waived'];

const rawEventArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  date: dateArb,
  toDate: dateArb,
  reason: fc.option(fc.constantFrom('政策调整', '资金未落实', '并入省级考核'), { nil: null }),
});
const eventsArb = (dates = dateArb) =>
  fc
    .array(fc.record({ kind: fc.constantFrom(...KINDS), date: dates, toDate: dateArb, reason: rawEventArb.map((e) => e.reason) }), { maxLength: 10 })
    .map((events) => events.map((e, i): EventFact => ({ ...e, seq: i + 1, toDate: e.kind === 'due_changed' ? e.toDate : null })));
const progressArb = (dates = dateArb) => fc.array(fc.record({ percent: fc.integer({ min: 0, max: 100 }), date: dates }), { maxLength: 6 });
const factsArb: fc.Arbitrary<MilestoneFacts> = fc.record({
  baselineDate: fc.option(dateArb, { nil: null, freq: 5 }),
  startDate: dateArb,
  events: eventsArb(),
  progress: progressArb(),
});
const optionsArb: fc.Arbitrary<StatusOptions> = fc.record({ asOf: dateArb, dueSoonDays: fc.integer({ min: 0, max: 30 }) });
const RUNS = { numRuns: 60 };

const byDateThenSeq = (a: EventFact, b: EventFact) => (a.date === b.date ? a.seq - b.seq : a.date < b.date ? -1 : 1);
const LIGHT_RANK: Record<Light, number> = { grey: 0, green: 1, yellow: 2, red: 3 };

describe('status invariants for any history of a milestone', () => {
  it('a closed milestone is never overdue: it is grey, 100% done, closed out on or before the as-of date', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, (facts, options) => {
        const s = milestoneStatus(facts, options);
        if (s.status !== 'closed') return;
        expect(s).toMatchObject({ overdue: false, light: 'grey', percent: 100 });
        expect(s.closedOn !== null && s.closedOn <= options.asOf).toBe(true);
      }),
      RUNS,
    );
  });

  it('nothing dated after the as-of date shows: the status is the same without it', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, (facts, options) => {
        const known = {
          ...facts,
          events: facts.events.filter((e) => e.date <= options.asOf),
          progress: facts.progress.filter((p) => p.date <= options.asOf),
        };
        expect(milestoneStatus(facts, options)).toEqual(milestoneStatus(known, options));
      }),
      RUNS,
    );
  });

  it('an event after the as-of date never shows: its close-out day, waiver, suspension or new due date do not appear', () => {
    const later = fc.tuple(
      factsArb,
      optionsArb,
      fc.constantFrom<StatusEventKind>('closed', 'waived', 'suspended', 'due_changed'),
      fc.integer({ min: 1, max: 400 }),
    );
    fc.assert(
      fc.property(later, ([facts, options, kind, after]) => {
        const date = dateOf(Math.round((Date.parse(`${options.asOf}T00:00:00Z`) - ORIGIN) / DAY) + after);
        const toDate = '2031-06-30';
        const withLater = { ...facts, events: [...facts.events, { kind, date, seq: 99, toDate, reason: '之后的事' }] };
        const s = milestoneStatus(withLater, options);
        expect(s.closedOn).not.toBe(date);
        expect(s.dueDate).not.toBe(toDate);
        expect(s.suspendedReason).not.toBe('之后的事');
        expect(s.waivedReason).not.toBe('之后的事');
      }),
      RUNS,
    );
  });

  it('an extension never moves the baseline; the due date is the new date of the latest extension by then, else the baseline', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, (facts, options) => {
        const s = milestoneStatus(facts, options);
        const extensions = facts.events.filter((e) => e.kind === 'due_changed' && e.date <= options.asOf).sort(byDateThenSeq);
        expect(s.baselineDate).toBe(facts.baselineDate);
        expect(s.dueDate).toBe(extensions.at(-1)?.toDate ?? facts.baselineDate);
      }),
      RUNS,
    );
  });

  it('overdue exactly when open (not closed out, not suspended) with a due date before the as-of date', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, (facts, options) => {
        const s = milestoneStatus(facts, options);
        const open = s.status !== 'closed' && s.status !== 'suspended';
        expect(s.overdue).toBe(open && s.dueDate !== null && s.dueDate < options.asOf);
      }),
      RUNS,
    );
  });

  it('grey exactly when closed out, suspended or without a due date; red exactly when overdue', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, (facts, options) => {
        const s = milestoneStatus(facts, options);
        expect(s.light === 'grey').toBe(s.status === 'closed' || s.status === 'suspended' || s.dueDate === null);
        expect(s.light === 'red').toBe(s.overdue);
      }),
      RUNS,
    );
  });

  it('open, not reported done and due within the due-soon window: yellow; reported done and not overdue: green', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, (facts, options) => {
        const s = milestoneStatus(facts, options);
        if (s.status === 'closed' || s.status === 'suspended' || s.dueDate === null || s.overdue) return;
        const left = Math.round((Date.parse(`${s.dueDate}T00:00:00Z`) - Date.parse(`${options.asOf}T00:00:00Z`)) / DAY);
        if (s.status === 'submitted') expect(s.light).toBe('green');
        else if (left <= options.dueSoonDays) expect(s.light).toBe('yellow');
        else expect(['green', 'yellow']).toContain(s.light);
      }),
      RUNS,
    );
  });

  it('more progress reported never makes an open milestone look worse', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, fc.integer({ min: 0, max: 100 }), (facts, options, percent) => {
        const before = milestoneStatus(facts, options);
        const current = before.percent ?? 0;
        const better: ProgressFact = { percent: Math.max(current, percent), date: options.asOf };
        const after = milestoneStatus({ ...facts, progress: [...facts.progress, better] }, options);
        expect(after.percent).toBe(before.status === 'closed' ? 100 : better.percent);
        expect(LIGHT_RANK[after.light]).toBeLessThanOrEqual(LIGHT_RANK[before.light]);
      }),
      RUNS,
    );
  });

  it('a suspended milestone is never overdue and keeps the reason it was suspended with', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, (facts, options) => {
        const s = milestoneStatus(facts, options);
        if (s.status !== 'suspended') return;
        const last = facts.events
          .filter((e) => e.kind === 'suspended' && e.date <= options.asOf)
          .sort(byDateThenSeq)
          .at(-1)!;
        expect(s).toMatchObject({ overdue: false, light: 'grey', suspendedReason: last.reason });
      }),
      RUNS,
    );
  });
});

describe('item status invariants', () => {
  const milestonesArb = fc.array(fc.tuple(factsArb, optionsArb), { minLength: 1, maxLength: 5 });

  it('an item is overdue when any milestone is, shows the worst light, and is closed only when all are', () => {
    fc.assert(
      fc.property(milestonesArb, (list) => {
        const ms = list.map(([facts, options]) => milestoneStatus(facts, options));
        const item = itemStatus(ms);
        expect(item.overdue).toBe(ms.some((m) => m.overdue));
        expect(LIGHT_RANK[item.light]).toBe(Math.max(...ms.map((m) => LIGHT_RANK[m.light])));
        expect(item.status === 'closed').toBe(ms.every((m) => m.status === 'closed'));
        expect(item.status === 'not_started').toBe(ms.every((m) => m.status === 'not_started'));
      }),
      RUNS,
    );
  });
});

describe('deriveStatuses invariants', () => {
  const plan = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };
  const toInput =
    (itemId: number, milestoneId: number | null) =>
    (e: EventFact): EventInput => ({
      id: e.seq,
      itemType: 'task',
      itemId,
      milestoneId,
      kind: e.kind,
      date: e.date,
      toDate: e.toDate ?? null,
      reason: e.reason ?? null,
      occurrence: null,
    });
  const toReport =
    (itemId: number, milestoneId: number | null) =>
    (p: ProgressFact, i: number): StandingInput => ({
      id: i + 1,
      itemType: 'task',
      itemId,
      milestoneId,
      percent: p.percent,
      state: 'in_progress',
      submittedDate: p.date,
      occurrence: null,
    });

  it('an item with one milestone has that milestone status, whatever other items have', () => {
    fc.assert(
      fc.property(factsArb, optionsArb, eventsArb(), (facts, options, others) => {
        const m: MilestoneInput = {
          id: 1,
          itemType: 'task',
          itemId: 1,
          dueDate: facts.baselineDate,
          baselineDate: null,
          periodStart: facts.startDate,
          recurrence: null,
        };
        const rows = {
          milestones: [m, { ...m, id: 2, itemId: 2 }],
          events: [...facts.events.map(toInput(1, 1)), ...others.map((e) => ({ ...toInput(2, 2)(e), id: 100 + e.seq }))],
          standing: facts.progress.map(toReport(1, 1)),
        };
        const derived = deriveStatuses([{ itemType: 'task', itemId: 1 }], rows, plan, options).get(itemKey('task', 1))!;
        const expected = milestoneStatus(facts, options);
        expect(derived.milestones.get(1)).toEqual(expected);
        expect(derived).toMatchObject({ status: expected.status, overdue: expected.overdue, light: expected.light });
      }),
      RUNS,
    );
  });

  it('a recurring milestone is overdue exactly when an occurrence is missed, and no closed occurrence is overdue', () => {
    fc.assert(
      fc.property(eventsArb(), progressArb(), optionsArb, (events, progress, options) => {
        const m: MilestoneInput = { id: 1, itemType: 'task', itemId: 1, dueDate: '2021-12-31', baselineDate: null, periodStart: null, recurrence: 'yearly' };
        const rows = { milestones: [m], events: events.map(toInput(1, 1)), standing: progress.map(toReport(1, 1)) };
        const s = deriveStatuses([{ itemType: 'task', itemId: 1 }], rows, plan, options)
          .get(itemKey('task', 1))!
          .milestones.get(1)!;
        const missed = s.occurrences!.filter((o) => o.overdue);
        expect(s.missedOccurrences).toBe(missed.length);
        expect(s.overdue).toBe(missed.length > 0);
        for (const o of s.occurrences!) {
          if (o.status === 'closed') expect(o.overdue).toBe(false);
          expect(o.start <= options.asOf || o.key === '2021-12-31').toBe(true);
        }
        // The missed occurrence it speaks for is the latest one missed.
        if (missed.length) expect(s.occurrence!.key).toBe(missed.at(-1)!.key);
      }),
      RUNS,
    );
  });

  it('a recurring milestone shows nothing dated after the as-of date', () => {
    fc.assert(
      fc.property(eventsArb(), progressArb(), optionsArb, (events, progress, options) => {
        const m: MilestoneInput = { id: 1, itemType: 'task', itemId: 1, dueDate: '2021-12-31', baselineDate: null, periodStart: null, recurrence: 'yearly' };
        const all = { milestones: [m], events: events.map(toInput(1, 1)), standing: progress.map(toReport(1, 1)) };
        const known = {
          milestones: [m],
          events: all.events.filter((e) => e.date <= options.asOf),
          standing: all.standing.filter((r) => r.submittedDate <= options.asOf),
        };
        const item = [{ itemType: 'task', itemId: 1 }];
        expect(deriveStatuses(item, all, plan, options).get(itemKey('task', 1))).toEqual(deriveStatuses(item, known, plan, options).get(itemKey('task', 1)));
      }),
      RUNS,
    );
  });
});

describe('recurring status invariants', () => {
  it('speaks for one of its occurrences, with that occurrence status', () => {
    const years = [2021, 2022, 2023, 2024, 2025];
    fc.assert(
      fc.property(fc.array(eventsArb(), { minLength: 5, maxLength: 5 }), optionsArb, (eventsPerYear, options) => {
        const schedule = years.map((y, i) => ({ key: `${y}-12-31`, start: `${y}-01-01`, label: `${y}年度`, events: eventsPerYear[i], progress: [] }));
        const s = recurringStatus(schedule, options);
        const spoken = s.occurrences!.find((o) => o.key === s.occurrence!.key)!;
        expect(spoken).toBeDefined();
        expect(s).toMatchObject({ status: spoken.status, overdue: spoken.overdue, light: spoken.light, dueDate: spoken.dueDate, baselineDate: spoken.key });
      }),
      RUNS,
    );
  });
});
