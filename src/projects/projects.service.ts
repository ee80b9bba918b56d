import { Injectable } from '@nestjs/common';
import type { Page } from '../common/pagination.js';
import { projectMilestones } from '../deadlines/item-milestones.js';
import type { ItemListQuery } from '../plans/item-list.query.js';
import { ItemWriterService } from '../plans/item-writer.service.js';
import { type ItemView, PlanItemsService } from '../plans/plan-items.service.js';
import type { CreateProjectDto, UpdateProjectDto } from './project.dto.js';
import { Project } from './project.entity.js';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly items: PlanItemsService,
    private readonly writer: ItemWriterService,
  ) {}

  list(planId: number, query: ItemListQuery): Promise<Page<ItemView<Project>>> {
    return this.items.page('project', Project, planId, query, 'category');
  }

  async get(planId: number, id: number): Promise<ItemView<Project>> {
    const project = await this.writer.find('project', Project, planId, id);
    return (await this.items.decorate('project', [project]))[0];
  }

  async create(planId: number, dto: CreateProjectDto): Promise<ItemView<Project>> {
    const { leadUnitIds, supportingUnitIds, ...fields } = dto;
    const project = await this.writer.create(
      'project',
      Project,
      planId,
      { ...fields, deadlineText: fields.deadlineText ?? null },
      { leadUnitIds, supportingUnitIds },
      (plan, p) => projectMilestones(plan, p.deadlineText),
    );
    return this.get(planId, project.id);
  }

  async update(planId: number, id: number, dto: UpdateProjectDto): Promise<ItemView<Project>> {
    const { leadUnitIds, supportingUnitIds, ...fields } = dto;
    const rereads = fields.deadlineText !== undefined;
    await this.writer.update('project', Project, planId, id, fields, { leadUnitIds, supportingUnitIds }, (plan, p) =>
      rereads ? projectMilestones(plan, p.deadlineText) : null,
    );
    return this.get(planId, id);
  }

  remove(planId: number, id: number): Promise<void> {
    return this.writer.remove('project', Project, planId, id);
  }
}
