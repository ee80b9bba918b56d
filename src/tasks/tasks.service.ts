import { Injectable } from '@nestjs/common';
import type { Page } from '../common/pagination.js';
import { taskMilestones } from '../deadlines/item-milestones.js';
import type { ItemListQuery } from '../plans/item-list.query.js';
import { type ItemView, PlanItemsService } from '../plans/plan-items.service.js';
import { ItemWriterService } from '../plans/item-writer.service.js';
import type { CreateTaskDto, UpdateTaskDto } from './task.dto.js';
import { Task } from './task.entity.js';

@Injectable()
export class TasksService {
  constructor(
    private readonly items: PlanItemsService,
    private readonly writer: ItemWriterService,
  ) {}

  list(planId: number, query: ItemListQuery): Promise<Page<ItemView<Task>>> {
    return this.items.page('task', Task, planId, query, 'chapter');
  }

  async get(planId: number, id: number): Promise<ItemView<Task>> {
    const task = await this.writer.find('task', Task, planId, id);
    return (await this.items.decorate('task', [task]))[0];
  }

  async create(planId: number, dto: CreateTaskDto): Promise<ItemView<Task>> {
    const { leadUnitIds, supportingUnitIds, ...fields } = dto;
    const task = await this.writer.create('task', Task, planId, { ...fields, deadlineText: fields.deadlineText ?? null }, { leadUnitIds, supportingUnitIds }, (plan, t) =>
      taskMilestones(plan, t.content, t.deadlineText),
    );
    return this.get(planId, task.id);
  }

  async update(planId: number, id: number, dto: UpdateTaskDto): Promise<ItemView<Task>> {
    const { leadUnitIds, supportingUnitIds, ...fields } = dto;
    const rereads = fields.content !== undefined || fields.deadlineText !== undefined;
    await this.writer.update('task', Task, planId, id, fields, { leadUnitIds, supportingUnitIds }, (plan, t) =>
      rereads ? taskMilestones(plan, t.content, t.deadlineText) : null,
    );
    return this.get(planId, id);
  }

  remove(planId: number, id: number): Promise<void> {
    return this.writer.remove('task', Task, planId, id);
  }
}
