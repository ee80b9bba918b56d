import { Allow, ReadLists } from '../auth/access.decorators.js';
import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdPipe } from '../common/id.pipe.js';
import { ExportService, type ExportFile } from './export.service.js';
import { ImportMappingService } from './import-mappings.js';
import { ImportService } from './import.service.js';
import type { ListName } from '../common/item-type.js';
import { readUpload } from '../common/upload.js';
import { ExportQuery, ImportQuery, ListPipe } from './spreadsheet.dto.js';

@ApiTags('import and export (导入导出)')
@ApiBearerAuth()
@Allow('office')
@Controller()
export class SpreadsheetsController {
  constructor(
    private readonly importer: ImportService,
    private readonly exporter: ExportService,
    private readonly mappings: ImportMappingService,
  ) {}

  @Post('plans/:planId/import/:list')
  @ApiConsumes('multipart/form-data')
  async import(@Param('planId', IdPipe) planId: number, @Param('list', ListPipe) list: ListName, @Query() query: ImportQuery, @Req() request: FastifyRequest) {
    const upload = await readUpload(request, { tooLarge: '未导入任何数据' });
    return this.importer.importList(planId, list, upload.buffer, upload.filename, { ...query, mapping: upload.fields.mapping ?? query.mapping });
  }

  @Get('plans/:planId/import/:list/mapping')
  mapping(@Param('planId', IdPipe) planId: number, @Param('list', ListPipe) list: ListName) {
    return this.mappings.get(planId, list);
  }

  @Delete('plans/:planId/import/:list/mapping')
  @HttpCode(204)
  clearMapping(@Param('planId', IdPipe) planId: number, @Param('list', ListPipe) list: ListName) {
    return this.mappings.clear(planId, list);
  }

  @ReadLists()
  @Get('plans/:planId/export/:list')
  async export(@Param('planId', IdPipe) planId: number, @Param('list', ListPipe) list: ListName, @Query() query: ExportQuery, @Res() reply: FastifyReply) {
    send(reply, await this.exporter.exportList(planId, list, query.format ?? 'xlsx'));
  }

  @Allow('office', 'unit', 'leader')
  @Get('templates/:list.xlsx')
  async template(@Param('list', ListPipe) list: ListName, @Res() reply: FastifyReply) {
    send(reply, await this.exporter.template(list));
  }
}

function send(reply: FastifyReply, file: ExportFile): void {
  void reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .send(file.body);
}
