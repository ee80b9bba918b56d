import { Injectable } from '@nestjs/common';
import type { Page } from '../../common/pagination.js';
import type { ItemListQuery } from '../item-list.query.js';
import type { WithdrawItemDto } from '../item-change.dto.js';
import { ItemWriterService } from '../item-writer.service.js';
import { type ItemView, PlanItemsService } from '../list-items.service.js';
import { PROJECTS } from '../list-registry.js';
import type { CreateProjectDto, UpdateProjectDto } from './project.dto.js';
import type { Project } from './project.entity.js';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly items: PlanItemsService,
    private readonly writer: ItemWriterService,
  ) {}

  list(planId: number, query: ItemListQuery): Promise<Page<ItemView<Project>>> {
    return this.items.page(PROJECTS, planId, query);
  }

  async get(planId: number, id: number, asOf?: string): Promise<ItemView<Project>> {
    return this.items.one(PROJECTS, await this.writer.find(PROJECTS, planId, id), asOf);
  }

  async create(planId: number, { leadUnitIds, supportingUnitIds, ...fields }: CreateProjectDto): Promise<ItemView<Project>> {
    const project = await this.writer.create(PROJECTS, planId, { ...fields, deadlineText: fields.deadlineText ?? null }, { leadUnitIds, supportingUnitIds });
    return this.get(planId, project.id);
  }

  async update(planId: number, id: number, { version, leadUnitIds, supportingUnitIds, ...fields }: UpdateProjectDto): Promise<ItemView<Project>> {
    await this.writer.update(PROJECTS, planId, id, version, fields, { leadUnitIds, supportingUnitIds });
    return this.get(planId, id);
  }

  remove(planId: number, id: number, version: number | undefined): Promise<void> {
    return this.writer.remove(PROJECTS, planId, id, version);
  }

  async withdraw(planId: number, id: number, { reason, version }: WithdrawItemDto): Promise<ItemView<Project>> {
    await this.writer.withdraw(PROJECTS, planId, id, version, reason);
    return this.get(planId, id);
  }
}
