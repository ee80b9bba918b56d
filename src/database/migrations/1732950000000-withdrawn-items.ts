import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** Items the office withdraws (撤销) instead of deleting: the day and the reason, the item and its history kept. */
export class WithdrawnItems1732950000000 implements MigrationInterface {
  name = 'WithdrawnItems1732950000000';

  private readonly tables = ['tasks', 'projects', 'indicators'];

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of this.tables) {
      await queryRunner.addColumn(table, new TableColumn({ name: 'withdrawnOn', type: 'date', isNullable: true }));
      await queryRunner.addColumn(table, new TableColumn({ name: 'withdrawnReason', type: 'text', isNullable: true }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...this.tables].reverse()) {
      await queryRunner.dropColumn(table, 'withdrawnReason');
      await queryRunner.dropColumn(table, 'withdrawnOn');
    }
  }
}
