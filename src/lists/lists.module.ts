import { Global, Module } from '@nestjs/common';
import { RawReader } from '../database/raw-reader.js';
import { IndicatorsController } from './indicators/indicators.controller.js';
import { IndicatorsService } from './indicators/indicators.service.js';
import { ItemWriterService } from './item-writer.service.js';
import { PlanItemsService } from './list-items.service.js';
import { ProjectsController } from './projects/projects.controller.js';
import { ProjectsService } from './projects/projects.service.js';
import { StatusService } from './status.service.js';
import { TasksController } from './tasks/tasks.controller.js';
import { TasksService } from './tasks/tasks.service.js';

/**
 * The item engine: the lists' endpoints, querying and writing items, and their derived status (used by the lists,
 * progress, reminders and reports alike, with the plain SQL reader they share).
 */
@Global()
@Module({
  controllers: [TasksController, ProjectsController, IndicatorsController],
  providers: [PlanItemsService, ItemWriterService, StatusService, RawReader, TasksService, ProjectsService, IndicatorsService],
  exports: [PlanItemsService, ItemWriterService, StatusService, RawReader],
})
export class ListsModule {}
