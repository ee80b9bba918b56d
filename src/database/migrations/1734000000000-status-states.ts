import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { rebuildStates } from '../../status/status-state-store.js';
import { executeOn } from '../raw-sql.js';
import { index, planForeignKey } from './table-helpers.js';

/**
 * Where each milestone's events leave it, kept as events are recorded (status/status-state-store.ts), and per plan the
 * date those hold from. Filled from the events already there. Reports that read them still walk the events of
 * recurring milestones: an index finds a plan's few recurring milestones.
 */
export class StatusStates1734000000000 implements MigrationInterface {
  name = 'StatusStates1734000000000';

  private readonly recurring = new TableIndex({ columnNames: ['planId'], where: `"recurrence" IS NOT NULL` });

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('milestones', this.recurring);
    await queryRunner.createTable(
      new Table({
        name: 'status_states',
        columns: [
          { name: 'itemType', type: 'varchar', length: '16', isPrimary: true },
          { name: 'itemId', type: 'integer', isPrimary: true },
          { name: 'milestoneKey', type: 'integer', isPrimary: true },
          { name: 'planId', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'beforeSuspension', type: 'varchar', length: '16' },
          { name: 'dueDate', type: 'date', isNullable: true },
          { name: 'closedOn', type: 'date', isNullable: true },
          { name: 'suspendedReason', type: 'text', isNullable: true },
          { name: 'waivedReason', type: 'text', isNullable: true },
        ],
        indices: [index(['planId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'status_marks',
        columns: [
          { name: 'planId', type: 'integer', isPrimary: true },
          { name: 'throughDate', type: 'date' },
        ],
        foreignKeys: [planForeignKey()],
      }),
    );
    await rebuildStates(executeOn(queryRunner));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['status_marks', 'status_states']) await queryRunner.dropTable(table);
    const milestones = await queryRunner.getTable('milestones');
    await queryRunner.dropIndex(
      'milestones',
      milestones!.indices.find((i) => i.where && i.columnNames.join() === 'planId')!,
    );
  }
}
