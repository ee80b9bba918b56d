import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * One pending extension request per milestone as a database constraint (a partial unique index), so it holds with
 * several instances and concurrent transactions on PostgreSQL, not only through SQLite's single writer.
 */
export class OnePendingExtension1733100000000 implements MigrationInterface {
  name = 'OnePendingExtension1733100000000';

  private readonly index = new TableIndex({ columnNames: ['milestoneId'], isUnique: true, where: `"status" = 'pending'` });

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('extension_requests', this.index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('extension_requests');
    const index = table!.indices.find((i) => i.isUnique && i.columnNames.join() === 'milestoneId');
    await queryRunner.dropIndex('extension_requests', index!);
  }
}
