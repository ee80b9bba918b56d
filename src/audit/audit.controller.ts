import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { AllAuditQuery, AuditQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit (变更记录)')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @ApiOperation({ summary: "A plan's change log, newest first: who, when, what, the row before and after" })
  @Allow('office')
  @Get('plans/:planId/audit')
  forPlan(@Param('planId', IdPipe) planId: number, @Query() query: AuditQuery) {
    return this.service.forPlan(planId, query);
  }

  @ApiOperation({ summary: 'The change log of every plan and of accounts (admin only)' })
  @Get('audit')
  all(@Query() query: AllAuditQuery) {
    return this.service.all(query);
  }
}
