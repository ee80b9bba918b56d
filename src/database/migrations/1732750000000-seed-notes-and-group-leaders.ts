import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** A plan's notes on how its seed was read, and the leader (组长) of a leadership or working group. */
export class SeedNotesAndGroupLeaders1732750000000 implements MigrationInterface {
  name = 'SeedNotesAndGroupLeaders1732750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('plans', new TableColumn({ name: 'notes', type: 'text', isNullable: true }));
    await queryRunner.addColumn('unit_groups', new TableColumn({ name: 'leader', type: 'varchar', length: '100', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('unit_groups', 'leader');
    await queryRunner.dropColumn('plans', 'notes');
  }
}
