import type { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import { NotFoundError } from '../common/domain-error.js';

/** Loads one row or throws a 404 that names what was looked for ("任务", "单位" …). */
export async function findOneOrThrow<T extends ObjectLiteral>(repository: Repository<T>, what: string, where: FindOptionsWhere<T>): Promise<T> {
  const row = await repository.findOneBy(where);
  if (!row) {
    const id = 'id' in where ? (where as { id: unknown }).id : JSON.stringify(where);
    throw new NotFoundError(what, id);
  }
  return row;
}
