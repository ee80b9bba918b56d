import { Body, Controller, Get, Param, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { AssessmentQuery, AssessmentRuleDto, CrossPlanQuery, OverdueQuery, ReportQuery, UnitsQuery } from './reports.dto.js';
import { ReportFormatInterceptor } from './report-format.interceptor.js';
import { ReportsService } from './reports.service.js';

const FORMATS = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html'];

/** The supervision reports of one plan, in JSON, CSV, XLSX or the printable briefing (?format=). */
@ApiTags('reports (报告)')
@ApiBearerAuth()
@Controller('plans/:planId/reports')
export class PlanReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Allow('office', 'unit', 'leader')
  @ApiProduces(...FORMATS)
  @UseInterceptors(ReportFormatInterceptor)
  @Get('progress')
  progress(@Param('planId', IdPipe) planId: number, @Query() query: ReportQuery) {
    return this.reports.progress(planId, query);
  }

  /** A unit user gets the overdue items it holds. */
  @Allow('office', 'unit', 'leader')
  @ApiProduces(...FORMATS)
  @UseInterceptors(ReportFormatInterceptor)
  @Get('overdue')
  overdue(@Param('planId', IdPipe) planId: number, @Query() query: OverdueQuery, @CurrentActor() actor: Actor) {
    return this.reports.overdue(planId, query, actor);
  }

  /** A unit user gets its own responsibility list. */
  @Allow('office', 'unit', 'leader')
  @ApiProduces(...FORMATS)
  @UseInterceptors(ReportFormatInterceptor)
  @Get('units')
  units(@Param('planId', IdPipe) planId: number, @Query() query: UnitsQuery, @CurrentActor() actor: Actor) {
    return this.reports.units(planId, query, actor);
  }

  @Allow('office', 'leader')
  @ApiProduces(...FORMATS)
  @UseInterceptors(ReportFormatInterceptor)
  @Get('assessment')
  assessment(@Param('planId', IdPipe) planId: number, @Query() query: AssessmentQuery) {
    return this.reports.assessment(planId, query);
  }

  @Allow('office', 'leader')
  @Get('assessment/rule')
  rule(@Param('planId', IdPipe) planId: number) {
    return this.reports.rule(planId);
  }

  @Allow('office')
  @Put('assessment/rule')
  updateRule(@Param('planId', IdPipe) planId: number, @Body() dto: AssessmentRuleDto) {
    return this.reports.updateRule(planId, dto);
  }
}

/** The same reports over every plan the caller may see: a regional office's view. */
@ApiTags('reports (报告)')
@ApiBearerAuth()
@ApiProduces(...FORMATS)
@UseInterceptors(ReportFormatInterceptor)
@Allow('office', 'leader')
@Controller('reports')
export class CrossPlanReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('progress')
  progress(@Query() query: CrossPlanQuery, @CurrentActor() actor: Actor) {
    return this.reports.progressAcrossPlans(query, actor);
  }

  @Get('overdue')
  overdue(@Query() query: CrossPlanQuery, @CurrentActor() actor: Actor) {
    return this.reports.overdueAcrossPlans(query, actor);
  }
}
