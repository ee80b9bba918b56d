import type { EntityManager } from 'typeorm';
import type { ItemType } from '../common/item-type.js';
import { Milestone } from './milestone.entity.js';
import type { MilestoneReading } from './milestone-reading.js';

/** Replaces an item's milestones with these readings, in order. */
export async function saveMilestones(
  manager: EntityManager,
  planId: number,
  itemType: ItemType,
  itemId: number,
  readings: MilestoneReading[],
): Promise<Milestone[]> {
  await manager.delete(Milestone, { itemType, itemId });
  const rows = readings.map((reading, index) =>
    manager.create(Milestone, { ...reading, planId, itemType, itemId, seq: index + 1 }),
  );
  return rows.length ? manager.save(Milestone, rows) : [];
}
