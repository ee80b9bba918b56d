import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { baseColumns, index, planForeignKey, versionColumn } from './table-helpers.js';

/** Reports: investment reported on projects, the per-plan assessment rule, and indexes for reading progress as of a date. */
export class Reports1732600000000 implements MigrationInterface {
  name = 'Reports1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('progress_reports', new TableColumn({ name: 'investmentDone', type: 'numeric', precision: 14, scale: 2, isNullable: true }));
    // Reports walk back from asOf to the latest report per milestone and per holding unit.
    await queryRunner.createIndex('progress_reports', index(['itemType', 'itemId', 'milestoneId', 'submittedDate']));
    await queryRunner.createIndex('progress_reports', index(['itemType', 'itemId', 'unitId', 'submittedDate']));
    const weight = (name: string, value: number) => ({ name, type: 'integer', default: value });
    await queryRunner.createTable(
      new Table({
        name: 'assessment_rules',
        columns: [
          ...baseColumns(queryRunner),
          versionColumn(),
          { name: 'planId', type: 'integer' },
          weight('onTimeWeight', 50),
          weight('reportingWeight', 30),
          weight('noticesWeight', 20),
          weight('silencePenalty', 2),
        ],
        indices: [index(['planId'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('assessment_rules');
    const table = await queryRunner.getTable('progress_reports');
    for (const columns of ['itemType,itemId,milestoneId,submittedDate', 'itemType,itemId,unitId,submittedDate']) {
      const added = table?.indices.find((i) => i.columnNames.join() === columns);
      if (added) await queryRunner.dropIndex('progress_reports', added);
    }
    await queryRunner.dropColumn('progress_reports', 'investmentDone');
  }
}
