import { Global, Module } from '@nestjs/common';
import { RawReader } from '../database/raw-reader.js';
import { ItemQueryService } from './item-query.service.js';
import { ItemWriterService } from './item-writer.service.js';
import { listItemsController } from './list-items.controller.js';
import { ListItemsService } from './list-items.service.js';
import { LISTS } from './list-registry.js';
import { StatusService } from './status.service.js';

/**
 * The item engine: every list's endpoints, querying and writing items, and their derived status (used by the lists,
 * progress, reminders and reports alike, with the plain SQL reader they share).
 */
@Global()
@Module({
  controllers: LISTS.map(listItemsController),
  providers: [ItemQueryService, ItemWriterService, ListItemsService, StatusService, RawReader],
  exports: [ItemQueryService, ItemWriterService, StatusService, RawReader],
})
export class ListsModule {}
