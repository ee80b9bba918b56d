import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, ReadLists } from '../auth/access.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import type { UnitIdsDto } from '../common/unit-ids.dto.js';
import { DeleteVersionDto, WithdrawItemDto } from './item-change.dto.js';
import { AsOfQuery, ItemListQuery } from './item-list.query.js';
import { ListItemsService } from './list-items.service.js';
import type { AnyList } from './list-registry.js';
import { LIST_REQUESTS } from './list-requests.js';

type Body = UnitIdsDto & Record<string, unknown>;

/**
 * The endpoints of one list, at /plans/:planId/<list name>: every list has the same six, with its own request
 * bodies. The office writes; whoever may read the plan's lists reads.
 */
export function listItemsController(list: AnyList): Type<unknown> {
  @ApiTags(`${list.name} (${list.title})`)
  @ApiBearerAuth()
  @Allow('office')
  @Controller(`plans/:planId/${list.name}`)
  class ListItemsController {
    constructor(readonly service: ListItemsService) {}

    @ReadLists()
    @Get()
    list(@Param('planId', IdPipe) planId: number, @Query() query: ItemListQuery) {
      return this.service.list(list, planId, query);
    }

    @ReadLists()
    @Get(':id')
    get(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Query() query: AsOfQuery) {
      return this.service.get(list, planId, id, query.asOf);
    }

    @Post()
    create(@Param('planId', IdPipe) planId: number, @Body() dto: Body) {
      return this.service.create(list, planId, dto);
    }

    @Patch(':id')
    update(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: Body & { version: number }) {
      return this.service.update(list, planId, id, dto);
    }

    /** Only an item without records (progress, evidence, notices, extensions, values), at the version read. */
    @Delete(':id')
    @HttpCode(204)
    remove(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Query() query: DeleteVersionDto, @Body() body: DeleteVersionDto) {
      return this.service.remove(list, planId, id, query.version ?? body.version);
    }

    /** Withdraws (撤销) the item with a reason: kept with its history, out of lists, reminders and reports. */
    @Post(':id/withdraw')
    @HttpCode(200)
    withdraw(@Param('planId', IdPipe) planId: number, @Param('id', IdPipe) id: number, @Body() dto: WithdrawItemDto) {
      return this.service.withdraw(list, planId, id, dto);
    }
  }
  // The bodies' classes differ per list: they are told to the validation pipe and the API document here, as the
  // compiler would for a class written out (its parameter types), and the class takes the list's name.
  const bodies = LIST_REQUESTS[list.itemType];
  Reflect.defineMetadata('design:paramtypes', [Number, bodies.create], ListItemsController.prototype, 'create');
  Reflect.defineMetadata('design:paramtypes', [Number, Number, bodies.update], ListItemsController.prototype, 'update');
  const name = `${list.name[0].toUpperCase()}${list.name.slice(1)}Controller`;
  Object.defineProperty(ListItemsController, 'name', { value: name });
  return ListItemsController;
}
