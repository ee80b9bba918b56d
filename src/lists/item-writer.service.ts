import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { ITEM_TYPE_NAMES, type ItemType } from '../common/item-type.js';
import { checkVersion, withCurrentView } from '../database/check-version.js';
import { findForUpdate } from '../database/locked-find.js';
import { readAll } from '../database/read-all.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { Assignment } from './assignment.entity.js';
import { withStandingUnits } from '../plans/standing-assignments.js';
import type { UnitIdsDto } from '../common/unit-ids.dto.js';
import type { ListDefinition } from './list-registry.js';
import { type Holders, storeChange, storeNew } from './item-store.js';
import type { ListItemEntity } from '../database/list-item.entity.js';
import { Unit } from '../units/unit.entity.js';
import { ItemQueryService } from './item-query.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Clock } from '../common/clock.js';

const MEASURE: Record<string, string> = { 进展填报: '条', 佐证材料: '份', 督办: '件', 延期申请: '件', 指标完成值: '个' };

type Item = ListItemEntity;
type List<T extends Item> = ListDefinition<T>;

/**
 * Creates, changes and deletes items of the three lists with their responsibilities and milestones, atomically.
 * Each list's own rules (its entity, how its milestones are read) come from its entry in the list registry.
 */
/** A new item's units with the plan's standing arrangements added (see responsibilities/standing-assignments.ts). */
function withStandingIds(plan: Plan, itemType: ItemType, units: UnitIdsDto): UnitIdsDto {
  if (!plan.standingAssignments?.length) return units;
  const asUnit = (id: number) => ({ id });
  const { lead, support } = withStandingUnits(
    plan.standingAssignments,
    itemType,
    { lead: (units.leadUnitIds ?? []).map(asUnit), support: (units.supportingUnitIds ?? []).map(asUnit) },
    asUnit,
  );
  return { ...units, leadUnitIds: lead.map((u) => u.id), supportingUnitIds: support.map((u) => u.id) };
}

