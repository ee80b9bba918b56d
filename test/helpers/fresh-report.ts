import { RawReader } from '../../src/database/raw-reader.js';
import { buildOverdueReport, type OverdueFilter } from '../../src/reports/overdue-report.js';
import { planView } from '../../src/reports/plan-view.js';
import { buildProgressReport } from '../../src/reports/progress-report.js';
import { loadFacts, PLAN_SQL, REPORT_PARTS, type RunSql } from '../../src/reports/report-sql.js';
import type { TestApp } from './test-app.js';

/**
 * A plan's progress or overdue report as JSON, worked out from the database now, as the benchmark's floor does: the
 * reports walked for the standing, no cache. What the service answers must be these bytes.
 */
export async function freshReport(t: TestApp, kind: 'progress' | 'overdue', planId: number, asOf: string, filter: OverdueFilter = {}): Promise<string> {
  const reader = t.app.get(RawReader);
  const run: RunSql = (sql, params) => reader.all(sql, params);
  const [row] = await reader.all<{ id: number; name: string; region: string; periodStart: string; periodEnd: string }>(`${PLAN_SQL} WHERE id = ?`, [planId]);
  const plan = { id: row.id, name: row.name, region: row.region, periodStart: row.periodStart, periodEnd: row.periodEnd };
  const facts = await loadFacts(run, planId, asOf, REPORT_PARTS[kind]);
  const view = planView(facts, plan, t.config.dueSoonDays);
  return JSON.stringify(kind === 'progress' ? buildProgressReport(plan, view, facts) : buildOverdueReport(plan, view, facts, filter));
}
