import { type EntityManager, In } from 'typeorm';
import { ConflictError } from '../common/domain-error.js';
import type { ItemType } from '../common/item-type.js';
import { ExtensionRequest } from '../progress/extension-request.entity.js';
import { ProgressReport } from '../progress/progress-report.entity.js';
import { StatusEvent } from '../status/status-event.entity.js';
import { refreshStanding } from '../standing/standing-store.js';
import { Milestone } from './milestone.entity.js';
import type { MilestoneReading } from './milestone-reading.js';

/**
 * Sets an item's milestones to these readings, in order. Milestones keep their ids (and so their progress,
 * close-outs and extensions) position by position; a surplus milestone is deleted only when nothing refers to it.
 */
export async function saveMilestones(
  manager: EntityManager,
  planId: number,
  itemType: ItemType,
  itemId: number,
  readings: MilestoneReading[],
): Promise<Milestone[]> {
  const existing = await manager.find(Milestone, { where: { itemType, itemId }, order: { seq: 'ASC' } });
  const surplus = existing.slice(readings.length);
  if (surplus.length) await removeUnreferenced(manager, surplus);
  // Whether a milestone is recurring decides which of its reports stand (standing-sql.ts).
  const recurrenceChanged = existing.some((m, index) => index < readings.length && (m.recurrence === null) !== (readings[index].recurrence === null));
  const rows = readings.map((reading, index) => {
    const current = existing[index];
    if (!current) return manager.create(Milestone, { ...reading, planId, itemType, itemId, seq: index + 1, baselineDate: null });
    // A new reading of the text sets a new due date; an extension granted on the old one no longer applies.
    const baselineDate = current.dueDate === reading.dueDate ? current.baselineDate : null;
    return manager.merge(Milestone, current, { ...reading, baselineDate });
  });
  const saved = rows.length ? await manager.save(Milestone, rows) : [];
  if (recurrenceChanged) await refreshStanding(manager, { planId, itemType, itemId, submittedDate: null, reviewedDate: null });
  return saved;
}

async function removeUnreferenced(manager: EntityManager, milestones: Milestone[]): Promise<void> {
  const ids = milestones.map((m) => m.id);
  const used =
    (await manager.countBy(ProgressReport, { milestoneId: In(ids) })) +
    (await manager.countBy(StatusEvent, { milestoneId: In(ids) })) +
    (await manager.countBy(ExtensionRequest, { milestoneId: In(ids) }));
  if (used > 0) {
    const phrases = milestones.map((m) => `“${m.phrase || m.dueDate}”`).join('、');
    throw new ConflictError(`节点${phrases}已有进展填报、销号或延期记录，修改后的时限少于原有节点，不能删除它们；请保留原有时限表述或联系管理员`, [
      { field: 'milestones', value: ids, message: '节点已有记录' },
    ]);
  }
  await manager.delete(Milestone, { id: In(ids) });
}
