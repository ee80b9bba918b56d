import { groupBy } from '../common/group-by.js';
import { type Attainment, attainmentOf, parsePeriod } from '../goals/attainment.js';
import type { IndicatorTarget } from '../lists/indicators/indicator.entity.js';
import { itemKey } from '../status/derive-statuses.js';
import { type Light, LIGHTS, type Status, STATUSES } from '../status/status.js';
import { checkpoints, type PlanHeader, type PlanView, rate, type ViewItem } from './plan-view.js';
import { LIST_TITLES, LIST_TYPES, type ListType } from '../common/item-type.js';
import type { ReportFacts } from './report-facts.js';

export interface StatusCounts {
  total: number;
  byStatus: Record<Status, number>;
  overdue: number;
  lights: Record<Light, number>;
  /** Closed out (销号), % of total. */
  closedRate: number | null;
  overdueRate: number | null;
}

export interface ListProgress extends StatusCounts {
  list: ListType;
  name: string;
  chapters: (StatusCounts & { name: string })[];
}

/** A lead unit's record: items led, closed, overdue, and milestones closed by their original deadline. */
export interface UnitProgress {
  unitId: number;
  name: string;
  led: number;
  closed: number;
  overdue: number;
  /** Milestones it leads whose original deadline has passed, or that are closed already. */
  due: number;
  closedOnTime: number;
  onTimeRate: number | null;
}

export interface IndicatorProgress {
  itemId: number;
  code: string;
  name: string;
  unit: string;
  direction: string;
  baseline: { year: number | null; text: string; value: number | null };
  /** The target of the plan's last target year, as written. */
  finalTarget: { year: number | null; text: string } | null;
  latest: { period: string; value: number | null; text: string | null } | null;
  attainment: Attainment | null;
  status: Status;
  light: Light;
}

export interface ProjectProgress {
  itemId: number;
  code: string;
  name: string;
  category: string;
  /** Planned investment, 万元. */
  investment: number | null;
  /** Investment made, as the lead unit last reported it, 万元. */
  reportedInvestment: number | null;
  percent: number | null;
  status: Status;
  light: Light;
  overdue: boolean;
  dueDate: string | null;
}

export interface ProgressReport {
  plan: PlanHeader;
  asOf: string;
  totals: StatusCounts;
  lists: ListProgress[];
  units: UnitProgress[];
  /** Items no unit leads ("暂未明确"): a gap for the office to fill. */
  unassigned: { itemType: ListType; itemId: number; code: string; title: string }[];
  indicators: IndicatorProgress[];
  projects: ProjectProgress[];
  investment: { planned: number; reported: number };
}

function countStatuses(items: readonly ViewItem[]): StatusCounts {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const lights = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  let overdue = 0;
  for (const item of items) {
    byStatus[item.status.status]++;
    lights[item.status.light]++;
    if (item.status.overdue) overdue++;
  }
  return { total: items.length, byStatus, overdue, lights, closedRate: rate(byStatus.closed, items.length), overdueRate: rate(overdue, items.length) };
}

/** Per lead unit, in the order units were first named. */
function unitRecords(view: PlanView): UnitProgress[] {
  const records = new Map<number, UnitProgress>();
  for (const item of view.items) {
    for (const unitId of item.leadUnitIds) {
      let record = records.get(unitId);
      if (!record) {
        record = { unitId, name: view.unitNames.get(unitId) ?? `#${unitId}`, led: 0, closed: 0, overdue: 0, due: 0, closedOnTime: 0, onTimeRate: null };
        records.set(unitId, record);
      }
      record.led++;
      if (item.status.status === 'closed') record.closed++;
      if (item.status.overdue) record.overdue++;
      for (const { baselineDate: original, closedOn } of checkpoints(item.milestones)) {
        if (original === null || (original >= view.asOf && closedOn === null)) continue;
        record.due++;
        if (closedOn !== null && closedOn <= original) record.closedOnTime++;
      }
    }
  }
  for (const record of records.values()) record.onTimeRate = rate(record.closedOnTime, record.due);
  return [...records.values()].sort((a, b) => b.overdue - a.overdue || a.unitId - b.unitId);
}

