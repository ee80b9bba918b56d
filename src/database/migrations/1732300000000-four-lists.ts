import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';
import { baseColumns, index, planForeignKey } from './table-helpers.js';

/** Plans, units and the four lists (goals, tasks, projects, responsibilities) with milestones. */
export class FourLists1732300000000 implements MigrationInterface {
  name = 'FourLists1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const base = () => baseColumns(queryRunner);
    const planId = { name: 'planId', type: 'integer' };
    const seq = { name: 'seq', type: 'integer' };

    await queryRunner.createTable(
      new Table({
        name: 'plans',
        columns: [
          ...base(),
          { name: 'key', type: 'varchar', length: '64', isNullable: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'region', type: 'varchar', length: '100' },
          { name: 'periodStart', type: 'date' },
          { name: 'periodEnd', type: 'date' },
          { name: 'baseYear', type: 'integer', isNullable: true },
          { name: 'timeZone', type: 'varchar', length: '64', default: "'Asia/Shanghai'" },
          { name: 'source', type: 'text', isNullable: true },
        ],
        indices: [index(['key'], true)],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'plan_stages',
        columns: [
          ...base(),
          planId,
          seq,
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'content', type: 'text', default: "''" },
          { name: 'deadlineText', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [index(['planId', 'seq'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'units',
        columns: [
          ...base(),
          planId,
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'aliases', type: 'text' },
          { name: 'kind', type: 'varchar', length: '16', default: "'agency'" },
        ],
        indices: [index(['planId', 'name'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'unit_groups',
        columns: [
          ...base(),
          planId,
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'duties', type: 'text', default: "''" },
          { name: 'leadUnitIds', type: 'text' },
          { name: 'memberUnitIds', type: 'text' },
        ],
        indices: [index(['planId', 'name'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'tasks',
        columns: [
          ...base(),
          planId,
          seq,
          { name: 'chapter', type: 'varchar', length: '300', default: "''" },
          { name: 'taskGroup', type: 'varchar', length: '300', default: "''" },
          { name: 'content', type: 'text' },
          { name: 'deadlineText', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [index(['planId', 'seq'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'projects',
        columns: [
          ...base(),
          planId,
          seq,
          { name: 'category', type: 'varchar', length: '200', default: "''" },
          { name: 'name', type: 'varchar', length: '300' },
          { name: 'content', type: 'text', default: "''" },
          { name: 'investment', type: 'numeric', precision: 14, scale: 2, isNullable: true },
          { name: 'fundingSource', type: 'varchar', length: '200', default: "''" },
          { name: 'deadlineText', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [index(['planId', 'seq'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'indicators',
        columns: [
          ...base(),
          planId,
          seq,
          { name: 'level1', type: 'varchar', length: '200', default: "''" },
          { name: 'level2', type: 'varchar', length: '200', default: "''" },
          { name: 'name', type: 'varchar', length: '300' },
          { name: 'mark', type: 'varchar', length: '16', isNullable: true },
          { name: 'unit', type: 'varchar', length: '50', default: "''" },
          { name: 'direction', type: 'varchar', length: '16', default: "'qualitative'" },
          { name: 'baselineYear', type: 'integer', isNullable: true },
          { name: 'baselineText', type: 'varchar', length: '200', default: "''" },
          { name: 'baselineValue', type: 'numeric', precision: 18, scale: 6, isNullable: true },
          { name: 'targets', type: 'text' },
          { name: 'definition', type: 'text', default: "''" },
          { name: 'formula', type: 'text', default: "''" },
          { name: 'dataSource', type: 'varchar', length: '300', default: "''" },
          { name: 'note', type: 'text', default: "''" },
        ],
        indices: [index(['planId', 'seq'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'milestones',
        columns: [
          ...base(),
          planId,
          { name: 'itemType', type: 'varchar', length: '16' },
          { name: 'itemId', type: 'integer' },
          seq,
          { name: 'dueDate', type: 'date', isNullable: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'periodStart', type: 'date', isNullable: true },
          { name: 'recurrence', type: 'varchar', length: '16', isNullable: true },
          { name: 'quantity', type: 'varchar', length: '100', isNullable: true },
          { name: 'phrase', type: 'varchar', length: '300' },
          { name: 'certain', type: 'boolean' },
          { name: 'note', type: 'varchar', length: '300', isNullable: true },
        ],
        indices: [index(['itemType', 'itemId', 'seq'], true), index(['planId', 'dueDate'])],
        foreignKeys: [planForeignKey()],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'assignments',
        columns: [
          ...base(),
          planId,
          { name: 'itemType', type: 'varchar', length: '16' },
          { name: 'itemId', type: 'integer' },
          { name: 'unitId', type: 'integer' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'position', type: 'integer', default: 0 },
        ],
        indices: [index(['itemType', 'itemId', 'unitId'], true), index(['planId', 'unitId'])],
        foreignKeys: [
          planForeignKey(),
          new TableForeignKey({
            columnNames: ['unitId'],
            referencedTableName: 'units',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['assignments', 'milestones', 'indicators', 'projects', 'tasks', 'unit_groups', 'units', 'plan_stages', 'plans']) {
      await queryRunner.dropTable(table);
    }
  }
}
