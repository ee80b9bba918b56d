import { Injectable } from '@nestjs/common';
import type { Page } from '../../common/pagination.js';
import type { ItemListQuery } from '../item-list.query.js';
import type { WithdrawItemDto } from '../item-change.dto.js';
import { ItemWriterService } from '../item-writer.service.js';
import { type ItemView, PlanItemsService } from '../list-items.service.js';
import { TASKS } from '../list-registry.js';
import type { CreateTaskDto, UpdateTaskDto } from './task.dto.js';
import type { Task } from './task.entity.js';

@Injectable()
export class TasksService {
  constructor(
    private readonly items: PlanItemsService,
    private readonly writer: ItemWriterService,
  ) {}

  list(planId: number, query: ItemListQuery): Promise<Page<ItemView<Task>>> {
    return this.items.page(TASKS, planId, query);
  }

  async get(planId: number, id: number, asOf?: string): Promise<ItemView<Task>> {
    return this.items.one(TASKS, await this.writer.find(TASKS, planId, id), asOf);
  }

  async create(planId: number, { leadUnitIds, supportingUnitIds, ...fields }: CreateTaskDto): Promise<ItemView<Task>> {
    const task = await this.writer.create(TASKS, planId, { ...fields, deadlineText: fields.deadlineText ?? null }, { leadUnitIds, supportingUnitIds });
    return this.get(planId, task.id);
  }

  async update(planId: number, id: number, { version, leadUnitIds, supportingUnitIds, ...fields }: UpdateTaskDto): Promise<ItemView<Task>> {
    await this.writer.update(TASKS, planId, id, version, fields, { leadUnitIds, supportingUnitIds });
    return this.get(planId, id);
  }

  remove(planId: number, id: number, version: number | undefined): Promise<void> {
    return this.writer.remove(TASKS, planId, id, version);
  }

  async withdraw(planId: number, id: number, { reason, version }: WithdrawItemDto): Promise<ItemView<Task>> {
    await this.writer.withdraw(TASKS, planId, id, version, reason);
    return this.get(planId, id);
  }
}
