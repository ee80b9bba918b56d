import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe.js';
import { Allow, CurrentActor } from './access.decorators.js';
import type { Actor } from './role.js';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users (账号)')
@ApiBearerAuth()
@Allow('office')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: UserListQuery) {
    return this.service.list(actor, query.planId);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number) {
    return this.service.get(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.service.create(actor, dto);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number, @Body() dto: UpdateUserDto) {
    return this.service.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number) {
    return this.service.remove(actor, id);
  }
}
