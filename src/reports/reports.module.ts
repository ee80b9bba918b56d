import { Module } from '@nestjs/common';
import { RawReader } from '../database/raw-reader.js';
import { CrossPlanReportsController, PlanReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Progress, overdue, responsibility and assessment reports of a plan and across plans. */
@Module({
  controllers: [PlanReportsController, CrossPlanReportsController],
  providers: [ReportsService, RawReader],
})
export class ReportsModule {}
