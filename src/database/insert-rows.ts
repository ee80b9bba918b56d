import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** Rows per statement on SQLite: 400 rows of a dozen columns stay far under its limit on parameters. */
const SQLITE_CHUNK = 400;
/** Rows per statement on PostgreSQL, where a statement takes one array per column whatever the number of rows. */
const POSTGRES_CHUNK = 5000;

/**
 * Inserts plain rows in bulk, its values prepared by the driver as TypeORM's own insert prepares them (dates,
 * booleans, JSON, transformers), created/updated times set to now, version 1, and a column left out given its
 * default. On SQLite one multi-row INSERT per 400 rows; on PostgreSQL one INSERT … SELECT FROM unnest(…) per 5,000
 * rows, each column one array parameter (far less for the driver to bind than a placeholder per value). No entity is
 * built and no subscriber runs (so no audit entry: the caller records one for the whole batch). Far less work and
 * garbage than the ORM's insert builder, for imports of thousands of rows and the outbox's keys.
 * Runs on `manager`, so inside the caller's transaction. Returns the new rows' ids in the order of `rows` (each
 * statement hands out ids in the order of its rows, on both engines).
 */
export async function insertRows(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: readonly ObjectLiteral[]): Promise<number[]> {
  if (!rows.length) return [];
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => !(c.isGenerated && c.generationStrategy === 'increment') && !c.isVirtual);
  const postgres = manager.connection.options.type === 'postgres';
  const now = new Date();
  // The same for every row: prepared once per column.
  const fixed = new Map<ColumnMetadata, unknown>(
    columns.filter((c) => c.isCreateDate || c.isUpdateDate || c.isVersion).map((c) => [c, driver.preparePersistentValue(c.isVersion ? 1 : now, c)]),
  );
  const prepared = (column: ColumnMetadata, row: ObjectLiteral): unknown =>
    fixed.has(column) ? fixed.get(column) : driver.preparePersistentValue(valueOf(column, row), column);
  const valueOf = (column: ColumnMetadata, row: ObjectLiteral): unknown => {
    const value: unknown = row[column.propertyName];
    if (value !== undefined) return value;
    if (column.default === undefined) return null;
    if (typeof column.default === 'function') throw new Error(`insertRows: ${metadata.tableName}.${column.databaseName} has a computed default`);
    return column.default;
  };
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const ids: number[] = [];
  // Array literals escape every string they hold: for tables with long texts (messages) binding each value as it is
  // costs less.
  const arrays = postgres && !columns.some((c) => driver.normalizeType(c) === 'text');
  const chunkSize = arrays ? POSTGRES_CHUNK : SQLITE_CHUNK;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    let sql: string;
    let params: unknown[];
    if (arrays) {
      // A value the same for every row (timestamps, version) is one parameter, not an array of copies.
      params = columns.map((column) => (fixed.has(column) ? fixed.get(column) : chunk.map((row): unknown => prepared(column, row))));
      const varying = columns.filter((column) => !fixed.has(column));
      const arrays = varying.map((column) => `$${columns.indexOf(column) + 1}::${driver.normalizeType(column)}[]`).join(', ');
      const values = columns.map((column, i) => (fixed.has(column) ? `$${i + 1}::${driver.normalizeType(column)}` : `u."${column.databaseName}"`));
      sql =
        `INSERT INTO "${metadata.tableName}" (${names}) SELECT ${values.join(', ')} ` +
        `FROM unnest(${arrays}) AS u(${varying.map((c) => `"${c.databaseName}"`).join(', ')}) RETURNING "id"`;
    } else {
      params = [];
      const tuples: string[] = [];
      for (const row of chunk) {
        for (const column of columns) params.push(prepared(column, row));
        const first = params.length - columns.length;
        tuples.push(`(${columns.map((_, i) => (postgres ? `$${first + i + 1}` : '?')).join(', ')})`);
      }
      sql = `INSERT INTO "${metadata.tableName}" (${names}) VALUES ${tuples.join(', ')} RETURNING "id"`;
    }
    const returned: { id: number | string }[] = await manager.query(sql, params);
    // RETURNING's row order is not promised; the ids themselves are handed out in the order of the rows.
    ids.push(...returned.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}
