import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { baseColumns, index, instantType, versionColumn } from './table-helpers.js';

/** The login limiter's attempts, in the database so that every instance counts them (they were in memory). */
export class LoginAttempts1733400000000 implements MigrationInterface {
  name = 'LoginAttempts1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'login_attempts',
        columns: [
          ...baseColumns(queryRunner),
          versionColumn(),
          { name: 'attemptKey', type: 'varchar', length: '320' },
          { name: 'state', type: 'varchar', length: '8' },
          { name: 'at', type: instantType(queryRunner) },
        ],
        indices: [index(['attemptKey', 'at'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_attempts');
  }
}
