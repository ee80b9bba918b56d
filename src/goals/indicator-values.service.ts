import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { checkVersion, withCurrentView } from '../database/check-version.js';
import { findHeldItem, type HeldItem, requireHolder } from '../lists/item-holders.js';
import { type Attainment, attainmentOf } from './attainment.js';
import type { JudgeIndicatorValueDto, RecordIndicatorValueDto } from './indicator-value.dto.js';
import { IndicatorValue, type Judgement } from './indicator-value.entity.js';
import { Indicator } from '../lists/indicators/indicator.entity.js';

/** A recorded value as the API shows it: the row and where it stands against its target. */
export interface IndicatorValueView {
  id: number;
  planId: number;
  indicatorId: number;
  period: string;
  value: number | null;
  text: string | null;
  note: string | null;
  /** The unit that recorded it; null when the office did. */
  unitId: number | null;
  recordedById: number;
  judgement: Judgement | null;
  judgedById: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  attainment: Attainment;
}

function toView(indicator: Indicator, row: IndicatorValue): IndicatorValueView {
  const { indicator: _loaded, ...fields } = row;
  return {
    ...fields,
    attainment: attainmentOf({ indicator, value: row }),
  };
}

/**
 * Actual values of indicators per period (指标实际值). The office, or a unit that leads or supports the
 * indicator, records them; attainment follows the indicator's direction; the office judges text targets.
 */
@Injectable()
export class IndicatorValuesService {
  private readonly logger = new Logger('IndicatorValues');

  constructor(private readonly dataSource: DataSource) {}

  async list(planId: number, indicatorId: number): Promise<IndicatorValueView[]> {
    const indicator = await this.indicator(this.dataSource.manager, planId, indicatorId);
    const rows = await this.dataSource.manager.find(IndicatorValue, { where: { indicatorId: indicator.id }, order: { period: 'ASC' } });
    return rows.map((row) => toView(indicator, row));
  }

  /** Records the value of a period, or replaces it (then the body names the version it read). */
  async record(actor: Actor, planId: number, indicatorId: number, period: string, dto: RecordIndicatorValueDto): Promise<IndicatorValueView> {
    const value = dto.value ?? null;
    const text = dto.text ?? null;
    if (value === null && text === null) {
      throw new ValidationFailedError([{ field: 'value', value: dto.value, message: '数值（value）和文字（text）至少填写一项' }]);
    }
    const change = () =>
      this.dataSource.transaction(async (manager) => {
        const item = await findHeldItem(manager, planId, 'indicator', indicatorId);
        const unitId = this.recordingUnit(actor, item);
        const indicator = await this.indicator(manager, planId, indicatorId);
        const existing = await this.locked(manager, indicatorId, period);
        if (existing) {
          this.checkVersion(indicator, existing, dto.version, item, period);
          // A verdict was on the value it saw: a new value or text is judged again.
          if (existing.value !== value || existing.text !== text) {
            existing.judgement = null;
            existing.judgedById = null;
          }
        }
        const row = existing ?? manager.create(IndicatorValue, { planId, indicatorId, period, judgement: null, judgedById: null });
        Object.assign(row, { value, text, note: dto.note || null, unitId, recordedById: actor.userId });
        const saved = await manager.save(IndicatorValue, row);
        this.logger.log(`${item.label} ${period} ${existing ? 'replaced' : 'recorded'} by ${actor.username}: ${value ?? text}`);
        return toView(indicator, saved);
      });
    return withCurrentView(change, (row: IndicatorValue) => this.view(planId, row));
  }

  /** The office's verdict (met / not met) on a period's value; null withdraws it. */
  async judge(actor: Actor, planId: number, indicatorId: number, period: string, dto: JudgeIndicatorValueDto): Promise<IndicatorValueView> {
    const change = () =>
      this.dataSource.transaction(async (manager) => {
        const item = await findHeldItem(manager, planId, 'indicator', indicatorId);
        const indicator = await this.indicator(manager, planId, indicatorId);
        const row = await this.existing(manager, item, period);
        this.checkVersion(indicator, row, dto.version, item, period);
        row.judgement = dto.judgement;
        row.judgedById = dto.judgement === null ? null : actor.userId;
        const saved = await manager.save(IndicatorValue, row);
        this.logger.log(`${item.label} ${period} judged ${dto.judgement ?? 'withdrawn'} by ${actor.username}`);
        return toView(indicator, saved);
      });
    return withCurrentView(change, (row: IndicatorValue) => this.view(planId, row));
  }

  /** A value as GET shows it (the 409 of a stale change carries it). */
  private async view(planId: number, row: IndicatorValue): Promise<IndicatorValueView> {
    return toView(await this.indicator(this.dataSource.manager, planId, row.indicatorId), row);
  }

  async remove(actor: Actor, planId: number, indicatorId: number, period: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const item = await findHeldItem(manager, planId, 'indicator', indicatorId);
      const row = await this.existing(manager, item, period);
      await manager.delete(IndicatorValue, { id: row.id });
      this.logger.log(`${item.label} ${period} deleted by ${actor.username}`);
    });
  }

  /** null for the office (and admin); the unit of a unit user that leads or supports the indicator, else 403. */
  private recordingUnit(actor: Actor, item: HeldItem): number | null {
    if (actor.role !== 'unit') return null;
    requireHolder(actor, item);
    return actor.unitId;
  }

  /** 409 with the row as it is now unless the caller names its version: nobody replaces what they have not seen. */
  private checkVersion(indicator: Indicator, row: IndicatorValue, given: number | undefined, item: HeldItem, period: string): void {
    const what = `${item.label} ${period} 期的实际值`;
    if (given !== undefined) return checkVersion(what, given, row);
    const current = toView(indicator, row);
    throw new ConflictError(
      `${what}已存在（当前版本 ${row.version}），替换时请提交所读到的版本号 version`,
      [{ field: 'version', message: `当前版本为 ${row.version}` }],
      { currentVersion: row.version, current },
    );
  }

  private async indicator(manager: EntityManager, planId: number, id: number): Promise<Indicator> {
    const indicator = await manager.findOneBy(Indicator, { id, planId });
    if (!indicator) throw new NotFoundError('指标', id);
    return indicator;
  }

  /**
   * The row of a period, locked for the rest of the transaction on PostgreSQL (SELECT … FOR UPDATE) so its
   * version check still holds when it is saved; SQLite transactions already take turns. Two first records of
   * one period meet the unique index instead: 409.
   */
  private locked(manager: EntityManager, indicatorId: number, period: string): Promise<IndicatorValue | null> {
    const lock = manager.connection.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;
    return manager.findOne(IndicatorValue, { where: { indicatorId, period }, lock });
  }

  private async existing(manager: EntityManager, item: HeldItem, period: string): Promise<IndicatorValue> {
    const row = await this.locked(manager, item.itemId, period);
    if (!row) throw new NotFoundError(`${item.label}的实际值`, period);
    return row;
  }
}
