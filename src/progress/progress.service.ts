import { Injectable, Logger } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { ConflictError, type FieldProblem, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { checkVersion, withCurrentView } from '../database/check-version.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { Plan } from '../plans/plan.entity.js';
import { findHeldItem, findItemMilestone, type HeldItem, requireHolder, requireInForce } from '../lists/item-holders.js';
import { StatusService } from '../lists/status.service.js';
import { type EventInput, recordEvents } from '../status/status-events.js';
import { EvidenceFile } from './evidence-file.entity.js';
import type { CreateReportDto, ReportListQuery, UpdateReportDto } from './progress.dto.js';
import { ProgressReport } from './progress-report.entity.js';
import { canEditReport, canReadReport } from './report-access.js';
import { refreshStanding } from '../standing/standing-store.js';

/** A milestone (or occurrence of one) a report speaks for, with its status today. */
export interface ReportTarget {
  milestoneId: number | null;
  occurrence: string | null;
  status: string;
}

export type ReportView = ProgressReport & { evidence: Omit<EvidenceFile, 'storageKey' | 'report'>[] };

/** Progress reports (进展填报): units write drafts, submit them, and the lead unit's submission moves the status. */
@Injectable()
export class ProgressService {
  private readonly logger = new Logger('Progress');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly statuses: StatusService,
  ) {}

  async create(actor: Actor, planId: number, dto: CreateReportDto): Promise<ReportView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const item = await findHeldItem(manager, planId, dto.itemType, dto.itemId);
      if (actor.role !== 'unit' || actor.unitId === null) throw new ForbiddenError('只有责任单位可以填报进展');
      requireInForce(item);
      const role = requireHolder(actor, item);
      const milestone = await this.target(manager, item, dto.milestoneId);
      const plan = await manager.findOneByOrFail(Plan, { id: planId });
      const occurrence = milestone ? await this.statuses.occurrenceOf(plan, milestone, dto.occurrence, manager) : this.noOccurrence(dto.occurrence);
      const report = manager.create(ProgressReport, {
        planId,
        itemType: item.itemType,
        itemId: item.itemId,
        milestoneId: milestone?.id ?? null,
        occurrence,
        unitId: actor.unitId,
        role,
        authorId: actor.userId,
        state: dto.state,
        narrative: dto.narrative ?? '',
        periodStart: dto.periodStart ?? null,
        periodEnd: dto.periodEnd ?? null,
        quantityDone: dto.quantityDone ?? null,
        quantityTotal: dto.quantityTotal ?? quantityOf(milestone),
        investmentDone: dto.investmentDone ?? null,
        percent: null,
        status: 'draft',
        submittedAt: null,
        submittedDate: null,
        reviewerId: null,
        reviewComment: null,
        reviewedAt: null,
        reviewedDate: null,
      });
      report.percent = percentOf(report, dto.percent);
      this.checkFields(report);
      const saved = await manager.save(ProgressReport, report);
      if (dto.submit) await this.submitIn(manager, actor, saved, item);
      return saved.id;
    });
    return this.get(actor, planId, id);
  }

  async update(actor: Actor, planId: number, id: number, dto: UpdateReportDto): Promise<ReportView> {
    const change = () =>
      this.dataSource.transaction(async (manager) => {
        const report = await this.editable(manager, actor, planId, id);
        checkVersion('进展填报', dto.version, report);
        const { version: _version, percent, ...fields } = dto;
        for (const [key, value] of Object.entries(fields)) if (value !== undefined) (report as unknown as Record<string, unknown>)[key] = value;
        const recount = dto.quantityDone !== undefined || dto.quantityTotal !== undefined || dto.state !== undefined;
        if (percent !== undefined || recount) report.percent = percentOf(report, percent);
        this.checkFields(report);
        await manager.save(ProgressReport, report);
      });
    await withCurrentView(change, () => this.get(actor, planId, id));
    return this.get(actor, planId, id);
  }

  /** Hands the report to the office. The lead unit's "done" marks its milestone(s) submitted; any report marks work started. */
  async submit(actor: Actor, planId: number, id: number): Promise<ReportView> {
    await this.dataSource.transaction(async (manager) => {
      const report = await this.editable(manager, actor, planId, id);
      await this.submitIn(manager, actor, report, await findHeldItem(manager, planId, report.itemType, report.itemId));
    });
    return this.get(actor, planId, id);
  }

  async list(actor: Actor, planId: number, query: ReportListQuery): Promise<ReportView[]> {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const qb = this.dataSource.getRepository(ProgressReport).createQueryBuilder('r').where('r.planId = :planId', { planId });
    if (query.itemType) qb.andWhere('r.itemType = :itemType', { itemType: query.itemType });
    if (query.itemId) qb.andWhere('r.itemId = :itemId', { itemId: query.itemId });
    if (query.unitId) qb.andWhere('r.unitId = :unitId', { unitId: query.unitId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (actor.role === 'unit') {
      // Its own reports, and the submitted ones on items it holds.
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('r.unitId = :mine')
            .orWhere(
              `r.status != 'draft' AND EXISTS (SELECT 1 FROM "assignments" a WHERE a."itemType" = r."itemType" AND a."itemId" = r."itemId" AND a."unitId" = :mine)`,
            ),
        ),
        { mine: actor.unitId },
      );
    } else {
      qb.andWhere(`r.status != 'draft'`);
    }
    const reports = await qb.orderBy('r.id', 'DESC').getMany();
    return this.withEvidence(reports);
  }

  async get(actor: Actor, planId: number, id: number): Promise<ReportView> {
    const report = await this.readable(this.dataSource.manager, actor, planId, id);
    return (await this.withEvidence([report]))[0];
  }

  /** A report the actor may read, or 404 (others' drafts do not exist for them). */
  async readable(manager: EntityManager, actor: Actor, planId: number, id: number): Promise<ProgressReport> {
    const report = await manager.findOneBy(ProgressReport, { id, planId });
    if (!report) throw new NotFoundError('进展填报', id);
    const item = await findHeldItem(manager, planId, report.itemType, report.itemId);
    if (!canReadReport(actor, report, item)) throw new NotFoundError('进展填报', id);
    return report;
  }

  /** A report the actor may change (its unit's draft or returned report); 403 or 404 otherwise. */
  async editable(manager: EntityManager, actor: Actor, planId: number, id: number): Promise<ProgressReport> {
    const report = await this.readable(manager, actor, planId, id);
    if (!canEditReport(actor, report)) {
      if (actor.role === 'unit' && actor.unitId === report.unitId) {
        throw new ConflictError(`进展填报 ${id} 已${report.status === 'accepted' ? '通过审核' : '提交'}，不能再修改`);
      }
      throw new ForbiddenError('只有填报单位可以修改自己的进展填报');
    }
    return report;
  }

  private async submitIn(manager: EntityManager, actor: Actor, report: ProgressReport, item: HeldItem): Promise<void> {
    requireInForce(item);
    if (!report.narrative.trim()) throw new ValidationFailedError([{ field: 'narrative', value: report.narrative, message: '提交前请填写进展情况' }]);
    const plan = await manager.findOneByOrFail(Plan, { id: report.planId });
    const targets = await this.openTargets(manager, plan, report);
    report.status = 'submitted';
    report.submittedAt = this.clock.now();
    report.submittedDate = this.clock.today(plan.timeZone);
    await manager.save(ProgressReport, report);
    await refreshStanding(manager, report);
    const base = { itemType: item.itemType, itemId: item.itemId, actorId: actor.userId, reportId: report.id };
    const events: EventInput[] = [];
    for (const { milestoneId, occurrence, status } of targets) {
      if (status === 'not_started') events.push({ ...base, milestoneId, occurrence, kind: 'started' });
      if (report.role === 'lead' && report.state === 'done') events.push({ ...base, milestoneId, occurrence, kind: 'submitted' });
    }
    await recordEvents(manager, this.clock, plan, events);
    this.logger.log(`Report ${report.id} on ${item.label} submitted by unit ${report.unitId} (${report.role}, ${report.state})`);
  }

  /**
   * The milestones a report speaks for that are still open today (not closed, not suspended), with their status:
   * its milestone, or every milestone of the item; an item without milestones stands for itself (milestoneId null).
   * Of a recurring milestone, the report speaks for its occurrence (a report on the whole item: the one due now).
   */
  async openTargets(manager: EntityManager, plan: Plan, report: ProgressReport): Promise<ReportTarget[]> {
    const milestones = await manager.find(Milestone, { where: { itemType: report.itemType, itemId: report.itemId }, order: { seq: 'ASC' } });
    const today = this.statuses.asOf(plan);
    const status = (await this.statuses.forItems(plan, report.itemType, [report.itemId], milestones, today, manager)).get(report.itemId)!;
    if (milestones.length === 0)
      return status.status === 'closed' || status.status === 'suspended' ? [] : [{ milestoneId: null, occurrence: null, status: status.status }];
    const wanted = report.milestoneId === null ? milestones : milestones.filter((m) => m.id === report.milestoneId);
    const open = wanted
      .map((m): ReportTarget => {
        const own = status.milestones.get(m.id)!;
        if (!own.occurrences) return { milestoneId: m.id, occurrence: null, status: own.status };
        const occurrence = report.milestoneId === null ? own.occurrence!.key : report.occurrence;
        return { milestoneId: m.id, occurrence, status: own.occurrences.find((o) => o.key === occurrence)?.status ?? own.status };
      })
      .filter((t) => t.status !== 'closed' && t.status !== 'suspended');
    if (open.length === 0) throw new ConflictError('所填报的节点已销号或暂停，不能再提交；如需更正请联系无废办');
    return open;
  }

  /** A report on the item as a whole names no occurrence. */
  private noOccurrence(requested: string | undefined): null {
    if (requested !== undefined)
      throw new ValidationFailedError([{ field: 'occurrence', value: requested, message: '指定周期时请同时指定节点（milestoneId）' }]);
    return null;
  }

  private async target(manager: EntityManager, item: HeldItem, milestoneId: number | undefined): Promise<Milestone | null> {
    if (milestoneId !== undefined) return findItemMilestone(manager, item, milestoneId);
    const milestones = await manager.find(Milestone, { where: { itemType: item.itemType, itemId: item.itemId } });
    return milestones.length === 1 ? milestones[0] : null;
  }

  private checkFields(report: ProgressReport): void {
    if (report.investmentDone !== null && report.itemType !== 'project') {
      throw new ValidationFailedError([{ field: 'investmentDone', value: report.investmentDone, message: '只有项目可以填报完成投资（万元）' }]);
    }
    if (report.periodStart && report.periodEnd && report.periodStart > report.periodEnd) {
      throw new ValidationFailedError([{ field: 'periodEnd', value: report.periodEnd, message: `填报周期结束日期早于开始日期${report.periodStart}` }]);
    }
    if (report.quantityDone !== null && report.quantityTotal === null && report.percent === null) {
      throw new ValidationFailedError([{ field: 'quantityTotal', message: '填写了完成数量，请同时填写目标数量（或直接填写完成百分比）' }]);
    }
    const problems = contradictions(report);
    if (problems.length) throw new ValidationFailedError(problems);
  }

  private async withEvidence(reports: ProgressReport[]): Promise<ReportView[]> {
    const files = reports.length
      ? await this.dataSource.getRepository(EvidenceFile).find({ where: { reportId: In(reports.map((r) => r.id)) }, order: { id: 'ASC' } })
      : [];
    return reports.map((r) => ({ ...r, evidence: files.filter((f) => f.reportId === r.id) }));
  }
}

