import { auditValues, changedColumns, selectAffectedRows, statementTable } from './audit-values.js';

describe('auditValues: a row as a plain object for the log', () => {
  it('leaves out password hashes, token hashes and storage keys', () => {
    const values = auditValues({ id: 3, username: 'jiangjin-office', passwordHash: '$2b$10$abc', tokenHash: 'f00', storageKey: 'evidence/1.pdf' });
    expect(values).toEqual({ id: 3, username: 'jiangjin-office' });
  });

  it('writes instants as ISO strings and keeps dates, numbers, nulls and lists as they are', () => {
    const values = auditValues({
      revokedAt: new Date('2024-06-30T02:00:00Z'),
      dueDate: '2025-12-31',
      investment: 1200.5,
      note: null,
      aliases: ['江津区生态环境局'],
      active: false,
    });
    expect(values).toEqual({
      revokedAt: '2024-06-30T02:00:00.000Z',
      dueDate: '2025-12-31',
      investment: 1200.5,
      note: null,
      aliases: ['江津区生态环境局'],
      active: false,
    });
  });

  it('leaves out columns that were not loaded', () => {
    expect(auditValues({ id: 1, email: undefined })).toEqual({ id: 1 });
  });
});

describe('changedColumns', () => {
  it('names the columns whose values differ, ignoring updatedAt and version', () => {
    const before = { id: 1, content: '旧', version: 1, updatedAt: '2024-01-01T00:00:00.000Z', aliases: ['a'] };
    const after = { id: 1, content: '新', version: 2, updatedAt: '2024-06-30T00:00:00.000Z', aliases: ['a'] };
    expect(changedColumns(before, after)).toEqual(['content']);
  });

  it('finds nothing when only bookkeeping changed, and treats null and a missing value alike', () => {
    expect(changedColumns({ id: 1, note: null, version: 1 }, { id: 1, version: 2 })).toEqual([]);
  });

  it('compares lists by value', () => {
    expect(changedColumns({ aliases: ['a', 'b'] }, { aliases: ['a', 'b'] })).toEqual([]);
    expect(changedColumns({ aliases: ['a', 'b'] }, { aliases: ['b', 'a'] })).toEqual(['aliases']);
  });
});

describe('selectAffectedRows: the rows an UPDATE or DELETE is about to change', () => {
  it('turns a DELETE into a SELECT with the same WHERE and parameters', () => {
    expect(selectAffectedRows('DELETE FROM "assignments" WHERE ("itemType" = ? AND "itemId" = 11)', ['task'])).toEqual({
      sql: 'SELECT * FROM "assignments" WHERE ("itemType" = ? AND "itemId" = 11)',
      parameters: ['task'],
    });
    expect(selectAffectedRows('DELETE FROM "units"', [])).toEqual({ sql: 'SELECT * FROM "units"', parameters: [] });
  });

  it('drops the SET clause and its ? parameters from an UPDATE', () => {
    const sql =
      'UPDATE "access_tokens" SET "revokedAt" = ?, "version" = "version" + 1, "updatedAt" = CURRENT_TIMESTAMP WHERE "userId" = ? AND "revokedAt" IS NULL';
    expect(selectAffectedRows(sql, ['2024-06-30 02:00:00.000', 7])).toEqual({
      sql: 'SELECT * FROM "access_tokens" WHERE "userId" = ? AND "revokedAt" IS NULL',
      parameters: [7],
    });
  });

  it('renumbers PostgreSQL placeholders and leaves out RETURNING', () => {
    const sql = 'UPDATE "milestones" SET "dueDate" = $1, "note" = $2 WHERE "planId" = $3 AND "kind" = $4 RETURNING "version"';
    expect(selectAffectedRows(sql, ['2025-12-31', '按期末', 2, 'period'])).toEqual({
      sql: 'SELECT * FROM "milestones" WHERE "planId" = $1 AND "kind" = $2',
      parameters: [2, 'period'],
    });
  });

  it('answers null for other statements', () => {
    expect(selectAffectedRows('INSERT INTO "tasks" ("seq") VALUES (?)', [1])).toBeNull();
    expect(selectAffectedRows('SELECT 1', [])).toBeNull();
  });
});

describe('statementTable', () => {
  it('reads the unquoted table of an UPDATE or DELETE', () => {
    expect(statementTable('DELETE FROM "tasks" WHERE "id" = 1')).toBe('tasks');
    expect(statementTable('UPDATE "public"."users" SET "active" = $1')).toBe('users');
    expect(statementTable('SELECT * FROM "tasks"')).toBeNull();
  });
});
