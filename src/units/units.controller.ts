import { Allow, CurrentActor, ReadLists } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe.js';
import { CreateUnitDto, UpdateUnitDto } from './unit.dto.js';
import { UnitsService } from './units.service.js';

@ApiTags('units (单位)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId/units')
export class UnitsController {
  constructor(private readonly service: UnitsService) {}

  @ReadLists()
  @Get()
  list(@CurrentActor() actor: Actor | null, @Param('planId', IdPipe) planId: number) {
    return this.service.list(planId, actor);
  }

  @ReadLists()
  @Get(':id')
  get(@CurrentActor() actor: Actor | null, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number) {
    return this.service.get(planId, id, actor);
  }

  @Post()
  create(@Param('planId', IdPipe) planId: number, @Body() dto: CreateUnitDto) {
    return this.service.create(planId, dto);
  }

  @Patch(':id')
  update(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: UpdateUnitDto) {
    return this.service.update(planId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number) {
    return this.service.remove(planId, id);
  }
}
