import { Allow, ReadLists } from '../../auth/access.decorators.js';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../common/id.pipe.js';
import { DeleteVersionDto, WithdrawItemDto } from '../item-change.dto.js';
import { AsOfQuery, ItemListQuery } from '../item-list.query.js';
import { CreateIndicatorDto, UpdateIndicatorDto } from './indicator.dto.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('indicators (目标清单)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId/indicators')
export class IndicatorsController {
  constructor(private readonly service: IndicatorsService) {}

  @ReadLists()
  @Get()
  list(@Param('planId', IdPipe) planId: number, @Query() query: ItemListQuery) {
    return this.service.list(planId, query);
  }

  @ReadLists()
  @Get(':id')
  get(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Query() query: AsOfQuery) {
    return this.service.get(planId, id, query.asOf);
  }

  @Post()
  create(@Param('planId', IdPipe) planId: number, @Body() dto: CreateIndicatorDto) {
    return this.service.create(planId, dto);
  }

  @Patch(':id')
  update(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: UpdateIndicatorDto) {
    return this.service.update(planId, id, dto);
  }

  /** Only an item without records (progress, evidence, notices, extensions, values), at the version read. */
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Query() query: DeleteVersionDto, @Body() body: DeleteVersionDto) {
    return this.service.remove(planId, id, query.version ?? body.version);
  }

  /** Withdraws (撤销) the item with a reason: kept with its history, out of lists, reminders and reports. */
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: WithdrawItemDto) {
    return this.service.withdraw(planId, id, dto);
  }
}
