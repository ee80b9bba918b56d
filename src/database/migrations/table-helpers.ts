import { type QueryRunner, type TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

/** Columns every table has (see BaseEntity), typed for the database the migration runs on. */
export function baseColumns(queryRunner: QueryRunner): TableColumnOptions[] {
  const types = queryRunner.connection.driver.mappedDataTypes;
  return [
    { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
    { name: 'createdAt', type: String(types.createDate), default: types.createDateDefault },
    { name: 'updatedAt', type: String(types.updateDate), default: types.updateDateDefault },
  ];
}

export function planForeignKey(): TableForeignKey {
  return new TableForeignKey({
    columnNames: ['planId'],
    referencedTableName: 'plans',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });
}

export function index(columnNames: string[], isUnique = false): TableIndex {
  return new TableIndex({ columnNames, isUnique });
}

/** The column type of an instant (a JS Date column without an explicit type) on this database. */
export function instantType(queryRunner: QueryRunner): string {
  return String(queryRunner.connection.driver.normalizeType({ type: Date }));
}

/** The optimistic-lock version every table has since the accounts migration. */
export function versionColumn(): TableColumnOptions {
  return { name: 'version', type: 'integer', default: 1 };
}

/** A boolean column's default written the way this database stores it (0/1 on SQLite, false/true on PostgreSQL). */
export function booleanDefault(queryRunner: QueryRunner, value: boolean): string {
  return String(queryRunner.connection.driver.normalizeDefault({ default: value } as never));
}

/** Does this PostgreSQL server compress with lz4 (Debian's does)? Always false on SQLite. */
export async function hasLz4(queryRunner: QueryRunner): Promise<boolean> {
  if (queryRunner.connection.options.type !== 'postgres') return false;
  const rows = (await queryRunner.query(`SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`)) as unknown[];
  return rows.length > 0;
}
