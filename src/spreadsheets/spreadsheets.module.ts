import { Module } from '@nestjs/common';
import { ExportService } from './export.service.js';
import { ImportMappingService } from './import-mappings.js';
import { ImportService } from './import.service.js';
import { SpreadsheetsController } from './spreadsheets.controller.js';

@Module({
  controllers: [SpreadsheetsController],
  providers: [ImportService, ExportService, ImportMappingService],
  exports: [ImportService, ExportService],
})
export class SpreadsheetsModule {}
