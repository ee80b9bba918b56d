import { randomBytes } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * API tokens are listed and revoked by a random public id instead of their sequential row id, so an id seen
 * once is no handle on anyone else's token. Existing tokens get one each.
 */
export class TokenPublicIds1732900000000 implements MigrationInterface {
  name = 'TokenPublicIds1732900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('access_tokens', new TableColumn({ name: 'publicId', type: 'varchar', length: '32', isNullable: true }));
    const param = (n: number) => (queryRunner.connection.options.type === 'postgres' ? `$${n}` : '?');
    const rows = (await queryRunner.query('SELECT "id" FROM "access_tokens"')) as { id: number }[];
    for (const { id } of rows) {
      await queryRunner.query(`UPDATE "access_tokens" SET "publicId" = ${param(1)} WHERE "id" = ${param(2)}`, [randomBytes(16).toString('base64url'), id]);
    }
    await queryRunner.changeColumn('access_tokens', 'publicId', new TableColumn({ name: 'publicId', type: 'varchar', length: '32', isNullable: false }));
    await queryRunner.createIndex('access_tokens', new TableIndex({ columnNames: ['publicId'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('access_tokens');
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'publicId');
    if (index) await queryRunner.dropIndex('access_tokens', index);
    await queryRunner.dropColumn('access_tokens', 'publicId');
  }
}
