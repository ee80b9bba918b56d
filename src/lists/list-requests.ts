import type { Type } from '@nestjs/common';
import type { ListType } from '../common/item-type.js';
import { CreateIndicatorDto, UpdateIndicatorDto } from './indicators/indicator.dto.js';
import { CreateProjectDto, UpdateProjectDto } from './projects/project.dto.js';
import { CreateTaskDto, UpdateTaskDto } from './tasks/task.dto.js';

/** The request bodies of a list's POST and PATCH. */
export interface ListRequests {
  create: Type<object>;
  update: Type<object>;
}

/**
 * Each list's request bodies: the HTTP half of a list, kept out of the registry so that what reads the registry
 * (imports, the seed, reminders, reports) does not load the API document's decorators with them.
 */
export const LIST_REQUESTS: Record<ListType, ListRequests> = {
  task: { create: CreateTaskDto, update: UpdateTaskDto },
  project: { create: CreateProjectDto, update: UpdateProjectDto },
  indicator: { create: CreateIndicatorDto, update: UpdateIndicatorDto },
};