@Injectable()
export class ItemWriterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemQueryService,
    private readonly clock: Clock,
  ) {}

  async create<T extends Item>(list: List<T>, planId: number, fields: Partial<T>, units: UnitIdsDto): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plan(manager, planId);
      await this.checkSeqFree(manager, list.itemType, list.entity, planId, fields.seq as number, null);
      const holders = await this.holders(manager, list.itemType, planId, null, withStandingIds(plan, list.itemType, units));
      return storeNew(manager, plan, list, fields, holders!);
    });
  }

  /**
   * Changes the given fields of the item at `version` (409 with the item as GET shows it when it has been saved
   * since); the milestones are read again only when a field they come from is given. Any change is a new version.
   */
  async update<T extends Item & { version: number }>(
    list: List<T>,
    planId: number,
    id: number,
    version: number,
    fields: Partial<T>,
    units: UnitIdsDto,
  ): Promise<T> {
    const change = () =>
      this.dataSource.transaction(async (manager) => {
        const plan = await this.plan(manager, planId);
        const item = await findForUpdate(manager, list.entity, list.itemName, { id, planId } as never);
        checkVersion(list.itemName, version, item);
        const withdrawn = item as { withdrawnOn?: string | null; withdrawnReason?: string | null };
        if (withdrawn.withdrawnOn) {
          throw new ConflictError(`${list.itemName}${item.seq}已于${withdrawn.withdrawnOn}撤销（${withdrawn.withdrawnReason ?? ''}），不能再修改`, [
            { field: 'id', value: id, message: '已撤销' },
          ]);
        }
        if (fields.seq !== undefined && fields.seq !== item.seq) {
          await this.checkSeqFree(manager, list.itemType, list.entity, planId, fields.seq, id);
        }
        const changes = { ...fields, ...(await this.staleTexts(manager, list.itemType, item, fields, units)) };
        return storeChange(manager, plan, list, item, changes, await this.holders(manager, list.itemType, planId, item, units));
      });
    return withCurrentView(change, (row: T) => this.items.one(list, row));
  }

  /**
   * Deletes an item read at `version` (409 with the item as GET shows it when it has been saved since) that has no
   * records: one with progress reports, evidence, supervision notices, extension requests or indicator values is a
   * 409 naming them, since deleting would orphan or lose them; such an item is withdrawn instead.
   */
  async remove<T extends Item & { version: number }>(list: List<T>, planId: number, id: number, version: number | undefined): Promise<void> {
    const name = list.itemName;
    const remove = () =>
      this.dataSource.transaction(async (manager) => {
        const item = await findForUpdate(manager, list.entity, name, { id, planId } as never);
        if (version === undefined) {
          throw new ValidationFailedError([{ field: 'version', message: `删除${name}时请给出读到的版本号（?version= 或请求体中的 version）` }]);
        }
        checkVersion(name, version, item);
        const records = await itemRecords(manager, list.itemType, item.id);
        if (records.length > 0) {
          const held = records.map(([what, count]) => `${what}${count}${MEASURE[what] ?? '项'}`).join('、');
          throw new ConflictError(
            `${name}${item.seq}仍有${held}，删除会丢失这些记录，不能删除；如不再执行，请改为撤销（POST …/${item.id}/withdraw，写明原因）`,
            [{ field: 'id', value: item.id, message: `仍有${held}` }],
          );
        }
        await manager.delete(Assignment, { itemType: list.itemType, itemId: item.id });
        await manager.delete(Milestone, { itemType: list.itemType, itemId: item.id });
        await manager.delete(list.entity, { id: item.id });
      });
    await withCurrentView(remove, (row: T) => this.items.one(list, row));
  }

  /** Withdraws (撤销) an item read at `version` with a reason, from today; a withdrawn item cannot be withdrawn again. */
  async withdraw<T extends Item & { version: number; withdrawnOn: string | null; withdrawnReason: string | null }>(
    list: List<T>,
    planId: number,
    id: number,
    version: number,
    reason: string,
  ): Promise<T> {
    const name = list.itemName;
    const withdraw = () =>
      this.dataSource.transaction(async (manager) => {
        const plan = await this.plan(manager, planId);
        const item = await findForUpdate(manager, list.entity, name, { id, planId } as never);
        checkVersion(name, version, item);
        if (item.withdrawnOn !== null) {
          throw new ConflictError(`${name}${item.seq}已于${item.withdrawnOn}撤销（${item.withdrawnReason ?? ''}）`, [
            { field: 'id', value: item.id, message: '已撤销' },
          ]);
        }
        const changes = { withdrawnOn: this.clock.today(plan.timeZone), withdrawnReason: reason, version: item.version + 1 } as Partial<T>;
        return manager.save(list.entity, manager.merge(list.entity, item, changes as T));
      });
    return withCurrentView(withdraw, (row: T) => this.items.one(list, row));
  }

  /** One item of a plan, or a 404 naming it. */
  find<T extends Item>(list: List<T>, planId: number, id: number): Promise<T> {
    return this.item(this.dataSource.manager, list, planId, id);
  }

  private async item<T extends Item>(manager: EntityManager, list: List<T>, planId: number, id: number): Promise<T> {
    const item = await manager.findOneBy(list.entity, { id, planId } as never);
    if (!item) throw new NotFoundError(list.itemName, id);
    return item;
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
    const other = await manager.findOneBy(entity, { planId, seq });
    if (other && other.id !== exceptId) {
      throw new ConflictError(`${ITEM_TYPE_NAMES[itemType]}序号${seq}已存在（id ${other.id}）`, [{ field: 'seq', value: seq, message: `序号${seq}已被占用` }]);
    }
  }

  /**
   * The units a request gives an item, checked: every id a unit of the plan, none both leading and supporting. A new
   * item (`item` null) gets both roles as given; a change replaces a role only when its list is given (null: no
   * change to the units).
   */
  private async holders(manager: EntityManager, itemType: ItemType, planId: number, item: Item | null, units: UnitIdsDto): Promise<Holders | null> {
    if (item && units.leadUnitIds === undefined && units.supportingUnitIds === undefined) return null;
    const current = item ? await manager.find(Assignment, { where: { itemType, itemId: item.id }, order: { position: 'ASC' } }) : [];
    const leadIds = units.leadUnitIds ?? current.filter((a) => a.role === 'lead').map((a) => a.unitId);
    const supportIds = units.supportingUnitIds ?? current.filter((a) => a.role === 'support').map((a) => a.unitId);
    const lead = await this.units(manager, planId, leadIds, 'leadUnitIds');
    const support = await this.units(manager, planId, supportIds, 'supportingUnitIds');
    const both = lead.filter((u) => support.some((s) => s.id === u.id));
    if (both.length) {
      throw new ValidationFailedError(both.map((u) => ({ field: 'supportingUnitIds', value: u.id, message: `单位“${u.name}”不能既牵头又配合` })));
    }
    return { lead, support };
  }

  /**
   * A units cell as written no longer says who is responsible once the units change without a new text: it is
   * cleared, so exports write the unit names instead.
   */
  private async staleTexts(manager: EntityManager, itemType: ItemType, item: Item, fields: Partial<Item>, units: UnitIdsDto): Promise<Partial<Item>> {
    const roles = [
      { role: 'lead', ids: units.leadUnitIds, text: 'leadUnitsText' as const },
      { role: 'support', ids: units.supportingUnitIds, text: 'supportUnitsText' as const },
    ].filter((r) => r.ids !== undefined && fields[r.text] === undefined && item[r.text] != null);
    if (!roles.length) return {};
    const current = await manager.find(Assignment, { where: { itemType, itemId: item.id }, order: { position: 'ASC' } });
    const cleared: Partial<Item> = {};
    for (const r of roles) {
      const ids = current.filter((a) => a.role === r.role).map((a) => a.unitId);
      if (ids.join() !== r.ids!.join()) cleared[r.text] = null;
    }
    return cleared;
  }

  /** The plan's units with these ids, in the order given; a 400 naming the first id the plan lacks. */
  private async units(manager: EntityManager, planId: number, ids: number[], field: string): Promise<Unit[]> {
    const found = ids.length ? await manager.findBy(Unit, { id: In(ids), planId }) : [];
    return ids.map((id) => {
      const unit = found.find((u) => u.id === id);
      if (!unit) throw new ValidationFailedError([{ field, value: id, message: `本方案没有id为${id}的单位` }]);
      return unit;
    });
  }
}

/**
 * What an item has on record, as [Chinese name, count], the empty kinds left out. The tables belong to features that
 * build on the lists (progress, oversight, goals), so they are named here rather than imported.
 */
async function itemRecords(manager: EntityManager, itemType: ItemType, itemId: number): Promise<[string, number][]> {
  const about = { itemType, itemId };
  const [reports, evidence, notices, extensions, values] = await readAll<number[]>(manager, [
    () => manager.getRepository('progress_reports').countBy(about),
    () =>
      manager
        .createQueryBuilder('evidence_files', 'f')
        .innerJoin('progress_reports', 'r', 'r.id = f.reportId')
        .where('r.itemType = :itemType AND r.itemId = :itemId', about)
        .getCount(),
    () => manager.getRepository('supervision_notices').countBy(about),
    () => manager.getRepository('extension_requests').countBy(about),
    () => (itemType === 'indicator' ? manager.getRepository('indicator_values').countBy({ indicatorId: itemId }) : Promise.resolve(0)),
  ]);
  const all: [string, number][] = [
    ['进展填报', reports],
    ['佐证材料', evidence],
    ['督办', notices],
    ['延期申请', extensions],
    ['指标完成值', values],
  ];
  return all.filter(([, count]) => count > 0);
}
