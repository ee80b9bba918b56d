import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { checkVersion, withCurrentView } from '../database/check-version.js';
import { findForUpdate } from '../database/locked-find.js';
import { Plan } from '../plans/plan.entity.js';
import { DEFAULT_REMINDER_RULES } from './reminder-rules.js';
import type { UpdateReminderSettingsDto } from './reminder-settings.dto.js';
import { ReminderSettings } from './reminder-settings.entity.js';

export type PlanReminderSettings = typeof DEFAULT_REMINDER_RULES;

export interface ReminderSettingsView extends PlanReminderSettings {
  planId: number;
  /** 0 while the plan uses the defaults. */
  version: number;
  isDefault: boolean;
}

function defaults(): PlanReminderSettings {
  return { ...DEFAULT_REMINDER_RULES, beforeDays: [...DEFAULT_REMINDER_RULES.beforeDays] };
}

function pick(row: ReminderSettings): PlanReminderSettings {
  const { enabled, beforeDays, onDueDay, overdueWeekday, escalateAfterDays, monthlyCallDay, nudgeAfterDays, sendTime, digestWeekday, digestTime } = row;
  return { enabled, beforeDays, onDueDay, overdueWeekday, escalateAfterDays, monthlyCallDay, nudgeAfterDays, sendTime, digestWeekday, digestTime };
}

/** A plan's reminder rules: the defaults until the office changes them. */
@Injectable()
export class ReminderSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The rules in force for a plan. */
  async rulesFor(planId: number): Promise<PlanReminderSettings> {
    const row = await this.dataSource.getRepository(ReminderSettings).findOneBy({ planId });
    return row ? pick(row) : defaults();
  }

  async get(planId: number): Promise<ReminderSettingsView> {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const row = await this.dataSource.getRepository(ReminderSettings).findOneBy({ planId });
    return row ? { planId, ...pick(row), version: row.version, isDefault: false } : { planId, ...defaults(), version: 0, isDefault: true };
  }

  async update(planId: number, { version, ...changes }: UpdateReminderSettingsDto): Promise<ReminderSettingsView> {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const change = () =>
      this.dataSource.transaction(async (manager) => {
        // The first change creates the plan's row from the defaults (version 0 until then).
        const exists = await manager.existsBy(ReminderSettings, { planId });
        const row = exists
          ? await findForUpdate(manager, ReminderSettings, '催办规则', { planId })
          : manager.create(ReminderSettings, { planId, ...defaults() });
        checkVersion('催办规则', version ?? 0, exists ? row : { version: 0 });
        Object.assign(row, changes);
        row.beforeDays = [...row.beforeDays].sort((a, b) => b - a);
        await manager.save(ReminderSettings, row);
      });
    await withCurrentView(change, () => this.get(planId));
    return this.get(planId);
  }
}
