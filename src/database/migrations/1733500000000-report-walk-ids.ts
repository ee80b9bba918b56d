import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { index } from './table-helpers.js';

const WALKS = [
  ['itemType', 'itemId', 'milestoneId', 'submittedDate'],
  ['itemType', 'itemId', 'unitId', 'submittedDate'],
];

/**
 * Reports walk back from asOf to the latest report, ordered by (submittedDate, id). The two walking indexes now end
 * in id, so PostgreSQL stops at the first report that stands instead of reading and sorting every report of the
 * milestone (SQLite's indexes carried the id already, as its rowid).
 */
export class ReportWalkIds1733500000000 implements MigrationInterface {
  name = 'ReportWalkIds1733500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await replace(queryRunner, WALKS, [...WALKS.map((columns) => [...columns, 'id'])]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await replace(
      queryRunner,
      WALKS.map((columns) => [...columns, 'id']),
      WALKS,
    );
  }
}

async function replace(queryRunner: QueryRunner, from: string[][], to: string[][]): Promise<void> {
  const table = await queryRunner.getTable('progress_reports');
  for (const columns of from) {
    const old = table?.indices.find((i) => i.columnNames.join() === columns.join());
    if (old) await queryRunner.dropIndex('progress_reports', old);
  }
  for (const columns of to) await queryRunner.createIndex('progress_reports', index(columns));
}
