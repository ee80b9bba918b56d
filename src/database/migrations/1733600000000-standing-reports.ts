import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { rebuildStanding } from '../../standing/standing-store.js';
import { executeOn } from '../raw-sql.js';
import { index, planForeignKey } from './table-helpers.js';

/**
 * What reports need of the progress reports, kept as they change (standing/standing-store.ts): the report that stands
 * per milestone, occurrence and item, each unit's last report date per item, and per plan the date these hold from.
 * Filled from the reports already there.
 */
export class StandingReports1733600000000 implements MigrationInterface {
  name = 'StandingReports1733600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'standing_reports',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'planId', type: 'integer' },
          { name: 'itemType', type: 'varchar', length: '16' },
          { name: 'itemId', type: 'integer' },
          { name: 'milestoneId', type: 'integer', isNullable: true },
          { name: 'occurrence', type: 'date', isNullable: true },
          { name: 'percent', type: 'integer', isNullable: true },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'submittedDate', type: 'date' },
        ],
        indices: [index(['planId']), index(['itemType', 'itemId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'unit_report_dates',
        columns: [
          { name: 'itemType', type: 'varchar', length: '16', isPrimary: true },
          { name: 'itemId', type: 'integer', isPrimary: true },
          { name: 'unitId', type: 'integer', isPrimary: true },
          { name: 'planId', type: 'integer' },
          { name: 'lastDate', type: 'date' },
        ],
        indices: [index(['planId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'standing_marks',
        columns: [
          { name: 'planId', type: 'integer', isPrimary: true },
          { name: 'throughDate', type: 'date' },
        ],
        foreignKeys: [planForeignKey()],
      }),
    );
    await rebuildStanding(executeOn(queryRunner));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['standing_marks', 'unit_report_dates', 'standing_reports']) await queryRunner.dropTable(table);
  }
}
