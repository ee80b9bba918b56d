import { Injectable } from '@nestjs/common';
import type { Page } from '../common/pagination.js';
import type { UnitIdsDto } from '../common/unit-ids.dto.js';
import type { ListItemEntity } from '../database/list-item.entity.js';
import type { WithdrawItemDto } from './item-change.dto.js';
import type { ItemListQuery } from './item-list.query.js';
import { type ItemView, ItemQueryService } from './item-query.service.js';
import { ItemWriterService } from './item-writer.service.js';
import type { ListDefinition } from './list-registry.js';

type Body = UnitIdsDto & Record<string, unknown>;

/** What every list's endpoints do, for the list given: page, read, create, change, delete and withdraw its items. */
@Injectable()
export class ListItemsService {
  constructor(
    private readonly query: ItemQueryService,
    private readonly writer: ItemWriterService,
  ) {}

  list<T extends ListItemEntity>(list: ListDefinition<T>, planId: number, query: ItemListQuery): Promise<Page<ItemView<T>>> {
    return this.query.page(list, planId, query);
  }

  async get<T extends ListItemEntity>(list: ListDefinition<T>, planId: number, id: number, asOf?: string): Promise<ItemView<T>> {
    return this.query.one(list, await this.writer.find(list, planId, id), asOf);
  }

  async create<T extends ListItemEntity>(list: ListDefinition<T>, planId: number, { leadUnitIds, supportingUnitIds, ...body }: Body): Promise<ItemView<T>> {
    const item = await this.writer.create(list, planId, list.requestFields(body, true), { leadUnitIds, supportingUnitIds });
    return this.get(list, planId, item.id);
  }

  async update<T extends ListItemEntity>(
    list: ListDefinition<T>,
    planId: number,
    id: number,
    { version, leadUnitIds, supportingUnitIds, ...body }: Body & { version: number },
  ): Promise<ItemView<T>> {
    await this.writer.update(list, planId, id, version, list.requestFields(body, false), { leadUnitIds, supportingUnitIds });
    return this.get(list, planId, id);
  }

  remove<T extends ListItemEntity>(list: ListDefinition<T>, planId: number, id: number, version: number | undefined): Promise<void> {
    return this.writer.remove(list, planId, id, version);
  }

  async withdraw<T extends ListItemEntity>(list: ListDefinition<T>, planId: number, id: number, { reason, version }: WithdrawItemDto): Promise<ItemView<T>> {
    await this.writer.withdraw(list, planId, id, version, reason);
    return this.get(list, planId, id);
  }
}
