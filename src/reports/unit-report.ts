import { itemKey } from '../status/derive-statuses.js';
import type { Light, Status } from '../status/status.js';
import type { PlanHeader, PlanView, ViewItem } from './plan-view.js';
import type { ListType } from '../common/item-type.js';
import type { ReportFacts } from './report-facts.js';

/** One line of a unit's responsibility list (责任清单). */
export interface UnitItemLine {
  itemType: ListType;
  itemId: number;
  code: string;
  title: string;
  role: 'lead' | 'support';
  status: Status;
  light: Light;
  overdue: boolean;
  /** The earliest due date still open on asOf, with the deadline as written. */
  nextDue: { dueDate: string; phrase: string } | null;
  percent: number | null;
  /** The last day this unit submitted progress on the item. */
  lastReportDate: string | null;
  /** It holds the item and has never reported on it. */
  silent: boolean;
}

export interface UnitResponsibilities {
  unitId: number;
  name: string;
  kind: string;
  lead: number;
  support: number;
  closed: number;
  overdue: number;
  silent: number;
  items: UnitItemLine[];
}

export interface UnitsReport {
  plan: PlanHeader;
  asOf: string;
  units: UnitResponsibilities[];
  /** Units that hold items they have never reported on, named with those items: silence is the commonest failure. */
  silentUnits: { unitId: number; name: string; items: string[] }[];
}

/**
 * Each unit's items with their state on asOf. A group name ("各镇街") is listed but never called silent: it has
 * no liaison of its own to report.
 */
export function buildUnitsReport(plan: PlanHeader, view: PlanView, facts: ReportFacts, unitId?: number): UnitsReport {
  const lastBy = new Map(facts.reported.map((r) => [`${itemKey(r.itemType, r.itemId)}:${r.unitId}`, r.lastDate]));
  const units = facts.units
    .filter((u) => unitId === undefined || u.id === unitId)
    .map((unit): UnitResponsibilities => {
      const items: UnitItemLine[] = [];
      for (const item of view.items) {
        const role = item.leadUnitIds.includes(unit.id) ? 'lead' : item.supportUnitIds.includes(unit.id) ? 'support' : null;
        if (role) items.push(line(item, role, lastBy.get(`${itemKey(item.itemType, item.itemId)}:${unit.id}`) ?? null, unit.kind !== 'group'));
      }
      return {
        unitId: unit.id,
        name: unit.name,
        kind: unit.kind,
        lead: items.filter((i) => i.role === 'lead').length,
        support: items.filter((i) => i.role === 'support').length,
        closed: items.filter((i) => i.status === 'closed').length,
        overdue: items.filter((i) => i.overdue).length,
        silent: items.filter((i) => i.silent).length,
        items,
      };
    })
    .filter((u) => u.items.length > 0 || unitId !== undefined);
  return {
    plan,
    asOf: view.asOf,
    units,
    silentUnits: units.filter((u) => u.silent > 0).map((u) => ({ unitId: u.unitId, name: u.name, items: u.items.filter((i) => i.silent).map((i) => i.code) })),
  };
}

function line(item: ViewItem, role: 'lead' | 'support', lastReportDate: string | null, canReport: boolean): UnitItemLine {
  const open = item.milestones
    .filter((m) => m.status.status !== 'closed' && m.status.status !== 'suspended' && m.status.dueDate !== null)
    .sort((a, b) => (a.status.dueDate! < b.status.dueDate! ? -1 : 1));
  const percents = item.milestones.map((m) => m.status.percent).filter((p): p is number => p !== null);
  return {
    itemType: item.itemType,
    itemId: item.itemId,
    code: item.code,
    title: item.title,
    role,
    status: item.status.status,
    light: item.status.light,
    overdue: item.status.overdue,
    nextDue: open.length ? { dueDate: open[0].status.dueDate!, phrase: open[0].phrase } : null,
    percent: item.status.status === 'closed' ? 100 : percents.length ? Math.round(percents.reduce((a, b) => a + b, 0) / percents.length) : null,
    lastReportDate,
    silent: canReport && lastReportDate === null,
  };
}
