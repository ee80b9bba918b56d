import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { JudgeIndicatorValueDto, PeriodPipe, RecordIndicatorValueDto } from './indicator-value.dto.js';
import { IndicatorValuesService } from './indicator-values.service.js';

@ApiTags('indicator values (指标实际值)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId/indicators/:id/values')
export class IndicatorValuesController {
  constructor(private readonly service: IndicatorValuesService) {}

  /** Progress data, not the public lists: the plan's own users only. */
  @Allow('office', 'unit', 'leader')
  @Get()
  list(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number) {
    return this.service.list(planId, id);
  }

  @Allow('office', 'unit')
  @Put(':period')
  record(
    @CurrentActor() actor: Actor,
    @Param('planId', IdPipe) planId: number,
    @Param('id', IdPipe) id: number,
    @Param('period', PeriodPipe) period: string,
    @Body() dto: RecordIndicatorValueDto,
  ) {
    return this.service.record(actor, planId, id, period, dto);
  }

  @Post(':period/judgement')
  @HttpCode(200)
  judge(
    @CurrentActor() actor: Actor,
    @Param('planId', IdPipe) planId: number,
    @Param('id', IdPipe) id: number,
    @Param('period', PeriodPipe) period: string,
    @Body() dto: JudgeIndicatorValueDto,
  ) {
    return this.service.judge(actor, planId, id, period, dto);
  }

  @Delete(':period')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Param('period', PeriodPipe) period: string) {
    return this.service.remove(actor, planId, id, period);
  }
}
