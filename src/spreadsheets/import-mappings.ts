import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FieldProblem } from '../common/domain-error.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { Plan } from '../plans/plan.entity.js';
import { ImportMapping } from './import-mapping.entity.js';
import { listNamed } from '../lists/list-registry.js';
import type { ListName } from '../common/item-type.js';
import { type ColumnMapping, mappingValueProblems } from '../tables/table-header.js';

export interface MappingView {
  planId: number;
  list: ListName;
  /** The remembered mapping (header as written → field), or null when imports read the headers they know. */
  mapping: ColumnMapping | null;
  updatedAt: Date | null;
  /** The fields a mapping may name, with the headers recognised without one. */
  fields: { field: string; name: string; headers: string[]; required: boolean }[];
}

/**
 * A mapping as sent (a JSON object in a multipart field or the query, or an object from the CLI), checked against
 * the list's fields: the problems name each bad header or value.
 */
export function parseMapping(list: ListName, raw: unknown): { mapping: ColumnMapping; problems: FieldProblem[] } {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { mapping: {}, problems: [{ field: 'mapping', value: raw, message: `列对应关系“${raw}”不是有效的 JSON，应为 {"表头":"字段"}` }] };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { mapping: {}, problems: [{ field: 'mapping', value: String(raw), message: '列对应关系应为 JSON 对象，如 {"督办事项":"content"}' }] };
  }
  const mapping = value as ColumnMapping;
  const adapter = listNamed(list);
  const problems = mappingValueProblems(adapter.table.columns, mapping, adapter.table.yearColumns);
  for (const header of Object.keys(mapping)) {
    if (header.trim() === '') problems.push({ field: 'mapping', value: header, message: '列对应关系中有空的表头' });
  }
  return { mapping, problems };
}

export function findMapping(manager: EntityManager, planId: number, list: ListName): Promise<ImportMapping | null> {
  return manager.findOneBy(ImportMapping, { planId, list });
}

/** Remembers the mapping of a plan's list; an empty one forgets it. */
export async function saveMapping(manager: EntityManager, planId: number, list: ListName, mapping: ColumnMapping): Promise<void> {
  const stored = await findMapping(manager, planId, list);
  if (Object.keys(mapping).length === 0) {
    if (stored) await manager.remove(stored);
    return;
  }
  await manager.save(ImportMapping, stored ? manager.merge(ImportMapping, stored, { mapping }) : manager.create(ImportMapping, { planId, list, mapping }));
}

/** Reads and forgets the column mapping remembered for a plan's list. */
@Injectable()
export class ImportMappingService {
  constructor(private readonly dataSource: DataSource) {}

  async get(planId: number, list: ListName): Promise<MappingView> {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const stored = await findMapping(this.dataSource.manager, planId, list);
    const adapter = listNamed(list);
    return {
      planId,
      list,
      mapping: stored?.mapping ?? null,
      updatedAt: stored?.updatedAt ?? null,
      fields: adapter.table.columns.map((c) => ({ field: c.key, name: c.headers[0], headers: c.headers, required: c.required ?? false })),
    };
  }

  async clear(planId: number, list: ListName): Promise<void> {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    await this.dataSource.transaction((manager) => saveMapping(manager, planId, list, {}));
  }
}
