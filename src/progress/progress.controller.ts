import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/role.js';
import { IdPipe } from '../common/id.pipe.js';
import { readUpload } from '../common/upload.js';
import { EvidenceService } from './evidence.service.js';
import { CreateReportDto, ReportListQuery, ReviewDto, UpdateReportDto } from './progress.dto.js';
import { ProgressService } from './progress.service.js';
import { ReviewService } from './review.service.js';

@ApiTags('progress (进展填报)')
@ApiBearerAuth()
@Controller('plans/:planId/progress')
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly review: ReviewService,
    private readonly evidence: EvidenceService,
  ) {}

  /** Units see their own reports and the submitted ones on items they hold; office and leaders see all submitted ones. */
  @Allow('office', 'unit', 'leader')
  @Get()
  list(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Query() query: ReportListQuery) {
    return this.progress.list(actor, planId, query);
  }

  @Allow('office', 'unit', 'leader')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number) {
    return this.progress.get(actor, planId, id);
  }

  /** A unit reports on an item (or one milestone) it leads or supports: a draft, or submitted at once with submit=true. */
  @Allow('unit')
  @Post()
  create(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Body() dto: CreateReportDto) {
    return this.progress.create(actor, planId, dto);
  }

  @Allow('unit')
  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: UpdateReportDto) {
    return this.progress.update(actor, planId, id, dto);
  }

  @Allow('unit')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number) {
    return this.progress.submit(actor, planId, id);
  }

  /** Accepting the lead unit's "done" closes out (销号) what it reports on. */
  @Allow('office')
  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: ReviewDto) {
    return this.review.accept(actor, planId, id, dto.comment);
  }

  @Allow('office')
  @Post(':id/return')
  @HttpCode(200)
  return(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: ReviewDto) {
    return this.review.return(actor, planId, id, dto.comment);
  }

  /** One evidence file per request (multipart, field `file`), while the report is a draft or returned. */
  @Allow('unit')
  @Post(':id/evidence')
  @ApiConsumes('multipart/form-data')
  addEvidence(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Req() request: FastifyRequest) {
    return this.evidence.add(actor, planId, id, (maxBytes) => readUpload(request, { maxBytes, tooLarge: '未上传' }));
  }

  @Allow('office', 'unit', 'leader')
  @Get(':id/evidence/:fileId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('planId', IdPipe) planId: number,
    @Param('id', IdPipe) id: number,
    @Param('fileId', IdPipe) fileId: number,
    @Res() reply: FastifyReply,
  ) {
    const { file, stream } = await this.evidence.open(actor, planId, id, fileId);
    void reply
      .header('Content-Type', file.mimeType)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(stream);
  }

  @Allow('unit')
  @Delete(':id/evidence/:fileId')
  @HttpCode(204)
  removeEvidence(
    @CurrentActor() actor: Actor,
    @Param('planId', IdPipe) planId: number,
    @Param('id', IdPipe) id: number,
    @Param('fileId', IdPipe) fileId: number,
  ) {
    return this.evidence.remove(actor, planId, id, fileId);
  }
}
