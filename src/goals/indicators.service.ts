import { Injectable } from '@nestjs/common';
import type { Page } from '../common/pagination.js';
import { indicatorMilestones } from '../deadlines/item-milestones.js';
import type { ItemListQuery } from '../plans/item-list.query.js';
import { ItemWriterService } from '../plans/item-writer.service.js';
import { type ItemView, PlanItemsService } from '../plans/plan-items.service.js';
import { firstNumber, inferDirection } from '../spreadsheets/indicator-values.js';
import type { CreateIndicatorDto, IndicatorTargetDto, UpdateIndicatorDto } from './indicator.dto.js';
import { Indicator, type IndicatorTarget } from './indicator.entity.js';

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
    return this.items.page('indicator', Indicator, planId, query, 'level1');
  }

  async get(planId: number, id: number): Promise<ItemView<Indicator>> {
    const indicator = await this.writer.find('indicator', Indicator, planId, id);
    return (await this.items.decorate('indicator', [indicator]))[0];
  }

  async create(planId: number, dto: CreateIndicatorDto): Promise<ItemView<Indicator>> {
    const { leadUnitIds, supportingUnitIds, targets, ...fields } = dto;
    const targetList = toTargets(targets ?? []);
    const baselineValue = fields.baselineValue ?? (fields.baselineText ? firstNumber(fields.baselineText) : null);
    const indicator = await this.writer.create(
      'indicator',
      Indicator,
      planId,
      {
        ...fields,
        baselineValue,
        targets: targetList,
        direction: fields.direction ?? inferDirection(fields.name, baselineValue, targetList),
      },
      { leadUnitIds, supportingUnitIds },
      (_plan, i) => indicatorMilestones(i.targets, {}),
    );
    return this.get(planId, indicator.id);
  }

  async update(planId: number, id: number, dto: UpdateIndicatorDto): Promise<ItemView<Indicator>> {
    const { leadUnitIds, supportingUnitIds, targets, ...fields } = dto;
    const changes: Partial<Indicator> = { ...fields };
    if (targets !== undefined) changes.targets = toTargets(targets);
    await this.writer.update('indicator', Indicator, planId, id, changes, { leadUnitIds, supportingUnitIds }, (_plan, i) =>
      targets !== undefined ? indicatorMilestones(i.targets, {}) : null,
    );
    return this.get(planId, id);
  }

  remove(planId: number, id: number): Promise<void> {
    return this.writer.remove('indicator', Indicator, planId, id);
  }
}
