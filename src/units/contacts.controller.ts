import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ContactListQuery, CreateContactDto, UpdateContactDto } from './contact.dto.js';
import { ContactsService } from './contacts.service.js';

@ApiTags('units (单位)')
@ApiBearerAuth()
@Allow('office')
@Controller('plans/:planId')
export class ContactsController {
  constructor(private readonly service: ContactsService) {}

  /** Every contact of the plan's units (robot keys shortened). */
  @Get('contacts')
  listPlan(@Param('planId', IdPipe) planId: number, @Query() query: ContactListQuery) {
    return this.service.listPlan(planId, query);
  }

  @Get('units/:id/contacts')
  list(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) unitId: number) {
    return this.service.list(planId, unitId);
  }

  @Post('units/:id/contacts')
  create(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) unitId: number, @Body() dto: CreateContactDto) {
    return this.service.create(planId, unitId, dto);
  }

  @Patch('units/:id/contacts/:contactId')
  update(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) unitId: number, @Param('contactId', IdPipe) id: number, @Body() dto: UpdateContactDto) {
    return this.service.update(planId, unitId, id, dto);
  }

  @Delete('units/:id/contacts/:contactId')
  @HttpCode(204)
  remove(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) unitId: number, @Param('contactId', IdPipe) id: number) {
    return this.service.remove(planId, unitId, id);
  }
}
