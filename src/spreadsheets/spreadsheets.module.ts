import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { ExportService } from './export.service.js';
import { ImportService } from './import.service.js';
import { SpreadsheetsController } from './spreadsheets.controller.js';

@Module({
  imports: [PlansModule],
  controllers: [SpreadsheetsController],
  providers: [ImportService, ExportService],
  exports: [ImportService, ExportService],
})
export class SpreadsheetsModule {}
