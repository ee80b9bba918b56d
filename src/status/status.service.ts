import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock.js';
import { groupBy } from '../common/group-by.js';
import type { ItemType } from '../common/item-type.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Milestone } from '../deadlines/milestone.entity.js';
import type { Plan } from '../plans/plan.entity.js';
import { ProgressReport } from '../progress/progress-report.entity.js';
import { StatusEvent } from './status-event.entity.js';
import { type EventFact, itemStatus, type ItemStatus, milestoneStatus, type MilestoneStatus, type ProgressFact } from './status.js';

export interface ItemStatusView extends ItemStatus {
  asOf: string;
  /** By milestone id; an item without milestones has none. */
  milestones: Map<number, MilestoneStatus>;
}

/** Gathers what happened to items (status events, official progress) and derives their status as of a date. */
@Injectable()
export class StatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The date a status question is about: the one asked, or today in the plan's time zone. */
  asOf(plan: Plan, asOf?: string): string {
    return asOf ?? this.clock.today(plan.timeZone);
  }

  /** Status of these items of one type (with their milestones) on asOf. */
  async forItems(plan: Plan, itemType: ItemType, itemIds: number[], milestones: Milestone[], asOf: string): Promise<Map<number, ItemStatusView>> {
    const result = new Map<number, ItemStatusView>();
    if (itemIds.length === 0) return result;
    const [events, reports] = await Promise.all([
      this.dataSource.getRepository(StatusEvent).find({ where: { planId: plan.id, itemType, itemId: In(itemIds) }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(ProgressReport).find({
        where: { planId: plan.id, itemType, itemId: In(itemIds), role: 'lead', status: In(['submitted', 'accepted', 'returned']) },
        select: { id: true, itemId: true, milestoneId: true, state: true, percent: true, status: true, submittedDate: true, reviewedDate: true },
      }),
    ]);
    const options = { asOf, dueSoonDays: this.config.dueSoonDays };
    const [milestonesOf, eventsOf, reportsOf] = [groupBy(milestones, (m) => m.itemId), groupBy(events, (e) => e.itemId), groupBy(reports, (r) => r.itemId)];
    for (const itemId of itemIds) {
      const own = milestonesOf.get(itemId) ?? [];
      const itemEvents = eventsOf.get(itemId) ?? [];
      const itemReports = reportsOf.get(itemId) ?? [];
      const statuses = new Map<number, MilestoneStatus>();
      for (const m of own) {
        statuses.set(
          m.id,
          milestoneStatus(
            {
              baselineDate: m.baselineDate ?? m.dueDate,
              startDate: m.periodStart ?? plan.periodStart,
              events: itemEvents.filter((e) => e.milestoneId === m.id).map(toEventFact),
              progress: progressFacts(itemReports.filter((r) => r.milestoneId === m.id || r.milestoneId === null), asOf),
            },
            options,
          ),
        );
      }
      // An item without milestones carries its events itself.
      const whole = own.length
        ? [...statuses.values()]
        : [
            milestoneStatus(
              { baselineDate: null, startDate: plan.periodStart, events: itemEvents.filter((e) => e.milestoneId === null).map(toEventFact), progress: progressFacts(itemReports, asOf) },
              options,
            ),
          ];
      result.set(itemId, { ...itemStatus(whole), asOf, milestones: statuses });
    }
    return result;
  }
}

function toEventFact(e: StatusEvent): EventFact {
  return { kind: e.kind, date: e.date, seq: e.id, toDate: e.toDate, reason: e.reason };
}

/** Official reports that stood on asOf: submitted by then, and not sent back by then. */
function progressFacts(reports: ProgressReport[], asOf: string): ProgressFact[] {
  return reports
    .filter((r) => r.submittedDate !== null && !(r.status === 'returned' && r.reviewedDate !== null && r.reviewedDate <= asOf))
    .map((r) => ({ percent: r.state === 'done' ? 100 : r.percent, date: r.submittedDate as string }))
    .filter((p): p is ProgressFact => p.percent !== null);
}
