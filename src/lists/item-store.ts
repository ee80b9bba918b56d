import type { DeepPartial, EntityManager, ObjectLiteral } from 'typeorm';
import type { ListItemEntity } from '../database/list-item.entity.js';
import { recordBatch } from '../audit/audit-recorder.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { DomainError, type FieldProblem } from '../common/domain-error.js';
import { groupBy } from '../common/group-by.js';
import { saveMilestones } from '../deadlines/milestone-store.js';
import { insertRows } from '../database/insert-rows.js';
import type { Plan } from '../plans/plan.entity.js';
import { Assignment } from './assignment.entity.js';
import { saveAssignments } from './assignment-store.js';
import { withStandingUnits } from '../plans/standing-assignments.js';
import { UnitNames } from '../units/unit-names.js';
import type { Unit } from '../units/unit.entity.js';
import type { ListName } from '../common/item-type.js';
import { type AnyList, type ListDefinition, LISTS } from './list-registry.js';
import type { ListInput } from './list-table.js';

/*
 * The one write path of items: the API (ItemWriterService), imports and the seed all store items through these
 * functions, so a list's rules (its fields, its units with the plan's standing arrangements, its milestones read
 * from what it says, a new version on every change) hold whichever way an item comes in.
 */

/** Who leads and who supports an item, in order. */
export interface Holders {
  lead: Unit[];
  support: Unit[];
}

/** Stores a new item with its units and its milestones read from what it says (audited as any save). */
export async function storeNew<T extends ListItemEntity>(
  manager: EntityManager,
  plan: Plan,
  list: ListDefinition<T>,
  fields: Partial<T>,
  holders: Holders,
): Promise<T> {
  const item = await manager.save(list.entity, manager.create(list.entity, { ...fields, planId: plan.id } as DeepPartial<T>));
  await saveAssignments(manager, plan.id, list.itemType, item.id, holders.lead, holders.support);
  await saveMilestones(manager, plan.id, list.itemType, item.id, list.milestones(plan, item));
  return item;
}

/**
 * Stores a change to an item as a new version: its fields, its units when given, and its milestones read again
 * when a field they come from changed (the office's corrections of the milestones are otherwise kept). `input` is
 * the table row the change came from, when it came from one.
 */
export async function storeChange<T extends ListItemEntity, I extends ListInput>(
  manager: EntityManager,
  plan: Plan,
  list: ListDefinition<T, I>,
  stored: T,
  fields: Partial<T>,
  holders: Holders | null,
  input?: I,
): Promise<T> {
  const before = stored as unknown as Record<string, unknown>;
  const after = fields as Record<string, unknown>;
  const reread = list.rereadOn.some((key) => key in after && !sameValue(before[key], after[key]));
  const saved = await manager.save(list.entity, manager.merge(list.entity, stored, { ...fields, version: stored.version + 1 } as DeepPartial<T>));
  if (holders) await saveAssignments(manager, plan.id, list.itemType, saved.id, holders.lead, holders.support);
  if (reread) await saveMilestones(manager, plan.id, list.itemType, saved.id, list.milestones(plan, saved, input));
  return saved;
}

/** Rows of a new plan's lists as read, by list name (a list left out has none). */
export type PlanLists = Partial<Record<ListName, ListInput[]>>;

export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
}

type Input = ListInput;

/** Every unit name in the rows that matches no unit of the plan, one problem per row and name. */
export function unknownUnitProblems(inputs: Input[], names: UnitNames): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const item of inputs) {
    for (const [field, cell] of [
      ['牵头单位', item.leadUnits],
      ['配合单位', item.supportingUnits],
    ] as const) {
      for (const name of names.resolve(cell).unknown) {
        problems.push({ row: item.row, field, value: name, message: `第${item.row}行：未知单位“${name}”` });
      }
    }
  }
  return problems;
}

/**
 * Creates the rows' items that the plan lacks and updates those whose 序号 it has, with their responsibilities
 * and milestones; items the same as stored are left alone. Call inside a transaction; `dryRun` only counts.
 * New items are inserted in bulk without per-row audit entries: one `import` entry (naming `source`, the file
 * or "seed") lists them; updated items are audited row by row as any save is.
 */
