import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ValidationFailedError } from '../common/domain-error.js';
import type { ItemType } from '../common/item-type.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Milestone } from '../deadlines/milestone.entity.js';
import type { Plan } from '../plans/plan.entity.js';
import { readAll } from '../database/read-all.js';
import { RawReader } from '../database/raw-reader.js';
import { StatusEvent } from '../status/status-event.entity.js';
import { deriveStatuses, type EventInput, itemKey, type MilestoneInput, type StandingInput } from '../status/derive-statuses.js';
import { type HolderRow, type ItemRow, type ReadItem, readItems } from './item-read-model.js';
import { KEPT_STANDING_SQL, STANDING_MARK_SQL, STANDING_SQL, standingParams } from '../standing/standing-sql.js';
import { markHolds } from '../database/kept-marks.js';
import type { ItemStatus, MilestoneStatus } from '../status/status.js';

export interface ItemStatusView extends ItemStatus {
  asOf: string;
  /** By milestone id; an item without milestones has none. */
  milestones: Map<number, MilestoneStatus>;
}

/** Up to this many items, their events are read by item; beyond, the plan's events are read whole. */
const FEW_ITEMS = 50;

/** A plan's status events up to a date, in the rows derive-statuses.ts takes (every kind of item, work steps too). */
const PLAN_EVENTS_SQL = `SELECT id, "itemType", "itemId", "milestoneId", kind, CAST(date AS TEXT) AS date, CAST("toDate" AS TEXT) AS "toDate", reason,
  CAST(occurrence AS TEXT) AS occurrence FROM status_events WHERE "planId" = ? AND date <= ? ORDER BY id`;

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

  /**
   * The occurrence of a recurring milestone that a report, close-out or extension today is about: the one asked
   * for (it must have begun by today), else the one due now (the latest missed, else the current one).
   * A milestone that does not recur has none, and naming one is an error.
   */
  async occurrenceOf(plan: Plan, milestone: Milestone, requested: string | undefined, manager?: EntityManager): Promise<string | null> {
    if (!milestone.recurrence) {
      if (requested === undefined) return null;
      throw new ValidationFailedError([{ field: 'occurrence', value: requested, message: `节点“${milestone.phrase}”不是周期性节点，不能指定周期` }]);
    }
    const status = (await this.forItems(plan, milestone.itemType, [milestone.itemId], [milestone], this.asOf(plan), manager)).get(milestone.itemId)!;
    const own = status.milestones.get(milestone.id)!;
    if (requested === undefined) return own.occurrence!.key;
    if (own.occurrences!.some((o) => o.key === requested)) return requested;
    const known = own.occurrences!.map((o) => `${o.key}（${o.label}）`).join('、');
    throw new ValidationFailedError([
      { field: 'occurrence', value: requested, message: `节点“${milestone.phrase}”没有到期日为${requested}的周期；已开始的周期：${known}` },
    ]);
  }

  /** Status of these items of one type (with their milestones) on asOf; inside a transaction, pass its manager. */
  async forItems(
    plan: Plan,
    itemType: ItemType,
    itemIds: number[],
    milestones: Milestone[],
    asOf: string,
    manager?: EntityManager,
  ): Promise<Map<number, ItemStatusView>> {
    const derived = await this.forPlanItems(
      plan,
      itemIds.map((itemId) => ({ itemType, itemId })),
      milestones,
      asOf,
      manager,
    );
    return new Map(itemIds.map((itemId) => [itemId, derived.get(itemKey(itemType, itemId))!]));
  }

  /** Status of items of any kind of one plan on asOf, by itemKey: one read of events and one of standing progress. */
  async forPlanItems(
    plan: Plan,
    items: { itemType: ItemType; itemId: number }[],
    milestones: Milestone[],
    asOf: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, ItemStatusView>> {
    const result = new Map<number, ItemStatusView>();
    if (items.length === 0) return result;
    const facts = await this.statusFacts(plan, items, asOf, manager);
    const derived = deriveStatuses(items, { milestones, ...facts }, plan, { asOf, dueSoonDays: this.config.dueSoonDays });
    for (const [key, status] of derived) result.set(key, { ...status, asOf });
    return result;
  }

  /**
   * The read model of these items on asOf (item-read-model.ts): their holders and milestones as given, with the
   * events and standing progress read here.
   */
  async read<I extends ItemRow, M extends MilestoneInput, H extends HolderRow>(
    plan: Plan,
    rows: I[],
    facts: { milestones: M[]; assignments: H[] },
    asOf: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReadItem<I, M, H>[]> {
    if (rows.length === 0) return [];
    const statusFacts = await this.statusFacts(plan, rows, asOf, manager);
    return readItems(rows, { ...facts, ...statusFacts }, plan, { asOf, dueSoonDays: this.config.dueSoonDays });
  }

  /** What these items' status comes from besides their milestones: their events, and the progress standing on asOf. */
  private async statusFacts(
    plan: Plan,
    items: { itemType: string; itemId: number }[],
    asOf: string,
    manager: EntityManager,
  ): Promise<{ events: EventInput[]; standing: StandingInput[] }> {
    const wanted = new Set(items.map((i) => itemKey(i.itemType, i.itemId)));
    const types = [...new Set(items.map((i) => i.itemType as ItemType))];
    const mine = <R extends { itemType: string; itemId: number }>(rows: R[]) => rows.filter((r) => wanted.has(itemKey(r.itemType, r.itemId)));
    const [events, standing] = await readAll<[EventInput[], StandingInput[]]>(manager, [
      // A few items (a page, one item being reported on): their own events; many (a whole plan): the plan's, as plain rows.
      async () =>
        items.length > FEW_ITEMS
          ? mine(await this.reader.all<EventInput>(PLAN_EVENTS_SQL, [plan.id, asOf], manager))
          : manager.find(StatusEvent, {
              where: { planId: plan.id, itemType: In(types), itemId: In([...new Set(items.map((i) => i.itemId))]) },
              order: { id: 'ASC' },
            }),
      () => this.standing(plan.id, asOf, manager),
    ]);
    return { events, standing: mine(standing) };
  }

  /** The plan's standing on asOf: the kept rows when they hold then (standing/standing-store.ts), else walked from the reports. */
  private async standing(planId: number, asOf: string, manager: EntityManager): Promise<StandingInput[]> {
    const [mark] = await this.reader.all<{ throughDate: string }>(STANDING_MARK_SQL, [planId], manager);
    if (markHolds(mark?.throughDate ?? null, asOf)) return this.reader.all<StandingInput>(KEPT_STANDING_SQL, [planId], manager);
    return this.reader.all<StandingInput>(STANDING_SQL, standingParams(planId, asOf), manager);
  }
}
