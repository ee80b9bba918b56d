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
