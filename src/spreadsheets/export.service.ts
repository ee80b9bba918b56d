import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { Indicator } from '../lists/indicators/indicator.entity.js';
import { PlanItemsService } from '../lists/list-items.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Project } from '../lists/projects/project.entity.js';
import { Task } from '../lists/tasks/task.entity.js';
import type { ListName } from '../lists/list-records.js';
import { INDICATOR_TEMPLATE_HEADER, indicatorSheet, PROJECT_HEADER, projectSheet, TASK_HEADER, taskSheet } from '../lists/list-rows.js';
import type { ListSheet } from '../tables/table-writer.js';
import { writeCsv, writeXlsx } from '../tables/table-writer.js';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const LIST_TITLES: Record<ListName, string> = { tasks: '任务清单', projects: '项目清单', indicators: '目标清单' };
const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Exports a plan's list in the table layout the import reads; empty templates of each layout. */
@Injectable()
export class ExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: PlanItemsService,
  ) {}

  async exportList(planId: number, list: ListName, format: ExportFormat): Promise<ExportFile> {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const sheet = await this.sheet(planId, list);
    const title = LIST_TITLES[list];
    return this.file(`${plan.name}-${title}.${format}`, sheet, title, format);
  }

  async template(list: ListName): Promise<ExportFile> {
    const header = { tasks: TASK_HEADER, projects: PROJECT_HEADER, indicators: INDICATOR_TEMPLATE_HEADER }[list];
    const title = LIST_TITLES[list];
    return this.file(`${title}模板.xlsx`, { header, rows: [], widths: header.map(() => 18) }, title, 'xlsx');
  }

  private async sheet(planId: number, list: ListName): Promise<ListSheet> {
    const repo = <T extends { seq: number; planId: number }>(entity: new () => T) =>
      this.dataSource.getRepository(entity).find({ where: { planId } as never, order: { seq: 'ASC' } as never });
    if (list === 'tasks') return taskSheet(await this.items.decorate('task', await repo(Task)));
    if (list === 'projects') return projectSheet(await this.items.decorate('project', await repo(Project)));
    return indicatorSheet(await this.items.decorate('indicator', await repo(Indicator)));
  }

  private async file(filename: string, sheet: ListSheet, title: string, format: ExportFormat): Promise<ExportFile> {
    const body = format === 'xlsx' ? await writeXlsx(sheet, title) : writeCsv(sheet);
    return { filename, contentType: CONTENT_TYPES[format], body };
  }
}
