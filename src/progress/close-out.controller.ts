import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { OccurrenceReasonDto } from './progress.dto.js';
import { ReviewService } from './review.service.js';

/** The office undoes a close-out, pauses and resumes a milestone, or waives an occurrence, always with a reason. */
@ApiTags('close-out (销号)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId/milestones/:id')
export class CloseOutController {
  constructor(private readonly review: ReviewService) {}

  @Post('reopen')
  @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: OccurrenceReasonDto) {
    return this.review.reopen(actor, planId, id, dto);
  }

  @Post('suspend')
  @HttpCode(200)
  suspend(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: OccurrenceReasonDto) {
    return this.review.suspend(actor, planId, id, dto);
  }

  @Post('resume')
  @HttpCode(200)
  resume(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: OccurrenceReasonDto) {
    return this.review.resume(actor, planId, id, dto);
  }

  /** One occurrence of a recurring duty (每年…) that is no longer required: no longer overdue, kept in history. */
  @Post('waive')
  @HttpCode(200)
  waive(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: OccurrenceReasonDto) {
    return this.review.waive(actor, planId, id, dto);
  }
}
