import { Injectable } from '@nestjs/common';
import type { Page } from '../../common/pagination.js';
import type { ItemListQuery } from '../item-list.query.js';
import type { WithdrawItemDto } from '../item-change.dto.js';
import { ItemWriterService } from '../item-writer.service.js';
import { type ItemView, PlanItemsService } from '../list-items.service.js';
import { firstNumber, inferDirection } from './indicator-values.js';
import { INDICATORS } from '../list-registry.js';
import type { CreateIndicatorDto, IndicatorTargetDto, UpdateIndicatorDto } from './indicator.dto.js';
import type { Indicator, IndicatorTarget } from './indicator.entity.js';

function toTargets(dtos: IndicatorTargetDto[]): IndicatorTarget[] {
  return dtos.map((t) => ({ year: t.year, text: t.text, value: t.value ?? firstNumber(t.text), scope: t.scope ?? null }));
}

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly items: PlanItemsService,
    private readonly writer: ItemWriterService,
  ) {}

  list(planId: number, query: ItemListQuery): Promise<Page<ItemView<Indicator>>> {
    return this.items.page(INDICATORS, planId, query);
  }

  async get(planId: number, id: number, asOf?: string): Promise<ItemView<Indicator>> {
    return this.items.one(INDICATORS, await this.writer.find(INDICATORS, planId, id), asOf);
  }

  /** Numbers are read from the texts as written, and the direction inferred, unless the request gives them. */
  async create(planId: number, { leadUnitIds, supportingUnitIds, targets, ...fields }: CreateIndicatorDto): Promise<ItemView<Indicator>> {
    const targetList = toTargets(targets ?? []);
    const baselineValue = fields.baselineValue ?? (fields.baselineText ? firstNumber(fields.baselineText) : null);
    const direction = fields.direction ?? inferDirection(fields.name, baselineValue, targetList);
    const indicator = await this.writer.create(
      INDICATORS,
      planId,
      { ...fields, baselineValue, targets: targetList, direction },
      { leadUnitIds, supportingUnitIds },
    );
    return this.get(planId, indicator.id);
  }

  async update(planId: number, id: number, { version, leadUnitIds, supportingUnitIds, targets, ...fields }: UpdateIndicatorDto): Promise<ItemView<Indicator>> {
    const changes: Partial<Indicator> = { ...fields };
    if (targets !== undefined) changes.targets = toTargets(targets);
    await this.writer.update(INDICATORS, planId, id, version, changes, { leadUnitIds, supportingUnitIds });
    return this.get(planId, id);
  }

  remove(planId: number, id: number, version: number | undefined): Promise<void> {
    return this.writer.remove(INDICATORS, planId, id, version);
  }

  async withdraw(planId: number, id: number, { reason, version }: WithdrawItemDto): Promise<ItemView<Indicator>> {
    await this.writer.withdraw(INDICATORS, planId, id, version, reason);
    return this.get(planId, id);
  }
}
