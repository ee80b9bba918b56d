import { Injectable } from '@nestjs/common';
import { DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { ValidationFailedError } from '../common/domain-error.js';
import type { ItemType } from '../common/item-type.js';
import type { Page } from '../common/pagination.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { Assignment } from '../responsibilities/assignment.entity.js';
import type { ListAdapter } from '../spreadsheets/list-adapters.js';
import { UnitNames } from '../units/unit-names.js';
import { Unit } from '../units/unit.entity.js';
import type { ItemListQuery } from './item-list.query.js';
import { Plan } from './plan.entity.js';

export interface UnitRef {
  id: number;
  name: string;
}

export interface MilestoneView {
  id: number;
  dueDate: string | null;
  kind: Milestone['kind'];
  periodStart: string | null;
  recurrence: Milestone['recurrence'];
  quantity: string | null;
  phrase: string;
  certain: boolean;
  note: string | null;
}

export type ItemView<T> = T & { leadUnits: UnitRef[]; supportingUnits: UnitRef[]; milestones: MilestoneView[] };

/** What the three item lists share: filtering by unit, chapter and due date, paging, and attaching units and milestones. */
@Injectable()
export class PlanItemsService {
  constructor(private readonly dataSource: DataSource) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async page<T extends ObjectLiteral & { id: number; planId: number; seq: number }>(list: ListAdapter<any, T>, planId: number, query: ItemListQuery): Promise<Page<ItemView<T>>> {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const itemType = list.itemType;
    const qb = this.dataSource.getRepository(list.entity).createQueryBuilder('item').where('item.planId = :planId', { planId });
    await this.applyUnitFilter(qb, itemType, planId, 'lead', query.leadUnit, 'leadUnit');
    await this.applyUnitFilter(qb, itemType, planId, 'support', query.supportingUnit, 'supportingUnit');
    await this.applyUnitFilter(qb, itemType, planId, null, query.unit, 'unit');
    if (query.chapter !== undefined) {
      const escaped = query.chapter.replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere(`item.${list.chapterColumn} LIKE :chapter ESCAPE '\\'`, { chapter: `%${escaped}%` });
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
    qb.orderBy('item.seq', 'ASC').skip(query.offset).take(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items: await this.decorate(itemType, items), total };
  }

  /** One item with its units and milestones. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async one<T extends { id: number; planId: number; seq: number }>(list: ListAdapter<any, T>, item: T): Promise<ItemView<T>> {
    return (await this.decorate(list.itemType, [item]))[0];
  }

  /** Adds lead and supporting units and milestones to items of one type. */
  async decorate<T extends { id: number }>(itemType: ItemType, items: T[]): Promise<ItemView<T>[]> {
    if (items.length === 0) return [];
    const ids = items.map((i) => i.id);
    const [assignments, milestones] = await Promise.all([
      this.dataSource.getRepository(Assignment).find({
        where: { itemType, itemId: In(ids) },
        relations: { unit: true },
        order: { position: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(Milestone).find({ where: { itemType, itemId: In(ids) }, order: { seq: 'ASC' } }),
    ]);
    return items.map((item) => {
      const mine = assignments.filter((a) => a.itemId === item.id);
      const ref = (a: Assignment): UnitRef => ({ id: a.unitId, name: a.unit?.name ?? '' });
      return {
        ...item,
        leadUnits: mine.filter((a) => a.role === 'lead').map(ref),
        supportingUnits: mine.filter((a) => a.role === 'support').map(ref),
        milestones: milestones.filter((m) => m.itemId === item.id).map(toMilestoneView),
      };
    });
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

export function toMilestoneView(m: Milestone): MilestoneView {
  return {
    id: m.id,
    dueDate: m.dueDate,
    kind: m.kind,
    periodStart: m.periodStart,
    recurrence: m.recurrence,
    quantity: m.quantity,
    phrase: m.phrase,
    certain: m.certain,
    note: m.note,
  };
}
