import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { AnswerNoticeDto, CreateNoticeDto, NoticeListQuery } from './notice.dto.js';
import { NoticesService } from './notices.service.js';

@ApiTags('notices (督办)')
@ApiBearerAuth()
@Controller('plans/:planId/notices')
export class NoticesController {
  constructor(private readonly service: NoticesService) {}

  @Allow('office')
  @Post()
  issue(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Body() dto: CreateNoticeDto) {
    return this.service.issue(planId, actor, dto);
  }

  @Allow('office', 'leader', 'unit')
  @Get()
  list(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Query() query: NoticeListQuery) {
    return this.service.list(planId, actor, query);
  }

  @Allow('office', 'leader', 'unit')
  @Get(':id')
  get(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.service.get(planId, actor, id);
  }

  @Allow('unit')
  @Post(':id/answer')
  @HttpCode(200)
  answer(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor, @Body() dto: AnswerNoticeDto) {
    return this.service.answer(planId, actor, id, dto);
  }
}
