import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReminderPausesService } from './reminder-pauses.service.js';
import { CreatePauseDto, PreviewQuery, UpdateReminderSettingsDto } from './reminder-settings.dto.js';
import { ReminderSettingsService } from './reminder-settings.service.js';
import { RemindersPreviewService } from './reminders-preview.service.js';

@ApiTags('reminders (催办)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId/reminders')
export class RemindersController {
  constructor(
    private readonly settings: ReminderSettingsService,
    private readonly pauses: ReminderPausesService,
    private readonly previews: RemindersPreviewService,
  ) {}

  @Get('settings')
  getSettings(@Param('planId', IdPipe) planId: number) {
    return this.settings.get(planId);
  }

  @Put('settings')
  updateSettings(@Param('planId', IdPipe) planId: number, @Body() dto: UpdateReminderSettingsDto) {
    return this.settings.update(planId, dto);
  }

  @Get('pauses')
  listPauses(@Param('planId', IdPipe) planId: number) {
    return this.pauses.list(planId);
  }

  @Post('pauses')
  pause(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Body() dto: CreatePauseDto) {
    return this.pauses.pause(planId, dto, actor);
  }

  @Delete('pauses/:id')
  @HttpCode(204)
  resume(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.pauses.resume(planId, id, actor);
  }

  /** Dry run: the reminders and digests a sweep on that date would write; nothing is written or sent. */
  @Get('preview')
  preview(@Param('planId', IdPipe) planId: number, @Query() query: PreviewQuery) {
    return this.previews.preview(planId, query.date);
  }
}
