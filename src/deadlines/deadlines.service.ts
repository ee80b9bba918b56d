import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentActor } from '../auth/request-context.js';
import { Clock } from '../common/clock.js';
import { Plan } from '../plans/plan.entity.js';
import { recordEvents } from '../status/status-events.js';
import { checkVersion } from '../database/check-version.js';
import { findForUpdate } from '../database/locked-find.js';
import { parseDeadlines } from './deadline-parser.js';
import { unreadable } from './item-milestones.js';
import type { OverrideMilestoneDto, ParseDeadlinesDto } from './deadline.dto.js';
import { Milestone } from './milestone.entity.js';
import type { MilestoneReading } from './milestone-reading.js';

@Injectable()
export class DeadlinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The reading of a deadline phrase; one the parser cannot read comes back flagged with the phrase kept, never empty. */
  parse(dto: ParseDeadlinesDto): { milestones: MilestoneReading[] } {
    const milestones = parseDeadlines(dto.text, { reference: dto.reference });
    return { milestones: milestones.length ? milestones : [unreadable(dto.text.trim())] };
  }

  /**
   * The office's reading replaces the parser's: the date is now certain, the phrase as written is kept.
   * The milestone must be at `version` (409 with the milestone row as it is now otherwise).
   */
  async override(planId: number, id: number, dto: OverrideMilestoneDto): Promise<Milestone> {
    return this.dataSource.transaction(async (manager) => {
      const milestone = await findForUpdate(manager, Milestone, '节点', { id, planId });
      checkVersion('节点', dto.version, milestone);
      if (dto.dueDate !== undefined && milestone.baselineDate !== null && dto.dueDate !== milestone.dueDate) {
        // Once an extension has moved it, the baseline stays and the new date counts from today, like an extension.
        const plan = await manager.findOneByOrFail(Plan, { id: planId });
        await recordEvents(manager, this.clock, plan, [
          {
            itemType: milestone.itemType,
            itemId: milestone.itemId,
            milestoneId: id,
            kind: 'due_changed',
            actorId: currentActor()?.userId ?? null,
            fromDate: milestone.dueDate,
            toDate: dto.dueDate,
            reason: dto.note ?? '无废办调整时限',
          },
        ]);
      }
      if (dto.dueDate !== undefined) milestone.dueDate = dto.dueDate;
      milestone.certain = true;
      milestone.note = dto.note ?? '时限已由无废办确认';
      milestone.version += 1;
      return manager.save(Milestone, milestone);
    });
  }
}
