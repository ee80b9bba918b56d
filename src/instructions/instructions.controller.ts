import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { CreateInstructionDto, InstructionListQuery } from './instruction.dto.js';
import { InstructionsService } from './instructions.service.js';

@ApiTags('instructions (批示)')
@ApiBearerAuth()
@Controller('plans/:planId/instructions')
export class InstructionsController {
  constructor(private readonly service: InstructionsService) {}

  @Allow('leader', 'office')
  @Post()
  create(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Body() dto: CreateInstructionDto) {
    return this.service.create(planId, actor, dto);
  }

  @Allow('office', 'leader', 'unit')
  @Get()
  list(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Query() query: InstructionListQuery) {
    return this.service.list(planId, actor, query);
  }
}
