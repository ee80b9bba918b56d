import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { RemindSignaturesDto, SignatureListQuery, SignItemDto } from './signature.dto.js';
import { SignatureRemindersService } from './signature-reminders.service.js';
import { SignaturesService } from './signatures.service.js';

@ApiTags('signatures (签收)')
@ApiBearerAuth()
@Controller('plans/:planId/signatures')
export class SignaturesController {
  constructor(
    private readonly service: SignaturesService,
    private readonly reminders: SignatureRemindersService,
  ) {}

  /** Signing is idempotent: the first signature is answered (200) every time. */
  @Allow('unit')
  @Post()
  @HttpCode(200)
  sign(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Body() dto: SignItemDto) {
    return this.service.sign(planId, actor, dto);
  }

  @Allow('office', 'leader', 'unit')
  @Get()
  list(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Query() query: SignatureListQuery) {
    return this.service.list(planId, actor, query);
  }

  /**
   * The office reminds the units that have not signed for their items: one message per unit and recipient through
   * the outbox, listing what that unit has still to sign for. Reminding again the same day writes nothing again.
   */
  @Allow('office')
  @Post('remind')
  @HttpCode(200)
  remind(@Param('planId', IdPipe) planId: number, @CurrentActor() actor: Actor, @Body() dto: RemindSignaturesDto) {
    return this.reminders.remind(planId, actor, dto);
  }
}
