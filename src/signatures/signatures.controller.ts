import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { SignatureListQuery, SignItemDto } from './signature.dto.js';
import { SignaturesService } from './signatures.service.js';

@ApiTags('signatures (签收)')
@ApiBearerAuth()
@Controller('plans/:planId/signatures')
export class SignaturesController {
  constructor(private readonly service: SignaturesService) {}

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
}
