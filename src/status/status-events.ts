import type { EntityManager } from 'typeorm';
import type { Clock } from '../common/clock.js';
import type { Plan } from '../plans/plan.entity.js';
import { StatusEvent, type StatusEventKind } from './status-event.entity.js';
import { refreshStates } from './status-state-store.js';

export interface EventInput {
  itemType: StatusEvent['itemType'];
  itemId: number;
  /** Null: the item as a whole (it has no milestones). */
  milestoneId: number | null;
  /** The occurrence of a recurring milestone; null (or left out) otherwise. */
  occurrence?: string | null;
  kind: StatusEventKind;
  actorId: number | null;
  reportId?: number | null;
  reason?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
}

/**
 * Records what happened today (in the plan's time zone); status as of any date is derived from these. The states
 * they fold into (status-state-store.ts) are brought up to date in the same transaction.
 */
export async function recordEvents(manager: EntityManager, clock: Clock, plan: Plan, inputs: EventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const at = clock.now();
  const date = clock.today(plan.timeZone);
  await manager.save(
    StatusEvent,
    inputs.map((e) =>
      manager.create(StatusEvent, { reportId: null, reason: null, fromDate: null, toDate: null, occurrence: null, ...e, planId: plan.id, date, at }),
    ),
  );
  await refreshStates(manager, plan.id, date, inputs);
}
