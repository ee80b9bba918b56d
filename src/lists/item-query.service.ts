import { Injectable } from '@nestjs/common';
import { DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { ValidationFailedError } from '../common/domain-error.js';
import type { ItemType } from '../common/item-type.js';
import type { Page } from '../common/pagination.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { Assignment } from './assignment.entity.js';
import type { ListDefinition } from './list-registry.js';
import type { ListItemEntity } from '../database/list-item.entity.js';
import { StatusService } from './status.service.js';
import type { Light, Status } from '../status/status.js';
import { type MilestoneView, toMilestoneView } from '../deadlines/milestone-view.js';
import { UnitNames } from '../units/unit-names.js';
import { Unit } from '../units/unit.entity.js';
import type { ItemListQuery } from './item-list.query.js';
import { Plan } from '../plans/plan.entity.js';

export interface UnitRef {
  id: number;
  name: string;
}

export type ItemView<T> = T & {
  leadUnits: UnitRef[];
  supportingUnits: UnitRef[];
  milestones: MilestoneView[];
  /** Derived as of `asOf` (README, "状态与红黄绿灯"). */
  status: Status;
  overdue: boolean;
  light: Light;
  asOf: string;
};

/** What the three item lists share: filtering by unit, chapter and due date, paging, and attaching units and milestones. */
@Injectable()
export class ItemQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statuses: StatusService,
  ) {}

  async page<T extends ListItemEntity>(list: ListDefinition<T>, planId: number, query: ItemListQuery): Promise<Page<ItemView<T>>> {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const itemType = list.itemType;
    const qb = this.dataSource.getRepository(list.entity).createQueryBuilder('item').where('item.planId = :planId', { planId });
    // Withdrawn (撤销) items leave the list from the day they were withdrawn; withdrawn=true lists only them.
    const withdrawnBy = `item.withdrawnOn IS NOT NULL AND item.withdrawnOn <= :withdrawnBy`;
    qb.andWhere(query.withdrawn ? withdrawnBy : `NOT (${withdrawnBy})`, { withdrawnBy: this.statuses.asOf(plan, query.asOf) });
    await this.applyUnitFilter(qb, itemType, planId, 'lead', query.leadUnit, 'leadUnit');
    await this.applyUnitFilter(qb, itemType, planId, 'support', query.supportingUnit, 'supportingUnit');
    await this.applyUnitFilter(qb, itemType, planId, null, query.unit, 'unit');
    if (query.chapter !== undefined) {
      const escaped = query.chapter.replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere(`item.${list.groupColumn} LIKE :chapter ESCAPE '\\'`, { chapter: `%${escaped}%` });
    }
    if (query.dueBefore || query.dueAfter) {
      const due = this.dataSource
        .getRepository(Milestone)
        .createQueryBuilder('m')
        .select('1')
        .where('m.itemType = :itemType AND m.itemId = item.id AND m.dueDate IS NOT NULL');
      if (query.dueBefore) due.andWhere('m.dueDate <= :dueBefore');
      if (query.dueAfter) due.andWhere('m.dueDate >= :dueAfter');
      qb.andWhere(`EXISTS (${due.getQuery()})`, { itemType, dueBefore: query.dueBefore, dueAfter: query.dueAfter });
    }
    qb.orderBy('item.seq', 'ASC');
    if (query.status === undefined && query.light === undefined && query.overdue === undefined) {
      const [items, total] = await qb.skip(query.offset).take(query.limit).getManyAndCount();
      return { items: await this.decorate(itemType, items, query.asOf, plan), total };
    }
    // Status is derived, so filtering by it reads every matching item, then pages.
    const all = (await this.decorate(itemType, await qb.getMany(), query.asOf, plan)).filter(
      (item) =>
        (query.status === undefined || item.status === query.status) &&
        (query.light === undefined || item.light === query.light) &&
        (query.overdue === undefined || item.overdue === query.overdue),
    );
    return { items: all.slice(query.offset, query.offset + query.limit), total: all.length };
  }

  /** One item with its units and milestones. */
  async one<T extends ListItemEntity>(list: ListDefinition<T>, item: T, asOf?: string): Promise<ItemView<T>> {
    return (await this.decorate(list.itemType, [item], asOf))[0];
  }

  /** Adds lead and supporting units, milestones, and status as of a date (default: today) to items of one type. */
  async decorate<T extends { id: number; planId: number }>(itemType: ItemType, items: T[], asOf?: string, knownPlan?: Plan): Promise<ItemView<T>[]> {
    if (items.length === 0) return [];
    const plan = knownPlan ?? (await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: items[0].planId }));
    const day = this.statuses.asOf(plan, asOf);
    const ids = items.map((i) => i.id);
    const [assignments, milestones] = await Promise.all([
      this.dataSource.getRepository(Assignment).find({
        where: { itemType, itemId: In(ids) },
        relations: { unit: true },
        order: { position: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(Milestone).find({ where: { itemType, itemId: In(ids) }, order: { seq: 'ASC' } }),
    ]);
    const read = await this.statuses.read(
      plan,
      items.map((item) => ({ itemType, itemId: item.id, item })),
      { milestones, assignments },
      day,
    );
    const ref = (a: Assignment): UnitRef => ({ id: a.unitId, name: a.unit?.name ?? '' });
    return read.map(({ row, lead, support, milestones: own, status }) => ({
      ...row.item,
      leadUnits: lead.map(ref),
      supportingUnits: support.map(ref),
      milestones: own.map((m) => toMilestoneView(m.row, m.status)),
      status: status.status,
      overdue: status.overdue,
      light: status.light,
      asOf: day,
    }));
  }

  /** A unit named by id or by name/alias; a clear 400 when none matches. */
  async resolveUnit(planId: number, value: string, field: string): Promise<Unit> {
    const units = await this.dataSource.getRepository(Unit).findBy({ planId });
    const unit = /^\d+$/.test(value) ? units.find((u) => u.id === Number(value)) : new UnitNames(units).find(value);
    if (!unit) throw new ValidationFailedError([{ field, value, message: `本方案没有单位“${value}”` }]);
    return unit;
  }

  private async applyUnitFilter(
    qb: SelectQueryBuilder<ObjectLiteral>,
    itemType: ItemType,
    planId: number,
    role: 'lead' | 'support' | null,
    value: string | undefined,
    field: string,
  ): Promise<void> {
    if (value === undefined) return;
    const unit = await this.resolveUnit(planId, value, field);
    // Identifiers are quoted so the same SQL runs on SQLite and PostgreSQL.
    const a = `a_${field}`;
    const roleClause = role ? ` AND ${a}."role" = :role_${field}` : '';
    qb.andWhere(
      `EXISTS (SELECT 1 FROM "assignments" ${a} WHERE ${a}."itemType" = :type_${field} AND ${a}."itemId" = item.id AND ${a}."unitId" = :unit_${field}${roleClause})`,
      { [`type_${field}`]: itemType, [`unit_${field}`]: unit.id, [`role_${field}`]: role },
    );
  }
}
