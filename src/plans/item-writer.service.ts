import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type ObjectLiteral } from 'typeorm';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { ITEM_TYPE_NAMES, type ItemType } from '../common/item-type.js';
import { saveMilestones } from '../deadlines/milestone-store.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import type { MilestoneReading } from '../deadlines/milestone-reading.js';
import { Assignment } from '../responsibilities/assignment.entity.js';
import { saveAssignments } from '../responsibilities/assignment-store.js';
import { Unit } from '../units/unit.entity.js';
import { Plan } from './plan.entity.js';

type Item = ObjectLiteral & { id: number; planId: number; seq: number };

export interface UnitIds {
  leadUnitIds?: number[];
  supportingUnitIds?: number[];
}

/** Creates, changes and deletes items of the three lists with their responsibilities and milestones, atomically. */
@Injectable()
export class ItemWriterService {
  constructor(private readonly dataSource: DataSource) {}

  async create<T extends Item>(
    itemType: ItemType,
    entity: new () => T,
    planId: number,
    fields: Partial<T>,
    units: UnitIds,
    milestones: (plan: Plan, item: T) => MilestoneReading[],
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plan(manager, planId);
      await this.checkSeqFree(manager, itemType, entity, planId, fields.seq as number, null);
      const item = await manager.save(entity, manager.create(entity, { ...fields, planId } as T));
      await this.saveUnits(manager, itemType, item, units, true);
      await saveMilestones(manager, planId, itemType, item.id, milestones(plan, item));
      return item;
    });
  }

  async update<T extends Item>(
    itemType: ItemType,
    entity: new () => T,
    planId: number,
    id: number,
    fields: Partial<T>,
    units: UnitIds,
    milestones: (plan: Plan, item: T) => MilestoneReading[] | null,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plan(manager, planId);
      const item = await this.item(manager, itemType, entity, planId, id);
      if (fields.seq !== undefined && fields.seq !== item.seq) {
        await this.checkSeqFree(manager, itemType, entity, planId, fields.seq as number, id);
      }
      const saved = await manager.save(entity, manager.merge(entity, item, fields as T));
      await this.saveUnits(manager, itemType, saved, units, false);
      const readings = milestones(plan, saved);
      if (readings) await saveMilestones(manager, planId, itemType, saved.id, readings);
      return saved;
    });
  }

  async remove<T extends Item>(itemType: ItemType, entity: new () => T, planId: number, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const item = await this.item(manager, itemType, entity, planId, id);
      await manager.delete(Assignment, { itemType, itemId: item.id });
      await manager.delete(Milestone, { itemType, itemId: item.id });
      await manager.delete(entity, { id: item.id });
    });
  }

  /** One item of a plan, or a 404 naming it. */
  find<T extends Item>(itemType: ItemType, entity: new () => T, planId: number, id: number): Promise<T> {
    return this.item(this.dataSource.manager, itemType, entity, planId, id);
  }

  private async item<T extends Item>(manager: EntityManager, itemType: ItemType, entity: new () => T, planId: number, id: number): Promise<T> {
    const item = await manager.findOneBy(entity, { id, planId } as never);
    if (!item) throw new NotFoundError(ITEM_TYPE_NAMES[itemType], id);
    return item as T;
  }

  private async plan(manager: EntityManager, planId: number): Promise<Plan> {
    const plan = await manager.findOneBy(Plan, { id: planId });
    if (!plan) throw new NotFoundError('方案', planId);
    return plan;
  }

  private async checkSeqFree(
    manager: EntityManager,
    itemType: ItemType,
    entity: new () => Item,
    planId: number,
    seq: number,
    exceptId: number | null,
  ): Promise<void> {
    const other = await manager.findOneBy(entity, { planId, seq } as never);
    if (other && other.id !== exceptId) {
      throw new ConflictError(`${ITEM_TYPE_NAMES[itemType]}序号${seq}已存在（id ${other.id}）`, [
        { field: 'seq', value: seq, message: `序号${seq}已被占用` },
      ]);
    }
  }

  /** On create both roles are written; on update a role is replaced only when its list is given. */
  private async saveUnits(manager: EntityManager, itemType: ItemType, item: Item, units: UnitIds, creating: boolean): Promise<void> {
    if (!creating && units.leadUnitIds === undefined && units.supportingUnitIds === undefined) return;
    const current = await manager.find(Assignment, { where: { itemType, itemId: item.id }, order: { position: 'ASC' } });
    const leadIds = units.leadUnitIds ?? current.filter((a) => a.role === 'lead').map((a) => a.unitId);
    const supportIds = units.supportingUnitIds ?? current.filter((a) => a.role === 'support').map((a) => a.unitId);
    const lead = await this.units(manager, item.planId, leadIds, 'leadUnitIds');
    const support = await this.units(manager, item.planId, supportIds, 'supportingUnitIds');
    const both = lead.filter((u) => support.some((s) => s.id === u.id));
    if (both.length) {
      throw new ValidationFailedError(
        both.map((u) => ({ field: 'supportingUnitIds', value: u.id, message: `单位“${u.name}”不能既牵头又配合` })),
      );
    }
    await saveAssignments(manager, item.planId, itemType, item.id, lead, support);
  }

  private async units(manager: EntityManager, planId: number, ids: number[], field: string): Promise<Unit[]> {
    const units: Unit[] = [];
    for (const id of ids) {
      const unit = await manager.findOneBy(Unit, { id, planId });
      if (!unit) throw new ValidationFailedError([{ field, value: id, message: `本方案没有id为${id}的单位` }]);
      units.push(unit);
    }
    return units;
  }
}
