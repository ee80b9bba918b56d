import { Allow, CurrentActor, ReadLists } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe.js';
import { CreatePlanDto, UpdatePlanDto } from './plan.dto.js';
import { PlansService } from './plans.service.js';

@ApiTags('plans (方案)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans')
export class PlansController {
  constructor(private readonly service: PlansService) {}

  @ReadLists()
  @Get()
  list(@CurrentActor() actor: Actor | null) {
    return this.service.list(actor);
  }

  @ReadLists()
  @Get(':planId')
  get(@Param('planId', IdPipe) planId: number) {
    return this.service.get(planId);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePlanDto) {
    return this.service.create(actor, dto);
  }

  @Patch(':planId')
  update(@Param('planId', IdPipe) planId: number, @Body() dto: UpdatePlanDto) {
    return this.service.update(planId, dto);
  }

  @Delete(':planId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number) {
    return this.service.remove(actor, planId);
  }
}
