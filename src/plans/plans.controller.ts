import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe.js';
import { CreatePlanDto, UpdatePlanDto } from './plan.dto.js';
import { PlansService } from './plans.service.js';

@ApiTags('plans (方案)')
@Controller('plans')
export class PlansController {
  constructor(private readonly service: PlansService) {}

  @Get()
  list() {
    return this.service.list();
  }

  @Get(':planId')
  get(@Param('planId', IdPipe) planId: number) {
    return this.service.get(planId);
  }

  @Post()
  create(@Body() dto: CreatePlanDto) {
    return this.service.create(dto);
  }

  @Patch(':planId')
  update(@Param('planId', IdPipe) planId: number, @Body() dto: UpdatePlanDto) {
    return this.service.update(planId, dto);
  }

  @Delete(':planId')
  @HttpCode(204)
  remove(@Param('planId', IdPipe) planId: number) {
    return this.service.remove(planId);
  }
}
