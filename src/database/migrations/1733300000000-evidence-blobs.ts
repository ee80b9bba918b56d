import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { baseColumns, index, planForeignKey, versionColumn } from './table-helpers.js';

/** PostgreSQL only: evidence files' bytes in the database (EVIDENCE_STORE=database), for several instances. */
export class EvidenceBlobs1733300000000 implements MigrationInterface {
  name = 'EvidenceBlobs1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.createTable(
      new Table({
        name: 'evidence_blobs',
        columns: [
          ...baseColumns(queryRunner),
          versionColumn(),
          { name: 'planId', type: 'integer' },
          { name: 'storageKey', type: 'varchar', length: '200' },
          { name: 'bytes', type: 'bytea' },
        ],
        indices: [index(['storageKey'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.dropTable('evidence_blobs');
  }
}
