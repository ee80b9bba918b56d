import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { LIST_NAMES, LIST_TYPES } from '../common/item-type.js';
import { openDatabase } from '../database/data-source.js';
import { LIST_OF, LISTS } from './list-registry.js';

// The registry names columns and tables as text (the SQL of the read model and the standing reports is built from
// it): each entry must agree with its entity as the migrations built it.
describe('the list registry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-registry-'));
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDatabase({ type: 'sqlite', path: join(dir, 'registry.sqlite') });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has one entry per list key, in the order of LIST_TYPES, each under its own key and name', () => {
    expect(LISTS.map((l) => l.itemType)).toEqual(LIST_TYPES);
    expect(LISTS.map((l) => l.name)).toEqual(LIST_NAMES);
    for (const type of LIST_TYPES) expect(LIST_OF[type].itemType).toBe(type);
  });

  it.each(LISTS.map((l) => [l.name, l] as const))('%s: its table is named as the list, and its title, group and re-read columns exist', async (_name, list) => {
    const metadata = dataSource.getMetadata(list.entity);
    expect(metadata.tableName).toBe(list.name);
    const columns = metadata.columns.map((c) => c.propertyName);
    expect(columns).toEqual(expect.arrayContaining([list.titleColumn, list.groupColumn, ...list.rereadOn, 'planId', 'seq', 'withdrawnOn']));
    const [row] = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [list.name]);
    expect(row).toEqual({ name: list.name });
  });

  it('every table key a list reads has a field the list stores', () => {
    for (const list of LISTS) {
      const columns = dataSource.getMetadata(list.entity).columns.map((c) => c.propertyName);
      const fields = Object.keys(list.table.fields(sampleInput() as never));
      expect(fields.filter((f) => !columns.includes(f))).toEqual([]);
    }
  });
});

/** A row as every list's reader returns it, with the fields each list reads; the values do not matter here. */
function sampleInput() {
  const known: Record<string, unknown> = { row: 1, seq: 1 };
  return new Proxy(known, { get: (target, key) => (typeof key === 'string' && key in target ? target[key] : '') });
}
