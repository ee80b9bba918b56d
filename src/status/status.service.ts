import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { ItemType } from '../common/item-type.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Milestone } from '../deadlines/milestone.entity.js';
import type { Plan } from '../plans/plan.entity.js';
import { RawReader } from '../database/raw-reader.js';
import { StatusEvent } from './status-event.entity.js';
import { deriveStatuses, itemKey, type StandingInput } from './derive-statuses.js';
import { STANDING_SQL, standingParams } from './standing-reports.js';
import type { ItemStatus, MilestoneStatus } from './status.js';

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
    private readonly reader: RawReader,
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
    const wanted = new Set(itemIds);
    const [events, standing] = await Promise.all([
      this.dataSource.getRepository(StatusEvent).find({ where: { planId: plan.id, itemType, itemId: In(itemIds) }, order: { id: 'ASC' } }),
      this.reader.all<StandingInput>(STANDING_SQL, standingParams(plan.id, asOf)),
    ]);
    const derived = deriveStatuses(
      itemIds.map((itemId) => ({ itemType, itemId })),
      { milestones, events, standing: standing.filter((r) => r.itemType === itemType && wanted.has(r.itemId)) },
      plan.periodStart,
      { asOf, dueSoonDays: this.config.dueSoonDays },
    );
    for (const itemId of itemIds) result.set(itemId, { ...derived.get(itemKey(itemType, itemId))!, asOf });
    return result;
  }
}
