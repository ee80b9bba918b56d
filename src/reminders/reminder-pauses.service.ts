import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { ConflictError, NotFoundError } from '../common/domain-error.js';
import { findHeldItem } from '../lists/item-holders.js';
import type { CreatePauseDto } from './reminder-settings.dto.js';
import { ReminderPause } from './reminder-pause.entity.js';

/** The office stops (and restarts) reminders for one item, saying why. */
@Injectable()
export class ReminderPausesService {
  private readonly logger = new Logger(ReminderPausesService.name);

  constructor(private readonly dataSource: DataSource) {}

  list(planId: number): Promise<ReminderPause[]> {
    return this.dataSource.getRepository(ReminderPause).find({ where: { planId }, order: { id: 'ASC' } });
  }

  async pause(planId: number, dto: CreatePauseDto, actor: Actor): Promise<ReminderPause> {
    return this.dataSource.transaction(async (manager) => {
      const item = await findHeldItem(manager, planId, dto.itemType, dto.itemId);
      const existing = await manager.findOneBy(ReminderPause, { itemType: dto.itemType, itemId: dto.itemId });
      if (existing) {
        throw new ConflictError(`${item.label}的催办已暂停（原因：${existing.reason}）`, [{ field: 'itemId', value: dto.itemId, message: '已暂停' }]);
      }
      const pause = await manager.save(
        ReminderPause,
        manager.create(ReminderPause, { planId, itemType: dto.itemType, itemId: dto.itemId, reason: dto.reason.trim(), pausedById: actor.userId }),
      );
      this.logger.log(`Reminders paused for ${dto.itemType} ${dto.itemId} of plan ${planId} by ${actor.username}`);
      return pause;
    });
  }

  async resume(planId: number, id: number, actor: Actor): Promise<void> {
    const repo = this.dataSource.getRepository(ReminderPause);
    const pause = await repo.findOneBy({ id, planId });
    if (!pause) throw new NotFoundError('催办暂停', id);
    await repo.remove(pause);
    this.logger.log(`Reminders resumed for ${pause.itemType} ${pause.itemId} of plan ${planId} by ${actor.username}`);
  }
}
