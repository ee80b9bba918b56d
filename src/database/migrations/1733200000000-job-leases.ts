import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { baseColumns, index, instantType, versionColumn } from './table-helpers.js';

/** Leases on scheduled work (reminder sweeps, the digest run), shared by every instance on the database. */
export class JobLeases1733200000000 implements MigrationInterface {
  name = 'JobLeases1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'job_leases',
        columns: [
          ...baseColumns(queryRunner),
          versionColumn(),
          { name: 'job', type: 'varchar', length: '32' },
          { name: 'leaseKey', type: 'varchar', length: '64' },
          { name: 'holder', type: 'varchar', length: '128' },
          { name: 'expiresAt', type: instantType(queryRunner) },
        ],
        indices: [index(['job', 'leaseKey'], true)],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_leases');
  }
}
