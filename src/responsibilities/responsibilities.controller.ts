import { Allow, ReadLists } from '../auth/access.decorators.js';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe.js';
import { CreateAssignmentDto, ResponsibilitiesQuery, UpdateAssignmentDto } from './assignment.dto.js';
import { ResponsibilitiesService } from './responsibilities.service.js';

@ApiTags('responsibilities (责任清单)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId')
export class ResponsibilitiesController {
  constructor(private readonly service: ResponsibilitiesService) {}

  @ReadLists()
  @Get('responsibilities')
  matrix(@Param('planId', IdPipe) planId: number, @Query() query: ResponsibilitiesQuery) {
    return this.service.matrix(planId, query.unit);
  }

  @Post('assignments')
  assign(@Param('planId', IdPipe) planId: number, @Body() dto: CreateAssignmentDto) {
    return this.service.assign(planId, dto);
  }

  @Patch('assignments/:id')
  changeRole(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: UpdateAssignmentDto) {
    return this.service.changeRole(planId, id, dto);
  }

  @Delete('assignments/:id')
  @HttpCode(204)
  unassign(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number) {
    return this.service.unassign(planId, id);
  }
}
