/**
 * The floor the reports benchmark measures Qingdan against: a plain Node http server answering the overdue
 * report of a plan straight from the same database (SQLite file: better-sqlite3 prepared statements, rows shaped the
 * same fast way; PostgreSQL: a pg pool), with the same SQL and report-building functions, and nothing else: no
 * framework, no auth, no validation, no logging.
 *   GET /plans/:planId/overdue?asOf=YYYY-MM-DD
 */
import { createServer, type Server } from 'node:http';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pgTypes } from '../src/database/data-source.js';
import { type RowsOf, shapedRows } from '../src/database/raw-reader.js';
import { buildOverdueReport } from '../src/reports/overdue-report.js';
import { planView } from '../src/reports/plan-view.js';
import { loadFacts, PLAN_SQL, REPORT_PARTS, type RunSql } from '../src/reports/report-sql.js';

/** The floor on the SQLite file (`sqlite:<path>`) or the PostgreSQL database (`postgres://…`) Qingdan serves from. */
export function startFloor(databaseUrl: string, port: number, dueSoonDays: number): Promise<Server> {
  const run = databaseUrl.startsWith('postgres') ? postgresRun(databaseUrl) : sqliteRun(databaseUrl.replace(/^sqlite:/, ''));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://floor');
    const match = /^\/plans\/(\d+)\/overdue$/.exec(url.pathname);
    const asOf = url.searchParams.get('asOf');
    if (!match || !asOf) {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      const [row] = await run<{ id: number; name: string; region: string; periodStart: string; periodEnd: string }>(`${PLAN_SQL} WHERE id = ?`, [
        Number(match[1]),
      ]);
      if (!row) {
        res.writeHead(404).end();
        return;
      }
      const { id, name, region, periodStart, periodEnd } = row;
      const facts = await loadFacts(run, id, asOf, REPORT_PARTS.overdue);
      const report = buildOverdueReport({ id, name, region, periodStart, periodEnd }, planView(facts, { periodStart, periodEnd }, dueSoonDays), facts, {});
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(report));
    })();
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** better-sqlite3 prepared statements, rows shaped as Qingdan shapes them. */
function sqliteRun(path: string): RunSql {
  const db = new Database(path, { readonly: true });
  const statements = new Map<string, RowsOf>();
  return <T>(sql: string, params: readonly (string | number | null)[]) => {
    let rows = statements.get(sql);
    if (!rows) statements.set(sql, (rows = shapedRows(db.prepare(sql))));
    return rows(params) as T[];
  };
}

/** A pg pool of Qingdan's size, named statements with $n placeholders and Qingdan's type parsers (dates as text), as Qingdan reads. */
function postgresRun(url: string): RunSql {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: pgTypes });
  const statements = new Map<string, { name: string; text: string }>();
  return async <T>(sql: string, params: readonly (string | number | null)[]) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      let n = 0;
      statements.set(sql, (statement = { name: `floor_${statements.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) }));
    }
    return (await pool.query({ ...statement, values: [...params] })).rows as T[];
  };
}
