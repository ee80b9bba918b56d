import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, type TableColumnOptions } from 'typeorm';
import { baseColumns, booleanDefault, index, instantType, planForeignKey, versionColumn } from './table-helpers.js';

const NEW_TABLES = ['outbox_entries', 'outbox_messages', 'reminder_sweeps', 'reminder_pauses', 'reminder_settings', 'unit_contacts', 'calendar_days'];

/** Reminders: unit contacts and robots, rules per plan, pauses, the workday calendar's additions, the outbox. */
export class Reminders1732500000000 implements MigrationInterface {
  name = 'Reminders1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const base = (): TableColumnOptions[] => [...baseColumns(queryRunner), versionColumn()];
    const instant = instantType(queryRunner);
    const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
    const intDefault = (name: string, value: number): TableColumnOptions => ({ name, type: 'integer', default: value });
    const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
    const text = (name: string, isNullable = true): TableColumnOptions => ({ name, type: 'text', isNullable });
    const date = (name: string): TableColumnOptions => ({ name, type: 'date' });
    const bool = (name: string, value: boolean): TableColumnOptions => ({ name, type: 'boolean', default: booleanDefault(queryRunner, value) });

    await queryRunner.createTable(
      new Table({
        name: 'calendar_days',
        columns: [...base(), date('date'), str('kind', 16), { ...str('name', 100), default: "''" }],
        indices: [index(['date'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'unit_contacts',
        columns: [...base(), int('planId'), int('unitId'), str('role', 16), str('channel', 16), { ...str('name', 50), default: "''" }, str('address', 500)],
        indices: [index(['unitId', 'role', 'channel', 'address'], true), index(['planId'])],
        foreignKeys: [
          planForeignKey(),
          new TableForeignKey({ columnNames: ['unitId'], referencedTableName: 'units', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder_settings',
        columns: [
          ...base(),
          int('planId'),
          bool('enabled', true),
          text('beforeDays', false),
          bool('onDueDay', true),
          intDefault('overdueWeekday', 1),
          intDefault('escalateAfterDays', 30),
          intDefault('monthlyCallDay', 25),
          intDefault('nudgeAfterDays', 5),
          { ...str('sendTime', 5), default: "'09:00'" },
          intDefault('digestWeekday', 1),
          { ...str('digestTime', 5), default: "'09:00'" },
        ],
        indices: [index(['planId'], true)],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder_pauses',
        columns: [...base(), int('planId'), str('itemType', 16), int('itemId'), str('reason', 300), int('pausedById')],
        indices: [index(['itemType', 'itemId'], true), index(['planId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder_sweeps',
        columns: [...base(), int('planId'), date('sweptThrough')],
        indices: [index(['planId'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          ...base(),
          int('planId', true),
          str('rule', 16),
          str('channel', 16),
          str('recipient', 500),
          { ...str('recipientName', 100), default: "''" },
          int('unitId', true),
          date('sendDate'),
          str('subject', 300),
          text('text', false),
          text('html'),
          text('markdown'),
          intDefault('itemCount', 0),
          { ...str('status', 16), default: "'pending'" },
          intDefault('attempts', 0),
          { name: 'nextAttemptAt', type: instant, isNullable: true },
          text('lastError'),
          { name: 'sentAt', type: instant, isNullable: true },
          str('deliveredTo', 500, true),
        ],
        indices: [index(['status', 'nextAttemptAt']), index(['planId', 'sendDate'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox_entries',
        columns: [
          ...base(),
          int('messageId'),
          str('rule', 16),
          str('itemType', 16),
          int('itemId'),
          intDefault('milestoneId', 0),
          str('recipient', 520),
          date('sendDate'),
        ],
        indices: [index(['recipient', 'sendDate', 'rule', 'itemType', 'itemId', 'milestoneId'], true), index(['messageId'])],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['messageId'], referencedTableName: 'outbox_messages', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of NEW_TABLES) await queryRunner.dropTable(table);
  }
}
