import { Allow, ReadLists } from '../auth/access.decorators.js';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe.js';
import { AsOfQuery, ItemListQuery } from '../plans/item-list.query.js';
import { CreateTaskDto, UpdateTaskDto } from './task.dto.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks (任务清单)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId/tasks')
export class TasksController {
  constructor(private readonly service: TasksService) {}

  @ReadLists()
  @Get()
  list(@Param('planId', IdPipe) planId: number, @Query() query: ItemListQuery) {
    return this.service.list(planId, query);
  }

  @ReadLists()
  @Get(':id')
  get(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Query() query: AsOfQuery) {
    return this.service.get(planId, id, query.asOf);
  }

  @Post()
  create(@Param('planId', IdPipe) planId: number, @Body() dto: CreateTaskDto) {
    return this.service.create(planId, dto);
  }

  @Patch(':id')
  update(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: UpdateTaskDto) {
    return this.service.update(planId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number) {
    return this.service.remove(planId, id);
  }
}
