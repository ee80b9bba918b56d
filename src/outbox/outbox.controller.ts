import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { OutboxQueryDto } from './outbox.dto.js';
import { OutboxService } from './outbox.service.js';

@ApiTags('outbox (发件箱)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId/outbox')
export class PlanOutboxController {
  constructor(private readonly service: OutboxService) {}

  /** The plan's messages, newest first, with status, attempts and the last error. */
  @Get()
  list(@Param('planId', IdPipe) planId: number, @Query() query: OutboxQueryDto) {
    return this.service.list(planId, query);
  }

  @Get(':id')
  get(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number) {
    return this.service.get(planId, id);
  }

  /** Queue one message again (a failed one, or one someone says they did not get). */
  @Post(':id/resend')
  @HttpCode(200)
  resend(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.service.resend(planId, id, actor);
  }
}

/** Every message, including digests that cover several plans: admin only. */
@ApiTags('outbox (发件箱)')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly service: OutboxService) {}

  @Get()
  list(@Query() query: OutboxQueryDto) {
    return this.service.list(null, query);
  }

  @Post(':id/resend')
  @HttpCode(200)
  resend(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.service.resend(null, id, actor);
  }
}
