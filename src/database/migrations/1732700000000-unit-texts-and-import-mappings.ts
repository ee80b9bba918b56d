import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { baseColumns, index, planForeignKey, versionColumn } from './table-helpers.js';

const ITEM_TABLES = ['tasks', 'projects', 'indicators'];
const TEXT_COLUMNS = ['leadUnitsText', 'supportUnitsText'];

/** The units cells of each item as the document wrote them, and the column mappings remembered per plan and list. */
export class UnitTextsAndImportMappings1732700000000 implements MigrationInterface {
  name = 'UnitTextsAndImportMappings1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ITEM_TABLES) {
      for (const name of TEXT_COLUMNS) await queryRunner.addColumn(table, new TableColumn({ name, type: 'text', isNullable: true }));
    }
    await queryRunner.createTable(
      new Table({
        name: 'import_mappings',
        columns: [
          ...baseColumns(queryRunner),
          versionColumn(),
          { name: 'planId', type: 'integer' },
          { name: 'list', type: 'varchar', length: '16' },
          { name: 'mapping', type: 'text' },
        ],
        indices: [index(['planId', 'list'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_mappings');
    for (const table of ITEM_TABLES) {
      for (const name of TEXT_COLUMNS) await queryRunner.dropColumn(table, name);
    }
  }
}
