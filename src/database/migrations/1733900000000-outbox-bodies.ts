import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { baseColumns, hasLz4, index, versionColumn } from './table-helpers.js';

/**
 * Bodies shared by many messages (a plan's weekly digest is the same for each of its leaders after the greeting):
 * kept once in outbox_bodies, and messages point at theirs. Lz4 on PostgreSQL as for the messages (1733800000000).
 */
export class OutboxBodies1733900000000 implements MigrationInterface {
  name = 'OutboxBodies1733900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outbox_bodies',
        columns: [
          ...baseColumns(queryRunner),
          versionColumn(),
          { name: 'hash', type: 'varchar', length: '64' },
          { name: 'text', type: 'text' },
          { name: 'html', type: 'text', isNullable: true },
          { name: 'markdown', type: 'text', isNullable: true },
        ],
        indices: [index(['hash'], true)],
      }),
    );
    // A plain ADD COLUMN: SQLite adds it in place instead of copying the whole outbox.
    await queryRunner.query(`ALTER TABLE outbox_messages ADD COLUMN "bodyId" integer`);
    if (await hasLz4(queryRunner)) {
      for (const column of ['text', 'html', 'markdown']) await queryRunner.query(`ALTER TABLE outbox_bodies ALTER COLUMN "${column}" SET COMPRESSION lz4`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Messages that point at a body get it back in their own columns before the bodies go.
    const part = (column: string) => `(SELECT b."${column}" FROM outbox_bodies b WHERE b.id = outbox_messages."bodyId")`;
    const joined = (column: string) =>
      `CASE WHEN "${column}" IS NULL AND ${part(column)} IS NULL THEN NULL ELSE COALESCE("${column}", '') || COALESCE(${part(column)}, '') END`;
    await queryRunner.query(
      `UPDATE outbox_messages SET text = text || ${part('text')}, html = ${joined('html')}, markdown = ${joined('markdown')} WHERE "bodyId" IS NOT NULL`,
    );
    await queryRunner.dropColumn('outbox_messages', 'bodyId');
    await queryRunner.dropTable('outbox_bodies');
  }
}