export async function applyList(
  manager: EntityManager,
  plan: Plan,
  units: Unit[],
  adapter: AnyList,
  inputs: Input[],
  dryRun = false,
  source = 'seed',
): Promise<ApplyCounts> {
  const names = new UnitNames(units);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const problems = unknownUnitProblems(inputs, names);
  if (problems.length) throw new DomainError('UNKNOWN_UNITS', `有${problems.length}处单位名称无法识别`, problems);
  const counts: ApplyCounts = { created: 0, updated: 0, unchanged: 0 };
  const existing = new Map((await manager.findBy(adapter.entity, { planId: plan.id })).map((e) => [e.seq, e]));
  const assignmentsOf = groupBy(await manager.findBy(Assignment, { planId: plan.id, itemType: adapter.itemType }), (a) => a.itemId);
  const creates: { input: Input; fields: Record<string, unknown>; lead: Unit[]; support: Unit[] }[] = [];
  const updatedSeqs: number[] = [];
  for (const input of inputs) {
    const named = names.resolve(input.leadUnits).units;
    const { lead, support } = withStandingUnits(
      plan.standingAssignments,
      adapter.itemType,
      { lead: named, support: names.resolve(input.supportingUnits).units.filter((u) => !named.includes(u)) },
      (id) => unitById.get(id),
    );
    const fields = adapter.table.fields(input) as Record<string, unknown>;
    const stored = existing.get(input.seq);
    if (!stored) {
      counts.created++;
      creates.push({ input, fields, lead, support });
      continue;
    }
    const changed = Object.keys(fields).filter((key) => !sameValue((stored as unknown as Record<string, unknown>)[key], fields[key]));
    const mine = (assignmentsOf.get(stored.id) ?? []).sort((a, b) => a.position - b.position);
    const sameUnits =
      sameIds(
        mine.filter((a) => a.role === 'lead').map((a) => a.unitId),
        lead.map((u) => u.id),
      ) &&
      sameIds(
        mine.filter((a) => a.role === 'support').map((a) => a.unitId),
        support.map((u) => u.id),
      );
    if (changed.length === 0 && sameUnits) {
      counts.unchanged++;
      continue;
    }
    counts.updated++;
    updatedSeqs.push(input.seq);
    if (dryRun) continue;
    await storeChange(manager, plan, adapter, stored, fields, sameUnits ? null : { lead, support }, input);
  }
  const inserted = !dryRun && creates.length ? await insertNew(manager, plan, adapter, creates) : null;
  if (!dryRun && (counts.created || counts.updated)) {
    await recordBatch(manager, 'import', adapter.entity, plan.id, {
      source,
      count: counts.created,
      seqs: creates.map((c) => c.input.seq),
      ids: inserted?.ids ?? [],
      updated: counts.updated,
      updatedSeqs,
      assignments: inserted?.assignments ?? 0,
      milestones: inserted?.milestones ?? 0,
    });
  }
  return counts;
}

/** New items in bulk: a few multi-row inserts instead of several statements per row (5,000-row sheets). */
async function insertNew(
  manager: EntityManager,
  plan: Plan,
  adapter: AnyList,
  creates: { input: Input; fields: Record<string, unknown>; lead: Unit[]; support: Unit[] }[],
): Promise<{ ids: number[]; assignments: number; milestones: number }> {
  const rows = creates.map((c) => ({ ...c.fields, planId: plan.id }));
  const ids = await insertRows(manager, adapter.entity, rows);
  const assignments: ObjectLiteral[] = [];
  const milestones: ObjectLiteral[] = [];
  creates.forEach((c, i) => {
    const item = manager.create(adapter.entity, { ...rows[i], id: ids[i] });
    const base = { planId: plan.id, itemType: adapter.itemType, itemId: ids[i] };
    c.lead.forEach((u, position) => assignments.push({ ...base, unitId: u.id, role: 'lead', position }));
    c.support.forEach((u, position) => assignments.push({ ...base, unitId: u.id, role: 'support', position }));
    adapter.milestones(plan, item, c.input).forEach((m, index) => milestones.push({ ...base, ...m, seq: index + 1 }));
  });
  await insertRows(manager, Assignment, assignments);
  await insertRows(manager, Milestone, milestones);
  return { ids, assignments: assignments.length, milestones: milestones.length };
}

/** Writes the lists of a new plan (the seed plans), each in the registry's order. */
export async function writeNewItems(manager: EntityManager, plan: Plan, units: Unit[], lists: PlanLists): Promise<void> {
  for (const list of LISTS) await applyList(manager, plan, units, list, lists[list.name] ?? []);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
