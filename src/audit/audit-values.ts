/**
 * Pure rules of the audit log: which values of a row are kept, what counts as a change, and how the rows a
 * bulk UPDATE or DELETE is about to touch are selected beforehand. No database access here.
 */

/** Columns never written to the audit log, whatever the table. */
export const SECRET_COLUMNS: ReadonlySet<string> = new Set(['passwordHash', 'tokenHash', 'storageKey']);

/** Columns that change with every save; a save that changes only these is not a change worth an entry. */
const BOOKKEEPING_COLUMNS: ReadonlySet<string> = new Set(['updatedAt', 'version']);

export type AuditValues = Record<string, unknown>;

/**
 * A row as a plain object for the log: secrets left out, columns not loaded (undefined) left out, instants
 * as ISO strings, everything else (text, numbers, calendar dates, JSON lists) as it is.
 */
export function auditValues(row: Record<string, unknown>): AuditValues {
  const values: AuditValues = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined || SECRET_COLUMNS.has(key)) continue;
    values[key] = plain(value);
  }
  return values;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** The columns whose values differ between two audit value sets, bookkeeping columns (updatedAt, version) aside. */
export function changedColumns(before: AuditValues, after: AuditValues): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !BOOKKEEPING_COLUMNS.has(key) && key in after && !same(before[key], after[key]));
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface SelectQuery {
  sql: string;
  parameters: unknown[];
}

/**
 * The SELECT that finds the rows an UPDATE or DELETE statement (as TypeORM writes it) is about to change, with
 * the statement's own WHERE clause and parameters; null when the statement is not of that shape.
 * Placeholders are `?` (SQLite) or `$n` (PostgreSQL); the SET clause holds only placeholders and expressions.
 */
export function selectAffectedRows(statement: string, parameters: readonly unknown[]): SelectQuery | null {
  const sql = statement.trim().replace(/\s+RETURNING\s+[\s\S]*$/i, '');
  const del = /^DELETE\s+FROM\s+(\S+)(?:\s+WHERE\s+([\s\S]+))?$/i.exec(sql);
  if (del) return { sql: `SELECT * FROM ${del[1]}${del[2] ? ` WHERE ${del[2]}` : ''}`, parameters: [...parameters] };
  const upd = /^UPDATE\s+(\S+)\s+SET\s+([\s\S]+?)(?:\s+WHERE\s+([\s\S]+))?$/i.exec(sql);
  if (!upd) return null;
  const [, table, set, where] = upd;
  if (!where) return { sql: `SELECT * FROM ${table}`, parameters: [] };
  if (/\$\d+/.test(where)) {
    // Numbered placeholders: keep those the WHERE clause uses, renumbered from $1.
    const used: unknown[] = [];
    const numbers = new Map<number, number>();
    const renumbered = where.replace(/\$(\d+)/g, (_, n: string) => {
      const index = Number(n);
      if (!numbers.has(index)) {
        used.push(parameters[index - 1]);
        numbers.set(index, used.length);
      }
      return `$${numbers.get(index)}`;
    });
    return { sql: `SELECT * FROM ${table} WHERE ${renumbered}`, parameters: used };
  }
  const setPlaceholders = (set.match(/\?/g) ?? []).length;
  return { sql: `SELECT * FROM ${table} WHERE ${where}`, parameters: parameters.slice(setPlaceholders) };
}

/** The unquoted table name of a statement's table ("tasks" from `"tasks"`, `"public"."tasks"` or `tasks`). */
export function statementTable(statement: string): string | null {
  const match = /^\s*(?:DELETE\s+FROM|UPDATE)\s+(\S+)/i.exec(statement);
  if (!match) return null;
  const last = match[1].split('.').pop()!;
  return last.replace(/^["`[]|["`\]]$/g, '');
}