/** Done work beyond this many times the target is taken for a typing slip (500 of 3), not for overachievement. */
const MAX_OVERSHOOT = 10;
/** A given percent may differ this much from the one the quantities make (rounding, partial units). */
const PERCENT_SLACK = 10;

/** Where a report's state, percent and quantities disagree with one another, each naming its fields. */
export function contradictions(report: Pick<ProgressReport, 'state' | 'percent' | 'quantityDone' | 'quantityTotal'>): FieldProblem[] {
  const { state, percent, quantityDone: done, quantityTotal: total } = report;
  if (done !== null && total !== null && total > 0 && done > total * MAX_OVERSHOOT) {
    return [{ field: 'quantityDone', value: done, message: `完成数量${done}超过目标数量${total}的${MAX_OVERSHOOT}倍，请核对（是否多输了位数）` }];
  }
  const problems: FieldProblem[] = [];
  if (done !== null && total !== null && total > 0 && percent !== null) {
    const counted = Math.min(100, Math.round((done / total) * 100));
    if (Math.abs(counted - percent) > PERCENT_SLACK) {
      problems.push({ field: 'percent', value: percent, message: `完成百分比${percent}%与完成数量${done}/${total}（${counted}%）不符` });
    }
  }
  if (state === 'done' && percent !== null && percent < 100) {
    problems.push(
      { field: 'state', value: state, message: `状态为已完成（done），但完成百分比只有${percent}%` },
      {
        field: done !== null && total !== null ? 'quantityDone' : 'percent',
        value: done !== null && total !== null ? done : percent,
        message: '已完成时应为100%（或完成数量达到目标数量）',
      },
    );
  }
  return problems;
}

/** "3个", "10家" -> 3, 10: the milestone's own quantity is the default total. */
function quantityOf(milestone: Milestone | null): number | null {
  const match = milestone?.quantity ? /\d+(\.\d+)?/.exec(milestone.quantity) : null;
  return match ? Number(match[0]) : null;
}

/** Given percent, else done/total, else 100 for done; capped at 100. */
function percentOf(report: ProgressReport, given: number | null | undefined): number | null {
  if (given !== undefined && given !== null) return given;
  if (report.quantityDone !== null && report.quantityTotal) return Math.min(100, Math.round((report.quantityDone / report.quantityTotal) * 100));
  return report.state === 'done' ? 100 : null;
}
