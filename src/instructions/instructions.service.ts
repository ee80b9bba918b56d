import { Injectable } from '@nestjs/common';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { User } from '../auth/user.entity.js';
import type { Actor } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { ForbiddenError, ValidationFailedError } from '../common/domain-error.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { Plan } from '../plans/plan.entity.js';
import { Assignment } from '../lists/assignment.entity.js';
import { findHeldItem, requireInForce, roleOf } from '../lists/item-holders.js';
import type { CreateInstructionDto, InstructionListQuery } from './instruction.dto.js';
import { Instruction } from './instruction.entity.js';

export interface InstructionView {
  id: number;
  planId: number;
  itemType: string;
  itemId: number;
  author: { id: number; name: string; role: string };
  issuedDate: string;
  content: string;
  createdAt: Date;
}

export function toInstructionView(i: Instruction): InstructionView {
  return {
    id: i.id,
    planId: i.planId,
    itemType: i.itemType,
    itemId: i.itemId,
    author: { id: i.authorId, name: i.authorName, role: i.authorRole },
    issuedDate: i.issuedDate,
    content: i.content,
    createdAt: i.createdAt,
  };
}

/**
 * Leaders' instructions (批示) on items. A leader or the office writes one; the office, leaders and the units
 * holding the item (lead or support) read them; the lead unit also finds new ones in its next reminder.
 */
@Injectable()
export class InstructionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(planId: number, actor: Actor, dto: CreateInstructionDto): Promise<InstructionView> {
    if (actor.role !== 'leader' && actor.role !== 'office') throw new ForbiddenError('只有领导或无废办可以作出批示');
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const item = await findHeldItem(this.dataSource.manager, planId, dto.itemType, dto.itemId);
    requireInForce(item);
    const author = await this.dataSource.manager.findOneByOrFail(User, { id: actor.userId });
    const repo = this.dataSource.getRepository(Instruction);
    const saved = await repo.save(
      repo.create({
        planId,
        itemType: item.itemType,
        itemId: item.itemId,
        authorId: author.id,
        authorName: author.displayName || author.username,
        authorRole: actor.role,
        issuedDate: this.clock.today(plan.timeZone),
        content: dto.content,
      }),
    );
    return toInstructionView(saved);
  }

  /** Newest first. A unit user sees those on the items its unit leads or supports; asking for another item is 403. */
  async list(planId: number, actor: Actor, query: InstructionListQuery): Promise<{ items: InstructionView[]; total: number }> {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    if (query.itemId !== undefined && query.itemType === undefined) {
      throw new ValidationFailedError([{ field: 'itemType', value: null, message: '按 itemId 查询时须同时给出 itemType（task、project 或 indicator）' }]);
    }
    const where: FindOptionsWhere<Instruction> = { planId };
    if (query.itemType) where.itemType = query.itemType;
    if (query.itemId !== undefined) {
      const item = await findHeldItem(this.dataSource.manager, planId, query.itemType!, query.itemId);
      if (actor.role === 'unit' && (actor.unitId === null || roleOf(item, actor.unitId) === null)) {
        throw new ForbiddenError(`本单位不是${item.label}的牵头或配合单位，不能查看其批示`);
      }
      where.itemId = query.itemId;
    }
    let rows = await this.dataSource.getRepository(Instruction).find({ where, order: { issuedDate: 'DESC', id: 'DESC' } });
    if (actor.role === 'unit') {
      const held = await this.dataSource.manager.find(Assignment, { where: { planId, unitId: actor.unitId ?? -1 }, select: { itemType: true, itemId: true } });
      const keys = new Set(held.map((a) => `${a.itemType}:${a.itemId}`));
      rows = rows.filter((r) => keys.has(`${r.itemType}:${r.itemId}`));
    }
    return { items: rows.map(toInstructionView), total: rows.length };
  }
}
