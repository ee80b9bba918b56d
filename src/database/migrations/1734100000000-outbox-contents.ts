import type { MigrationInterface, QueryRunner } from 'typeorm';
import { renderContent } from '../../outbox/message-content.js';
import type { OutboxMessage } from '../../outbox/outbox-message.entity.js';
import { executeOn } from '../raw-sql.js';
import { hasLz4 } from './table-helpers.js';

/** Messages read back per query when reverting. */
const CHUNK = 200;

/**
 * A reminder keeps what it says (its content, JSON) rather than its text, HTML and markdown, which are rendered from it
 * when it is sent or shown (outbox/message-content.ts). Lz4 on PostgreSQL as for the other bodies (1733800000000).
 * Reverting renders each such message into its own columns first, so none is left empty.
 */
export class OutboxContents1734100000000 implements MigrationInterface {
  name = 'OutboxContents1734100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A plain ADD COLUMN: SQLite adds it in place instead of copying the whole outbox.
    await queryRunner.query(`ALTER TABLE outbox_messages ADD COLUMN "content" text`);
    if (await hasLz4(queryRunner)) await queryRunner.query(`ALTER TABLE outbox_messages ALTER COLUMN "content" SET COMPRESSION lz4`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const execute = executeOn(queryRunner);
    for (let after = 0; ;) {
      const rows = (await execute(`SELECT id, channel, content FROM outbox_messages WHERE content IS NOT NULL AND id > ? ORDER BY id LIMIT ${CHUNK}`, [
        after,
      ])) as Pick<OutboxMessage, 'id' | 'channel' | 'content'>[];
      if (!rows.length) break;
      for (const row of rows) {
        const { text, html, markdown } = renderContent(row);
        await execute(`UPDATE outbox_messages SET text = ?, html = ?, markdown = ? WHERE id = ?`, [text, html, markdown, row.id]);
      }
      after = rows[rows.length - 1].id;
    }
    await queryRunner.dropColumn('outbox_messages', 'content');
  }
}
