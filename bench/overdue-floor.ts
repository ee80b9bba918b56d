/**
 * The floor the reports benchmark measures Qingdan against: a plain Node http server answering the overdue
 * report of a plan straight from the same SQLite file, with better-sqlite3 prepared statements (rows shaped the
 * same fast way) and the same SQL and report-building functions, and nothing else: no framework, no auth, no
 * validation, no logging.
 *   GET /plans/:planId/overdue?asOf=YYYY-MM-DD
 */
import { createServer, type Server } from 'node:http';
import Database from 'better-sqlite3';
import { type RowsOf, shapedRows } from '../src/database/raw-reader.js';
import { buildOverdueReport } from '../src/reports/overdue-report.js';
import { planView } from '../src/reports/plan-view.js';
import { loadFacts, PLAN_SQL, REPORT_PARTS, type RunSql } from '../src/reports/report-sql.js';

export function startFloor(path: string, port: number, dueSoonDays: number): Promise<Server> {
  const db = new Database(path, { readonly: true });
  const statements = new Map<string, RowsOf>();
  const run: RunSql = <T>(sql: string, params: readonly (string | number | null)[]) => {
    let rows = statements.get(sql);
    if (!rows) statements.set(sql, (rows = shapedRows(db.prepare(sql))));
    return rows(params) as T[];
  };
  const planOf = db.prepare(`${PLAN_SQL} WHERE id = ?`);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://floor');
    const match = /^\/plans\/(\d+)\/overdue$/.exec(url.pathname);
    const row = match
      ? (planOf.get(Number(match[1])) as { id: number; name: string; region: string; periodStart: string; periodEnd: string } | undefined)
      : undefined;
    const asOf = url.searchParams.get('asOf');
    if (!row || !asOf) {
      res.writeHead(404).end();
      return;
    }
    const { id, name, region, periodStart, periodEnd } = row;
    void loadFacts(run, id, asOf, REPORT_PARTS.overdue).then((facts) => {
      const report = buildOverdueReport({ id, name, region, periodStart, periodEnd }, planView(facts, { periodStart, periodEnd }, dueSoonDays), facts, {});
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(report));
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
