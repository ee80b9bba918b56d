import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { ITEM_TYPE_NAMES, ITEM_TYPES, type ItemType } from '../common/item-type.js';
import { LIST_OF } from './list-registry.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { PlanStage } from '../plans/plan-stage.entity.js';
import { Assignment, type AssignmentRole } from './assignment.entity.js';

const entityOf = (itemType: ItemType) => (itemType === 'stage' ? PlanStage : LIST_OF[itemType]?.entity);

export interface HeldItem {
  itemType: ItemType;
  itemId: number;
  planId: number;
  seq: number;
  /** "任务11", for messages. */
  label: string;
  leadUnitIds: number[];
  supportUnitIds: number[];
  /** The day the office withdrew it (撤销), with the reason; null: in force. */
  withdrawnOn: string | null;
  withdrawnReason: string | null;
}

/** The item of this plan with its lead and supporting units, or 404 naming it. */
export async function findHeldItem(manager: EntityManager, planId: number, itemType: ItemType, itemId: number): Promise<HeldItem> {
  const entity = entityOf(itemType);
  if (!entity) throw new ValidationFailedError([{ field: 'itemType', value: itemType, message: `应为 ${ITEM_TYPES.join('、')} 之一` }]);
  const item = (await manager.findOneBy(entity, { id: itemId, planId })) as {
    seq: number;
    withdrawnOn?: string | null;
    withdrawnReason?: string | null;
  } | null;
  if (!item) throw new NotFoundError(ITEM_TYPE_NAMES[itemType], itemId);
  const assignments = await manager.find(Assignment, { where: { itemType, itemId }, order: { position: 'ASC', id: 'ASC' } });
  const ids = (role: AssignmentRole) => assignments.filter((a) => a.role === role).map((a) => a.unitId);
  return {
    itemType,
    itemId,
    planId,
    seq: item.seq,
    label: `${ITEM_TYPE_NAMES[itemType]}${item.seq}`,
    leadUnitIds: ids('lead'),
    supportUnitIds: ids('support'),
    withdrawnOn: item.withdrawnOn ?? null,
    withdrawnReason: item.withdrawnReason ?? null,
  };
}

/** Nothing new is reported, asked or issued on a withdrawn item (撤销): 409 saying when and why it was withdrawn. */
export function requireInForce(item: HeldItem): void {
  if (item.withdrawnOn === null) return;
  throw new ConflictError(`${item.label}已于${item.withdrawnOn}撤销（${item.withdrawnReason ?? ''}），不能再填报、申请延期或督办`, [
    { field: 'itemId', value: item.itemId, message: '已撤销' },
  ]);
}

/** lead or support when the unit holds the item, otherwise null. */
export function roleOf(item: HeldItem, unitId: number): AssignmentRole | null {
  if (item.leadUnitIds.includes(unitId)) return 'lead';
  if (item.supportUnitIds.includes(unitId)) return 'support';
  return null;
}

/** A unit user may act only on items its unit leads or supports: 403 naming the item otherwise. Returns the role. */
export function requireHolder(actor: Actor, item: HeldItem): AssignmentRole {
  const role = actor.unitId === null ? null : roleOf(item, actor.unitId);
  if (!role) throw new ForbiddenError(`本单位不是${item.label}的牵头或配合单位，不能对其填报或申请`);
  return role;
}

/** A milestone of this item, or 404. */
export async function findItemMilestone(manager: EntityManager, item: HeldItem, milestoneId: number): Promise<Milestone> {
  const milestone = await manager.findOneBy(Milestone, { id: milestoneId, itemType: item.itemType, itemId: item.itemId });
  if (!milestone) throw new NotFoundError(`${item.label}的节点`, milestoneId);
  return milestone;
}
