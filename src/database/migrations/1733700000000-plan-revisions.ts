import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { planForeignKey } from './table-helpers.js';

/** A counter per plan, moved on by each committed change to what its reports read (database/plan-revisions.ts). */
export class PlanRevisions1733700000000 implements MigrationInterface {
  name = 'PlanRevisions1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'plan_revisions',
        columns: [
          { name: 'planId', type: 'integer', isPrimary: true },
          { name: 'revision', type: 'integer' },
        ],
        foreignKeys: [planForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('plan_revisions');
  }
}
