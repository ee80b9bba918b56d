import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { ItemQueryService } from '../lists/item-query.service.js';
import { Plan } from '../plans/plan.entity.js';
import type { ListName } from '../common/item-type.js';
import { listNamed } from '../lists/list-registry.js';
import type { ListSheet } from '../tables/table-writer.js';
import { writeCsv, writeXlsx } from '../tables/table-writer.js';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Exports a plan's list in the table layout the import reads; empty templates of each layout. */
@Injectable()
export class ExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemQueryService,
  ) {}

  async exportList(planId: number, list: ListName, format: ExportFormat): Promise<ExportFile> {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const sheet = await this.sheet(planId, list);
    const title = listNamed(list).title;
    return this.file(`${plan.name}-${title}.${format}`, sheet, title, format);
  }

  async template(list: ListName): Promise<ExportFile> {
    const { title, table } = listNamed(list);
    const header = table.templateHeader;
    return this.file(`${title}模板.xlsx`, { header, rows: [], widths: header.map(() => 18) }, title, 'xlsx');
  }

  private async sheet(planId: number, name: ListName): Promise<ListSheet> {
    const list = listNamed(name);
    const items = await this.dataSource.getRepository(list.entity).find({ where: { planId }, order: { seq: 'ASC' } });
    return list.table.sheet(await this.items.decorate(list.itemType, items));
  }

  private async file(filename: string, sheet: ListSheet, title: string, format: ExportFormat): Promise<ExportFile> {
    const body = format === 'xlsx' ? await writeXlsx(sheet, title) : writeCsv(sheet);
    return { filename, contentType: CONTENT_TYPES[format], body };
  }
}
