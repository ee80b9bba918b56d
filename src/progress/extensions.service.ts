import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { findHeldItem, findItemMilestone, requireHolder, requireInForce } from '../lists/item-holders.js';
import { StatusService } from '../lists/status.service.js';
import { recordEvents } from '../status/status-events.js';
import type { ApproveExtensionDto, CreateExtensionDto, ExtensionListQuery, RefuseExtensionDto } from './extension.dto.js';
import { ExtensionRequest, type ExtensionStatus } from './extension-request.entity.js';
import { ownUnitOnly, unitNames } from './notices.service.js';

const DECIDED: Record<Exclude<ExtensionStatus, 'pending'>, string> = { approved: '批准', refused: '驳回' };

export function toExtensionView(r: ExtensionRequest, names: Map<number, string>) {
  return {
    id: r.id,
    planId: r.planId,
    milestoneId: r.milestoneId,
    itemType: r.itemType,
    itemId: r.itemId,
    unit: { id: r.unitId, name: names.get(r.unitId) ?? '' },
    requestedById: r.requestedById,
    occurrence: r.occurrence,
    currentDueDate: r.currentDueDate,
    requestedDueDate: r.requestedDueDate,
    reason: r.reason,
    status: r.status,
    decidedById: r.decidedById,
    decisionComment: r.decisionComment,
    decidedDate: r.decidedDate,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * Deadline extensions (延期申请): the lead unit asks, the office approves or refuses. An approval moves the
 * milestone's due date and keeps the first due date as the baseline that assessments score against. Of a
 * recurring milestone it moves one occurrence (the one named, else the one due now), never the others.
 */
@Injectable()
export class ExtensionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly statuses: StatusService,
  ) {}

  /** The due date that stands today: the milestone's, or of a recurring one its occurrence's. */
  private async standingDue(manager: EntityManager, plan: Plan, milestone: Milestone, requested: string | null | undefined) {
    const occurrence = await this.statuses.occurrenceOf(plan, milestone, requested ?? undefined, manager);
    if (occurrence === null) return { occurrence, dueDate: milestone.dueDate };
    const status = (await this.statuses.forItems(plan, milestone.itemType, [milestone.itemId], [milestone], this.statuses.asOf(plan), manager)).get(
      milestone.itemId,
    )!;
    const own = status.milestones.get(milestone.id)!.occurrences!.find((o) => o.key === occurrence)!;
    return { occurrence, dueDate: own.dueDate };
  }

  async request(planId: number, actor: Actor, dto: CreateExtensionDto) {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    // The "one pending" check answers the usual case; two requests racing (on PostgreSQL, from two instances) meet the
    // partial unique index instead, and the loser gets the same 409.
    const saved = await this.dataSource
      .transaction((manager) => this.create(manager, plan, actor, dto))
      .catch(async (error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
        const pending = await this.dataSource.getRepository(ExtensionRequest).findOneBy({ milestoneId: dto.milestoneId, status: 'pending' });
        throw pendingConflict('该节点', dto.milestoneId, pending?.id);
      });
    return this.view(saved);
  }

  private async create(manager: EntityManager, plan: Plan, actor: Actor, dto: CreateExtensionDto): Promise<ExtensionRequest> {
    const milestone = await manager.findOneBy(Milestone, { id: dto.milestoneId, planId: plan.id });
    if (!milestone) throw new NotFoundError('节点', dto.milestoneId);
    const item = await findHeldItem(manager, plan.id, milestone.itemType, milestone.itemId);
    requireInForce(item);
    if (requireHolder(actor, item) !== 'lead') {
      throw new ForbiddenError(`本单位是${item.label}的配合单位，只有牵头单位可以申请延期`);
    }
    const { occurrence, dueDate } = await this.standingDue(manager, plan, milestone, dto.occurrence);
    if (dueDate === null) {
      throw new ValidationFailedError([
        { field: 'milestoneId', value: dto.milestoneId, message: `${item.label}的该节点没有截止日期（长期或待确认），无需申请延期` },
      ]);
    }
    if (dto.requestedDueDate <= dueDate) {
      throw new ValidationFailedError([{ field: 'requestedDueDate', value: dto.requestedDueDate, message: `申请的新时限应晚于当前时限 ${dueDate}` }]);
    }
    const pending = await manager.findOneBy(ExtensionRequest, { planId: plan.id, milestoneId: milestone.id, status: 'pending' });
    if (pending) throw pendingConflict(`${item.label}的该节点`, milestone.id, pending.id);
    return manager.save(
      manager.create(ExtensionRequest, {
        planId: plan.id,
        milestoneId: milestone.id,
        occurrence,
        itemType: item.itemType,
        itemId: item.itemId,
        unitId: actor.unitId!,
        requestedById: actor.userId,
        currentDueDate: dueDate,
        requestedDueDate: dto.requestedDueDate,
        reason: dto.reason,
        status: 'pending',
        decidedById: null,
        decisionComment: null,
        decidedDate: null,
      }),
    );
  }

  async list(planId: number, actor: Actor, query: ExtensionListQuery) {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const where: FindOptionsWhere<ExtensionRequest> = { planId };
    if (query.status) where.status = query.status;
    const own = ownUnitOnly(actor);
    if (own !== null) where.unitId = own;
    const rows = await this.dataSource.getRepository(ExtensionRequest).find({ where, order: { id: 'ASC' } });
    const names = await unitNames(
      this.dataSource.manager,
      rows.map((r) => r.unitId),
    );
    return { items: rows.map((r) => toExtensionView(r, names)), total: rows.length };
  }

  async get(planId: number, actor: Actor, id: number) {
    return this.view(await this.findVisible(this.dataSource.manager, planId, actor, id));
  }

  /**
   * In one transaction: the request is approved, the milestone's due date moves (its first due date kept as
   * the baseline, never overwritten by later extensions), and a due_changed status event records the move.
   */
  async approve(planId: number, actor: Actor, id: number, dto: ApproveExtensionDto) {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const result = await this.dataSource.transaction(async (manager) => {
      const request = await this.findPending(manager, planId, actor, id);
      const item = await findHeldItem(manager, planId, request.itemType, request.itemId);
      const milestone = await findItemMilestone(manager, item, request.milestoneId);
      const { occurrence, dueDate: oldDue } = await this.standingDue(manager, plan, milestone, request.occurrence);
      if (oldDue !== null && request.requestedDueDate <= oldDue) {
        throw new ConflictError(`节点时限已变更为 ${oldDue}，申请的新时限 ${request.requestedDueDate} 不再晚于它，请驳回此申请`, [
          { field: 'requestedDueDate', value: request.requestedDueDate, message: `当前时限为 ${oldDue}` },
        ]);
      }
      const today = this.clock.today(plan.timeZone);
      await this.decide(manager, request, 'approved', actor, dto.comment, today);
      if (occurrence === null) {
        milestone.baselineDate = milestone.baselineDate ?? oldDue;
        milestone.dueDate = request.requestedDueDate;
        await manager.save(milestone);
      }
      await recordEvents(manager, this.clock, plan, [
        {
          itemType: request.itemType,
          itemId: request.itemId,
          milestoneId: milestone.id,
          occurrence,
          kind: 'due_changed',
          actorId: actor.userId,
          fromDate: oldDue,
          toDate: request.requestedDueDate,
          reason: request.reason,
        },
      ]);
      const moved = occurrence === null ? milestone : { id: milestone.id, dueDate: request.requestedDueDate, baselineDate: occurrence };
      return { request: await manager.findOneByOrFail(ExtensionRequest, { id }), milestone: moved };
    });
    const { id: milestoneId, dueDate, baselineDate } = result.milestone;
    return { ...(await this.view(result.request)), milestone: { id: milestoneId, dueDate, baselineDate } };
  }

  async refuse(planId: number, actor: Actor, id: number, dto: RefuseExtensionDto) {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const request = await this.dataSource.transaction(async (manager) => {
      const request = await this.findPending(manager, planId, actor, id);
      await this.decide(manager, request, 'refused', actor, dto.comment, this.clock.today(plan.timeZone));
      return manager.findOneByOrFail(ExtensionRequest, { id });
    });
    return this.view(request);
  }

  private async findPending(manager: EntityManager, planId: number, actor: Actor, id: number): Promise<ExtensionRequest> {
    const request = await this.findVisible(manager, planId, actor, id);
    if (request.status !== 'pending') {
      throw new ConflictError(`延期申请 ${id} 已于 ${request.decidedDate} ${DECIDED[request.status]}，不能再次处理`, [
        { field: 'id', value: id, message: `已${DECIDED[request.status]}` },
      ]);
    }
    return request;
  }

  /** Conditional on still being pending, so two decisions racing on a database without serialised transactions cannot both win. */
  private async decide(
    manager: EntityManager,
    request: ExtensionRequest,
    status: 'approved' | 'refused',
    actor: Actor,
    comment: string | undefined,
    today: string,
  ): Promise<void> {
    const result = await manager.update(
      ExtensionRequest,
      { id: request.id, status: 'pending' },
      { status, decidedById: actor.userId, decisionComment: comment || null, decidedDate: today },
    );
    if (result.affected === 0) {
      throw new ConflictError(`延期申请 ${request.id} 已被处理，不能再次处理`, [{ field: 'id', value: request.id, message: '已处理' }]);
    }
  }

  /** A request of this plan the actor may see; 404 for everyone else. */
  private async findVisible(manager: EntityManager, planId: number, actor: Actor, id: number): Promise<ExtensionRequest> {
    const request = await manager.findOneBy(ExtensionRequest, { id, planId });
    const own = ownUnitOnly(actor);
    if (!request || (own !== null && request.unitId !== own)) throw new NotFoundError('延期申请', id);
    return request;
  }

  private async view(request: ExtensionRequest) {
    return toExtensionView(request, await unitNames(this.dataSource.manager, [request.unitId]));
  }
}

/** The 409 of a milestone that has a pending request already (its number, when known). */
function pendingConflict(what: string, milestoneId: number, pendingId: number | undefined): ConflictError {
  const number = pendingId === undefined ? '' : `（编号 ${pendingId}）`;
  return new ConflictError(`${what}已有待审批的延期申请${number}，请等待无废办处理`, [
    { field: 'milestoneId', value: milestoneId, message: `已有待审批的延期申请${pendingId === undefined ? '' : ` ${pendingId}`}` },
  ]);
}
