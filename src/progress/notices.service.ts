import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type FindOptionsWhere, In } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { Plan } from '../plans/plan.entity.js';
import { findHeldItem, requireInForce, roleOf } from '../lists/item-holders.js';
import { Unit } from '../units/unit.entity.js';
import type { AnswerNoticeDto, CreateNoticeDto, NoticeListQuery } from './notice.dto.js';
import { SupervisionNotice } from './supervision-notice.entity.js';

/** Office and leaders see every notice and request of their plan; a unit user only its own unit's. */
export function ownUnitOnly(actor: Actor): number | null {
  if (actor.role !== 'unit') return null;
  // A unit user without a unit sees nothing: -1 matches no unit.
  return actor.unitId ?? -1;
}

/** Unit id -> name, for the units these rows name. */
export async function unitNames(manager: EntityManager, unitIds: number[]): Promise<Map<number, string>> {
  const ids = [...new Set(unitIds)];
  const units = ids.length ? await manager.find(Unit, { where: { id: In(ids) }, select: { id: true, name: true } }) : [];
  return new Map(units.map((u) => [u.id, u.name]));
}

export function toNoticeView(n: SupervisionNotice, names: Map<number, string>) {
  return {
    id: n.id,
    planId: n.planId,
    itemType: n.itemType,
    itemId: n.itemId,
    unit: { id: n.unitId, name: names.get(n.unitId) ?? '' },
    content: n.content,
    answerBy: n.answerBy,
    status: n.status,
    issuedById: n.issuedById,
    issuedDate: n.issuedDate,
    answer: n.answer,
    answeredById: n.answeredById,
    answeredDate: n.answeredDate,
    version: n.version,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

/** Supervision notices (督办): the office issues one on an item, the unit it is addressed to answers it. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async issue(planId: number, actor: Actor, dto: CreateNoticeDto) {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const manager = this.dataSource.manager;
    const item = await findHeldItem(manager, planId, dto.itemType, dto.itemId);
    requireInForce(item);
    const unitId = dto.unitId ?? item.leadUnitIds[0];
    if (unitId === undefined) {
      throw new ValidationFailedError([
        { field: 'unitId', value: null, message: `${item.label}尚无牵头单位，请用 unitId 指定督办对象（须为该项的牵头或配合单位）` },
      ]);
    }
    if (!roleOf(item, unitId)) {
      throw new ValidationFailedError([{ field: 'unitId', value: unitId, message: `单位 ${unitId} 不是${item.label}的牵头或配合单位，不能作为督办对象` }]);
    }
    const issuedDate = this.clock.today(plan.timeZone);
    if (dto.answerBy !== undefined && dto.answerBy < issuedDate) {
      throw new ValidationFailedError([{ field: 'answerBy', value: dto.answerBy, message: `答复期限不能早于督办日期 ${issuedDate}` }]);
    }
    const repo = this.dataSource.getRepository(SupervisionNotice);
    const notice = await repo.save(
      repo.create({
        planId,
        itemType: item.itemType,
        itemId: item.itemId,
        unitId,
        content: dto.content,
        answerBy: dto.answerBy ?? null,
        issuedById: actor.userId,
        issuedDate,
        status: 'open',
        answer: null,
        answeredById: null,
        answeredDate: null,
      }),
    );
    return toNoticeView(notice, await unitNames(manager, [unitId]));
  }

  async list(planId: number, actor: Actor, query: NoticeListQuery) {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const where: FindOptionsWhere<SupervisionNotice> = { planId };
    if (query.status) where.status = query.status;
    if (query.itemType) where.itemType = query.itemType;
    if (query.itemId !== undefined) where.itemId = query.itemId;
    const own = ownUnitOnly(actor);
    if (own !== null && query.unitId !== undefined && query.unitId !== own) return { items: [], total: 0 };
    const unitId = own ?? query.unitId;
    if (unitId !== undefined) where.unitId = unitId;
    const notices = await this.dataSource.getRepository(SupervisionNotice).find({ where, order: { id: 'ASC' } });
    const names = await unitNames(
      this.dataSource.manager,
      notices.map((n) => n.unitId),
    );
    return { items: notices.map((n) => toNoticeView(n, names)), total: notices.length };
  }

  async get(planId: number, actor: Actor, id: number) {
    const notice = await this.findVisible(this.dataSource.manager, planId, actor, id);
    return toNoticeView(notice, await unitNames(this.dataSource.manager, [notice.unitId]));
  }

  /** Only a user of the addressed unit answers, and only once. */
  async answer(planId: number, actor: Actor, id: number, dto: AnswerNoticeDto) {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const notice = await this.dataSource.transaction(async (manager) => {
      const notice = await this.findVisible(manager, planId, actor, id);
      if (actor.unitId !== notice.unitId) throw new ForbiddenError('只有被督办单位的用户可以答复督办');
      if (notice.status !== 'open') {
        throw new ConflictError(`督办 ${id} 已于 ${notice.answeredDate} 答复，不能重复答复`, [{ field: 'id', value: id, message: '已答复' }]);
      }
      const answeredDate = this.clock.today(plan.timeZone);
      // Conditional on still being open, so two answers racing on a database without serialised transactions cannot both win.
      const result = await manager.update(
        SupervisionNotice,
        { id, status: 'open' },
        { status: 'answered', answer: dto.answer, answeredById: actor.userId, answeredDate },
      );
      if (result.affected === 0) throw new ConflictError(`督办 ${id} 已答复，不能重复答复`, [{ field: 'id', value: id, message: '已答复' }]);
      return manager.findOneByOrFail(SupervisionNotice, { id });
    });
    return toNoticeView(notice, await unitNames(this.dataSource.manager, [notice.unitId]));
  }

  /** A notice of this plan the actor may see; 404 for everyone else, so its existence does not leak. */
  private async findVisible(manager: EntityManager, planId: number, actor: Actor, id: number): Promise<SupervisionNotice> {
    const notice = await manager.findOneBy(SupervisionNotice, { id, planId });
    const own = ownUnitOnly(actor);
    if (!notice || (own !== null && notice.unitId !== own)) throw new NotFoundError('督办', id);
    return notice;
  }
}
