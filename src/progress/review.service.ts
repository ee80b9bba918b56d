import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { StatusService } from '../lists/status.service.js';
import { recordEvents } from '../status/status-events.js';
import type { StatusEventKind } from '../status/status-event.entity.js';
import { type Status, STATUS_NAMES as STATUS_LABELS } from '../status/status.js';
import { ProgressReport } from './progress-report.entity.js';
import { ProgressService, type ReportView } from './progress.service.js';
import { refreshStanding } from '../standing/standing-store.js';

/** The office's side: accept or return reports, close out (销号), reopen, suspend and resume milestones. */
@Injectable()
export class ReviewService {
  private readonly logger = new Logger('Review');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly statuses: StatusService,
    private readonly progress: ProgressService,
  ) {}

  /** Accepting the lead unit's "done" report closes out its milestone(s); when none is left open, the item is closed. */
  async accept(actor: Actor, planId: number, id: number, comment: string | undefined): Promise<ReportView> {
    await this.dataSource.transaction(async (manager) => {
      const report = await this.submitted(actor, planId, id);
      const plan = await manager.findOneByOrFail(Plan, { id: planId });
      const closing = report.role === 'lead' && report.state === 'done' ? await this.progress.openTargets(manager, plan, report) : [];
      this.review(report, plan, actor, 'accepted', comment ?? null);
      await manager.save(ProgressReport, report);
      await refreshStanding(manager, report);
      await recordEvents(
        manager,
        this.clock,
        plan,
        closing.map((t) => ({
          itemType: report.itemType,
          itemId: report.itemId,
          milestoneId: t.milestoneId,
          occurrence: t.occurrence,
          kind: 'closed' as const,
          actorId: actor.userId,
          reportId: report.id,
        })),
      );
      this.logger.log(`Report ${id} accepted by ${actor.username}; ${closing.length} milestone(s) closed out`);
    });
    return this.progress.get(actor, planId, id);
  }

  /** Sends a report back with the reason; a returned "done" puts its milestones back in progress. */
  async return(actor: Actor, planId: number, id: number, comment: string | undefined): Promise<ReportView> {
    if (!comment?.trim()) throw new ValidationFailedError([{ field: 'comment', message: '退回时请写明原因' }]);
    await this.dataSource.transaction(async (manager) => {
      const report = await this.submitted(actor, planId, id);
      const plan = await manager.findOneByOrFail(Plan, { id: planId });
      const back = report.role === 'lead' && report.state === 'done' ? await this.progress.openTargets(manager, plan, report) : [];
      this.review(report, plan, actor, 'returned', comment);
      await manager.save(ProgressReport, report);
      await refreshStanding(manager, report);
      await recordEvents(
        manager,
        this.clock,
        plan,
        back
          .filter((t) => t.status === 'submitted')
          .map((t) => ({
            itemType: report.itemType,
            itemId: report.itemId,
            milestoneId: t.milestoneId,
            occurrence: t.occurrence,
            kind: 'returned' as const,
            actorId: actor.userId,
            reportId: report.id,
            reason: comment,
          })),
      );
    });
    return this.progress.get(actor, planId, id);
  }

  reopen(actor: Actor, planId: number, milestoneId: number, change: MilestoneChange) {
    return this.change(actor, planId, milestoneId, 'reopened', change, ['closed'], '只有已销号的节点可以重新打开');
  }

  suspend(actor: Actor, planId: number, milestoneId: number, change: MilestoneChange) {
    return this.change(actor, planId, milestoneId, 'suspended', change, ['not_started', 'in_progress', 'submitted'], '已销号或已暂停的节点不能暂停');
  }

  resume(actor: Actor, planId: number, milestoneId: number, change: MilestoneChange) {
    return this.change(actor, planId, milestoneId, 'resumed', change, ['suspended'], '只有已暂停的节点可以恢复');
  }

  /** The office waives one occurrence of a recurring duty (no longer required), with the reason: it is no longer overdue. */
  waive(actor: Actor, planId: number, milestoneId: number, change: MilestoneChange) {
    return this.change(
      actor,
      planId,
      milestoneId,
      'waived',
      change,
      ['not_started', 'in_progress', 'submitted', 'suspended'],
      '已销号或已免除的周期不能免除',
      true,
    );
  }

  /** Of a recurring milestone, the change is about one occurrence: the one named, else the one due now. */
  private async change(
    actor: Actor,
    planId: number,
    milestoneId: number,
    kind: StatusEventKind,
    change: MilestoneChange,
    from: Status[],
    refusal: string,
    recurringOnly = false,
  ) {
    const { reason } = change;
    if (!reason.trim()) throw new ValidationFailedError([{ field: 'reason', value: reason, message: '请写明原因' }]);
    return this.dataSource.transaction(async (manager) => {
      const milestone = await manager.findOneBy(Milestone, { id: milestoneId, planId });
      if (!milestone) throw new NotFoundError('节点', milestoneId);
      if (recurringOnly && !milestone.recurrence) throw new ConflictError(`节点“${milestone.phrase}”不是周期性节点，只有周期性节点的某一期可以免除`);
      const plan = await manager.findOneByOrFail(Plan, { id: planId });
      const occurrence = await this.statuses.occurrenceOf(plan, milestone, change.occurrence, manager);
      const siblings = await manager.find(Milestone, { where: { itemType: milestone.itemType, itemId: milestone.itemId } });
      const statusOf = async () => {
        const item = (await this.statuses.forItems(plan, milestone.itemType, [milestone.itemId], siblings, this.statuses.asOf(plan), manager)).get(
          milestone.itemId,
        )!;
        const own = item.milestones.get(milestone.id)!;
        return { item, own, target: own.occurrences?.find((o) => o.key === occurrence) ?? own };
      };
      const current = (await statusOf()).target;
      const state = current.waivedReason != null ? '已免除' : STATUS_LABELS[current.status];
      if (!from.includes(current.status) || (kind === 'waived' && current.waivedReason != null)) throw new ConflictError(`${refusal}（当前状态：${state}）`);
      await recordEvents(manager, this.clock, plan, [
        { itemType: milestone.itemType, itemId: milestone.itemId, milestoneId, occurrence, kind, actorId: actor.userId, reason },
      ]);
      this.logger.log(`Milestone ${milestoneId}${occurrence ? ` (occurrence ${occurrence})` : ''} ${kind} by ${actor.username}`);
      const after = await statusOf();
      return { milestoneId, itemType: milestone.itemType, itemId: milestone.itemId, ...after.own, itemStatus: after.item.status };
    });
  }

  private async submitted(actor: Actor, planId: number, id: number): Promise<ProgressReport> {
    const report = await this.progress.readable(this.dataSource.manager, actor, planId, id);
    if (report.status !== 'submitted') throw new ConflictError(`进展填报 ${id} 当前为“${STATUS_NAMES[report.status]}”，只有已提交的填报可以审核`);
    return report;
  }

  private review(report: ProgressReport, plan: Plan, actor: Actor, status: 'accepted' | 'returned', comment: string | null): void {
    report.status = status;
    report.reviewerId = actor.userId;
    report.reviewComment = comment;
    report.reviewedAt = this.clock.now();
    report.reviewedDate = this.clock.today(plan.timeZone);
  }
}

/** What the office says when it changes a milestone's status by hand. */
export interface MilestoneChange {
  reason: string;
  /** A recurring milestone: the occurrence (its original due date); left out: the one due now. */
  occurrence?: string;
}

const STATUS_NAMES: Record<ProgressReport['status'], string> = { draft: '草稿', submitted: '已提交', accepted: '已通过', returned: '已退回' };
