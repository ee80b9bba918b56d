import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * A plan's notes on how its seed was read, its standing arrangements (units holding every item of a list), and the
 * leader (组长) of a leadership or working group.
 */
export class SeedNotesAndGroupLeaders1732750000000 implements MigrationInterface {
  name = 'SeedNotesAndGroupLeaders1732750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('plans', new TableColumn({ name: 'notes', type: 'text', isNullable: true }));
    await queryRunner.addColumn('plans', new TableColumn({ name: 'standingAssignments', type: 'text', isNullable: true }));
    await queryRunner.addColumn('unit_groups', new TableColumn({ name: 'leader', type: 'varchar', length: '100', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('unit_groups', 'leader');
    await queryRunner.dropColumn('plans', 'standingAssignments');
    await queryRunner.dropColumn('plans', 'notes');
  }
}
