import { Module } from '@nestjs/common';
import { CrossPlanReportsController, PlanReportsController } from './reports.controller.js';
import { ReportCache } from './report-cache.js';
import { ReportsAheadService } from './reports-ahead.service.js';
import { ReportsService } from './reports.service.js';

/** Progress, overdue, responsibility and assessment reports of a plan and across plans. */
@Module({
  controllers: [PlanReportsController, CrossPlanReportsController],
  providers: [ReportsService, ReportsAheadService, { provide: ReportCache, useFactory: () => new ReportCache() }],
  exports: [ReportsAheadService],
})
export class ReportsModule {}
