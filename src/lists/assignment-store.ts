import type { EntityManager } from 'typeorm';
import type { ItemType } from '../common/item-type.js';
import type { Unit } from '../units/unit.entity.js';
import { Assignment } from './assignment.entity.js';

/** Replaces who leads and who supports an item. A unit named in both keeps the lead role. */
export async function saveAssignments(
  manager: EntityManager,
  planId: number,
  itemType: ItemType,
  itemId: number,
  lead: Unit[],
  support: Unit[],
): Promise<void> {
  await manager.delete(Assignment, { itemType, itemId });
  const leadIds = new Set(lead.map((u) => u.id));
  const rows = [
    ...lead.map((unit, position) => ({ unitId: unit.id, role: 'lead' as const, position })),
    ...support.filter((u) => !leadIds.has(u.id)).map((unit, position) => ({ unitId: unit.id, role: 'support' as const, position })),
  ].map((row) => manager.create(Assignment, { ...row, planId, itemType, itemId }));
  if (rows.length) await manager.save(Assignment, rows);
}
