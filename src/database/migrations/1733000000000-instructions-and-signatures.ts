import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { baseColumns, index, planForeignKey, versionColumn } from './table-helpers.js';

/** Leaders' instructions on items (批示) and units signing for their items (签收). */
export class InstructionsAndSignatures1733000000000 implements MigrationInterface {
  name = 'InstructionsAndSignatures1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const base = (): TableColumnOptions[] => [...baseColumns(queryRunner), versionColumn()];
    const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
    const str = (name: string, length: number): TableColumnOptions => ({ name, type: 'varchar', length: String(length) });
    const date = (name: string): TableColumnOptions => ({ name, type: 'date' });
    await queryRunner.createTable(
      new Table({
        name: 'instructions',
        columns: [
          ...base(),
          int('planId'),
          str('itemType', 16),
          int('itemId'),
          int('authorId'),
          str('authorName', 100),
          str('authorRole', 16),
          date('issuedDate'),
          { name: 'content', type: 'text' },
        ],
        indices: [index(['planId', 'itemType', 'itemId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'item_signatures',
        columns: [...base(), int('planId'), str('itemType', 16), int('itemId'), int('unitId'), int('signedById'), date('signedDate')],
        indices: [index(['itemType', 'itemId', 'unitId'], true), index(['planId', 'unitId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('item_signatures');
    await queryRunner.dropTable('instructions');
  }
}
