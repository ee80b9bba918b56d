import type { MigrationInterface, QueryRunner } from 'typeorm';
import { hasLz4 } from './table-helpers.js';

const BODIES = ['text', 'html', 'markdown'];

/**
 * On PostgreSQL, messages' bodies are compressed with lz4 instead of pglz when the server has it (Debian's does): a
 * week's digests are a hundred megabytes of text, and lz4 writes them in about half the time for a few per cent
 * more disk. SQLite has nothing to change; a server without lz4 keeps pglz.
 */
export class OutboxLz41733800000000 implements MigrationInterface {
  name = 'OutboxLz41733800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!(await hasLz4(queryRunner))) return;
    for (const column of BODIES) await queryRunner.query(`ALTER TABLE outbox_messages ALTER COLUMN "${column}" SET COMPRESSION lz4`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!(await hasLz4(queryRunner))) return;
    for (const column of BODIES) await queryRunner.query(`ALTER TABLE outbox_messages ALTER COLUMN "${column}" SET COMPRESSION DEFAULT`);
  }
}
