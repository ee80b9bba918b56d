import { Allow } from '../auth/access.decorators.js';
import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe.js';
import { OverrideMilestoneDto, ParseDeadlinesDto } from './deadline.dto.js';
import { DeadlinesService } from './deadlines.service.js';

@ApiTags('deadlines (时限)')
@ApiBearerAuth()
@Allow('office')
@Controller()
export class DeadlinesController {
  constructor(private readonly service: DeadlinesService) {}

  @Allow('office', 'unit', 'leader')
  @Post('deadlines/parse')
  @HttpCode(200)
  parse(@Body() dto: ParseDeadlinesDto) {
    return this.service.parse(dto);
  }

  @Patch('plans/:planId/milestones/:id')
  override(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: OverrideMilestoneDto) {
    return this.service.override(planId, id, dto);
  }
}
