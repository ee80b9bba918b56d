import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey, type TableColumnOptions } from 'typeorm';
import { baseColumns, booleanDefault, index, instantType, planForeignKey, versionColumn } from './table-helpers.js';

const EXISTING_TABLES = ['plans', 'plan_stages', 'units', 'unit_groups', 'tasks', 'projects', 'indicators', 'milestones', 'assignments'];

const UNIT_CONTACTS = ['liaisonName', 'liaisonPhone', 'liaisonEmail', 'headName', 'headPhone', 'headEmail'];

const NEW_TABLES = [
  'audit_entries',
  'indicator_values',
  'extension_requests',
  'supervision_notices',
  'status_events',
  'evidence_files',
  'progress_reports',
  'access_tokens',
  'users',
];

/**
 * Accounts and tokens; progress reports with evidence, review and close-out history; supervision notices;
 * extensions; indicator values; the audit log; a version on every row for optimistic locking.
 */
export class AccountsAndWorkflow1732400000000 implements MigrationInterface {
  name = 'AccountsAndWorkflow1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const base = (): TableColumnOptions[] => [...baseColumns(queryRunner), versionColumn()];
    const instant = instantType(queryRunner);
    const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
    const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
    const date = (name: string, isNullable = true): TableColumnOptions => ({ name, type: 'date', isNullable });
    const text = (name: string, isNullable = true): TableColumnOptions => ({ name, type: 'text', isNullable });
    const at = (name: string, isNullable = true): TableColumnOptions => ({ name, type: instant, isNullable });
    const quantity = (name: string): TableColumnOptions => ({ name, type: 'numeric', precision: 18, scale: 6, isNullable: true });
    const item = (): TableColumnOptions[] => [int('planId'), str('itemType', 16), int('itemId')];

    for (const table of EXISTING_TABLES) await queryRunner.addColumn(table, new TableColumn(versionColumn()));
    await queryRunner.addColumn('plans', new TableColumn({ name: 'published', type: 'boolean', default: booleanDefault(queryRunner, false) }));
    for (const name of UNIT_CONTACTS) {
      await queryRunner.addColumn('units', new TableColumn(str(name, name.endsWith('Email') ? 200 : 50, true)));
    }
    await queryRunner.addColumn('milestones', new TableColumn(date('baselineDate')));

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          ...base(),
          str('username', 64),
          { ...str('displayName', 100), default: "''" },
          str('passwordHash', 100),
          str('role', 16),
          int('planId', true),
          int('unitId', true),
          str('email', 200, true),
          { name: 'active', type: 'boolean', default: booleanDefault(queryRunner, true) },
        ],
        indices: [index(['username'], true)],
        foreignKeys: [
          planForeignKey(),
          new TableForeignKey({ columnNames: ['unitId'], referencedTableName: 'units', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'access_tokens',
        columns: [
          ...base(),
          int('userId'),
          str('kind', 16),
          { ...str('name', 100), default: "''" },
          str('tokenHash', 64),
          str('prefix', 16),
          at('expiresAt'),
          at('revokedAt'),
        ],
        indices: [index(['tokenHash'], true)],
        foreignKeys: [new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'progress_reports',
        columns: [
          ...base(),
          ...item(),
          int('milestoneId', true),
          int('unitId'),
          str('role', 16),
          int('authorId'),
          str('state', 16),
          int('percent', true),
          quantity('quantityDone'),
          quantity('quantityTotal'),
          { ...text('narrative', false), default: "''" },
          date('periodStart'),
          date('periodEnd'),
          { ...str('status', 16), default: "'draft'" },
          at('submittedAt'),
          date('submittedDate'),
          int('reviewerId', true),
          text('reviewComment'),
          at('reviewedAt'),
          date('reviewedDate'),
        ],
        indices: [index(['planId', 'itemType', 'itemId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evidence_files',
        columns: [
          ...base(),
          int('reportId'),
          int('planId'),
          str('fileName', 255),
          str('mimeType', 100),
          int('size'),
          str('sha256', 64),
          str('storageKey', 200),
          int('uploadedById'),
        ],
        indices: [index(['reportId'])],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['reportId'], referencedTableName: 'progress_reports', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'status_events',
        columns: [
          ...base(),
          ...item(),
          int('milestoneId', true),
          str('kind', 16),
          date('date', false),
          at('at', false),
          int('actorId', true),
          int('reportId', true),
          date('fromDate'),
          date('toDate'),
          text('reason'),
        ],
        indices: [index(['planId', 'itemType', 'itemId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'supervision_notices',
        columns: [
          ...base(),
          ...item(),
          int('unitId'),
          text('content', false),
          date('answerBy'),
          int('issuedById'),
          date('issuedDate', false),
          { ...str('status', 16), default: "'open'" },
          text('answer'),
          int('answeredById', true),
          date('answeredDate'),
        ],
        indices: [index(['planId', 'itemType', 'itemId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'extension_requests',
        columns: [
          ...base(),
          int('planId'),
          int('milestoneId'),
          str('itemType', 16),
          int('itemId'),
          int('unitId'),
          int('requestedById'),
          date('currentDueDate'),
          date('requestedDueDate', false),
          text('reason', false),
          { ...str('status', 16), default: "'pending'" },
          int('decidedById', true),
          text('decisionComment'),
          date('decidedDate'),
        ],
        indices: [index(['planId', 'milestoneId'])],
        foreignKeys: [planForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_values',
        columns: [
          ...base(),
          int('planId'),
          int('indicatorId'),
          str('period', 16),
          quantity('value'),
          str('text', 200, true),
          text('note'),
          int('unitId', true),
          int('recordedById'),
          str('judgement', 16, true),
          int('judgedById', true),
        ],
        indices: [index(['indicatorId', 'period'], true)],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['indicatorId'], referencedTableName: 'indicators', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          ...base(),
          at('at', false),
          int('actorId', true),
          str('actorName', 64),
          str('action', 32),
          str('entityType', 64),
          int('entityId', true),
          int('planId', true),
          text('before'),
          text('after'),
        ],
        indices: [index(['planId', 'at']), index(['entityType', 'entityId'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of NEW_TABLES) await queryRunner.dropTable(table);
    await queryRunner.dropColumn('milestones', 'baselineDate');
    for (const name of UNIT_CONTACTS) await queryRunner.dropColumn('units', name);
    await queryRunner.dropColumn('plans', 'published');
    for (const table of EXISTING_TABLES) await queryRunner.dropColumn(table, 'version');
  }
}
