import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReasonDto } from './progress.dto.js';
import { ReviewService } from './review.service.js';

/** The office undoes a close-out, or pauses and resumes a milestone, always with a reason. */
@ApiTags('close-out (销号)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId/milestones/:id')
export class CloseOutController {
  constructor(private readonly review: ReviewService) {}

  @Post('reopen')
  @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: ReasonDto) {
    return this.review.reopen(actor, planId, id, dto.reason);
  }

  @Post('suspend')
  @HttpCode(200)
  suspend(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: ReasonDto) {
    return this.review.suspend(actor, planId, id, dto.reason);
  }

  @Post('resume')
  @HttpCode(200)
  resume(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: ReasonDto) {
    return this.review.resume(actor, planId, id, dto.reason);
  }
}