/** The whole plan on asOf: status by list and chapter, lead units, indicators and projects. */
export function buildProgressReport(plan: PlanHeader, view: PlanView, facts: ReportFacts): ProgressReport {
  const lists = LIST_TYPES.map((list): ListProgress => {
    const items = view.items.filter((i) => i.itemType === list);
    const chapters = [...groupBy(items, (i) => i.group)].map(([name, chapter]) => ({ name, ...countStatuses(chapter) }));
    return { list, name: LIST_TITLES[list], ...countStatuses(items), chapters };
  });
  const itemOf = new Map(view.items.map((i) => [itemKey(i.itemType, i.itemId), i]));
  const projects = projectRows(view, facts, itemOf);
  return {
    plan,
    asOf: view.asOf,
    totals: countStatuses(view.items),
    lists,
    units: unitRecords(view),
    unassigned: view.items.filter((i) => i.leadUnitIds.length === 0).map((i) => ({ itemType: i.itemType, itemId: i.itemId, code: i.code, title: i.title })),
    indicators: indicatorRows(view, facts, itemOf),
    projects,
    investment: {
      planned: round2(projects.reduce((sum, p) => sum + (p.investment ?? 0), 0)),
      reported: round2(projects.reduce((sum, p) => sum + (p.reportedInvestment ?? 0), 0)),
    },
  };
}

function projectRows(view: PlanView, facts: ReportFacts, itemOf: Map<number, ViewItem>): ProjectProgress[] {
  // The percent of the latest official report; the investment of the latest that states one (several lead units: the last).
  const percentOf = new Map<number, { date: string; id: number; percent: number | null }>();
  for (const r of facts.standing) {
    if (r.itemType !== 'project') continue;
    const seen = percentOf.get(r.itemId);
    if (!seen || r.submittedDate > seen.date || (r.submittedDate === seen.date && r.id > seen.id)) {
      percentOf.set(r.itemId, { date: r.submittedDate, id: r.id, percent: r.state === 'done' ? 100 : r.percent });
    }
  }
  const investmentOf = new Map(facts.investments.map((r) => [r.itemId, r.investmentDone]));
  return facts.projects.map((p) => {
    const item = itemOf.get(itemKey('project', p.id))!;
    const latest = percentOf.get(p.id);
    const open = item.milestones.filter((m) => m.status.status !== 'closed' && m.status.dueDate !== null);
    return {
      itemId: p.id,
      code: item.code,
      name: p.name,
      category: item.group,
      investment: p.investment,
      reportedInvestment: investmentOf.get(p.id) ?? null,
      percent: item.status.status === 'closed' ? 100 : (latest?.percent ?? null),
      status: item.status.status,
      light: item.status.light,
      overdue: item.status.overdue,
      dueDate: open[0]?.status.dueDate ?? item.milestones.at(-1)?.status.dueDate ?? null,
    };
  });
}

function indicatorRows(view: PlanView, facts: ReportFacts, itemOf: Map<number, ViewItem>): IndicatorProgress[] {
  // A value stands from the end of its period: a year's from 31 December, a month's from its last day.
  const valuesOf = groupBy(
    facts.indicatorValues.filter((v) => {
      const period = parsePeriod(v.period);
      return period !== null && periodEnd(period) <= view.asOf;
    }),
    (v) => v.indicatorId,
  );
  return facts.indicators.map((i) => {
    const item = itemOf.get(itemKey('indicator', i.id))!;
    const targets = JSON.parse(i.targets || '[]') as IndicatorTarget[];
    const lastYear = Math.max(...targets.map((t) => t.year ?? -Infinity));
    const finals = Number.isFinite(lastYear) ? targets.filter((t) => t.year === lastYear) : targets.filter((t) => t.year === null);
    const values = (valuesOf.get(i.id) ?? []).sort((a, b) => periodOrder(a.period) - periodOrder(b.period));
    const latest = values.at(-1) ?? null;
    return {
      itemId: i.id,
      code: item.code,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baseline: { year: i.baselineYear, text: i.baselineText, value: i.baselineValue },
      finalTarget: finals.length ? { year: finals[0].year, text: finals.map((t) => t.text).join('；') } : null,
      latest: latest ? { period: latest.period, value: latest.value, text: latest.text } : null,
      attainment: latest ? attainmentOf({ indicator: { direction: i.direction, targets }, value: latest }) : null,
      status: item.status.status,
      light: item.status.light,
    };
  });
}

function periodEnd(period: { year: number; month: number | null }): string {
  return new Date(Date.UTC(period.year, period.month ?? 12, 0)).toISOString().slice(0, 10);
}

/** A year's value counts after its months ("2023" after "2023-12"). */
function periodOrder(period: string): number {
  const p = parsePeriod(period);
  return p ? p.year * 100 + (p.month ?? 13) : 0;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
