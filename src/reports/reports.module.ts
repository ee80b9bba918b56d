import { Module } from '@nestjs/common';
import { CrossPlanReportsController, PlanReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Progress, overdue, responsibility and assessment reports of a plan and across plans. */
@Module({
  controllers: [PlanReportsController, CrossPlanReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
