import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** Occurrences of recurring milestones: progress, status events and extensions name the occurrence they are about. */
export class Occurrences1732800000000 implements MigrationInterface {
  name = 'Occurrences1732800000000';

  private readonly tables = ['progress_reports', 'status_events', 'extension_requests'];

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of this.tables) {
      await queryRunner.addColumn(table, new TableColumn({ name: 'occurrence', type: 'date', isNullable: true }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...this.tables].reverse()) await queryRunner.dropColumn(table, 'occurrence');
  }
}
