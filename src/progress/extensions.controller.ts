import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { ApproveExtensionDto, CreateExtensionDto, ExtensionListQuery, RefuseExtensionDto } from './extension.dto.js';
import { ExtensionsService } from './extensions.service.js';

@ApiTags('extensions (延期申请)')
@ApiBearerAuth()
@Controller('plans/:planId/extensions')
export class ExtensionsController {
  constructor(private readonly service: ExtensionsService) {}

  @Allow('unit')
  @Post()
  request(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Body() dto: CreateExtensionDto) {
    return this.service.request(planId, actor, dto);
  }

  @Allow('office', 'leader', 'unit')
  @Get()
  list(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Query() query: ExtensionListQuery) {
    return this.service.list(planId, actor, query);
  }

  @Allow('office', 'leader', 'unit')
  @Get(':id')
  get(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.service.get(planId, actor, id);
  }

  @Allow('office')
  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor, @Body() dto: ApproveExtensionDto) {
    return this.service.approve(planId, actor, id, dto);
  }

  @Allow('office')
  @Post(':id/refuse')
  @HttpCode(200)
  refuse(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor, @Body() dto: RefuseExtensionDto) {
    return this.service.refuse(planId, actor, id, dto);
  }
}
