import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { markHolds } from '../database/kept-marks.js';
import { RawReader } from '../database/raw-reader.js';
import { AssessmentRule } from './assessment-rule.entity.js';
import { type AssessmentWeights, buildAssessment, DEFAULT_ASSESSMENT_RULE } from './assessment.js';
import { buildOverdueReport, type OverdueFilter } from './overdue-report.js';
import { ReportCache } from './report-cache.js';
import type { ReportJson, ReportOf } from './report-output.js';
import { type PlanHeader, type PlanView, planView } from './plan-view.js';
import { buildProgressReport } from './progress-report.js';
import type { FactPart, ReportFacts } from './report-facts.js';
import { loadFacts, PLAN_SQL, REPORT_PARTS } from './report-sql.js';
import type { AssessmentQuery, CrossPlanQuery, OverdueQuery, ReportQuery, UnitsQuery } from './reports.dto.js';
import { buildUnitsReport } from './unit-report.js';

export interface PlanRow extends PlanHeader {
  timeZone: string;
  /** From this date on the plan's kept standing holds (null: it has no reports). */
  standingThrough: string | null;
  /** From this date on the plan's kept states hold (null: it has no events). */
  statesThrough: string | null;
  /** Its revision (database/plan-revisions.ts): what its reports are worked out from. */
  revision: number;
}

/** A plan as reports read it on one date. */
interface Reading {
  plan: PlanHeader;
  facts: ReportFacts;
  view: PlanView;
}

/**
 * The supervision reports: progress, overdue, responsibilities per unit, the yearly assessment. Each reads a
 * plan's rows as of a date through prepared SQL (no entities on this hot path) and hands them to pure builders.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reader: RawReader,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cache: ReportCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async progress(planId: number, query: ReportQuery): Promise<ReportOf | ReportJson> {
    const row = await this.plan(planId);
    if (isJson(query)) return { kind: 'json', json: await this.progressJson(row, query.asOf) };
    const { plan, facts, view } = await this.read(row, query.asOf, REPORT_PARTS.progress);
    return { kind: 'progress', report: buildProgressReport(plan, view, facts) };
  }

  /** A unit user sees the overdue items it holds; the office and leaders see all, or one unit's. */
  async overdue(planId: number, query: OverdueQuery, actor: Actor | null): Promise<ReportOf | ReportJson> {
    const row = await this.plan(planId);
    const filter = { unitId: ownUnit(actor) ?? query.unitId, list: query.list };
    if (isJson(query)) return { kind: 'json', json: await this.overdueJson(row, query.asOf, filter) };
    const { plan, facts, view } = await this.read(row, query.asOf, REPORT_PARTS.overdue);
    return { kind: 'overdue', report: buildOverdueReport(plan, view, facts, filter) };
  }

  /** Each unit's responsibility list; a unit user gets its own. */
  async units(planId: number, query: UnitsQuery, actor: Actor | null): Promise<ReportOf> {
    const { plan, facts, view } = await this.read(await this.plan(planId), query.asOf, REPORT_PARTS.units);
    const unitId = ownUnit(actor) ?? query.unitId;
    if (unitId !== undefined && !facts.units.some((u) => u.id === unitId)) throw new NotFoundError('单位', unitId);
    return { kind: 'units', report: buildUnitsReport(plan, view, facts, unitId) };
  }

  /** The year's assessment as of asOf (at most the year's last day). */
  async assessment(planId: number, query: AssessmentQuery): Promise<ReportOf> {
    const row = await this.plan(planId);
    const today = query.asOf ?? this.clock.today(row.timeZone);
    // By default the year of asOf, or the plan's last year once it has ended.
    const year = query.year ?? Math.min(Number(today.slice(0, 4)), Number(row.periodEnd.slice(0, 4)));
    const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
    const { plan, facts, view } = await this.read(row, asOf, REPORT_PARTS.assessment);
    const units = buildUnitsReport(plan, view, facts);
    return { kind: 'assessment', report: buildAssessment(plan, year, view, facts, units, await this.rule(planId)) };
  }

  async rule(planId: number): Promise<AssessmentWeights> {
    const rule = await this.dataSource.getRepository(AssessmentRule).findOne({ where: { planId } });
    if (!rule) return { ...DEFAULT_ASSESSMENT_RULE };
    return { onTimeWeight: rule.onTimeWeight, reportingWeight: rule.reportingWeight, noticesWeight: rule.noticesWeight, silencePenalty: rule.silencePenalty };
  }

  async updateRule(planId: number, weights: AssessmentWeights): Promise<AssessmentWeights> {
    await this.plan(planId);
    if (weights.onTimeWeight + weights.reportingWeight + weights.noticesWeight === 0) {
      throw new ValidationFailedError([{ field: 'onTimeWeight', value: 0, message: '按期销号、按月填报、督办回复三项权重不能都为0' }]);
    }
    await this.dataSource.transaction(async (manager) => {
      const rule = (await manager.findOne(AssessmentRule, { where: { planId } })) ?? manager.create(AssessmentRule, { planId });
      Object.assign(rule, weights);
      await manager.save(AssessmentRule, rule);
    });
    return this.rule(planId);
  }

  /** The progress of every plan the caller may see (all of them for an account bound to none), optionally of one region. */
  async progressAcrossPlans(query: CrossPlanQuery, actor: Actor): Promise<ReportOf | ReportJson> {
    const plans = await this.visiblePlans(query, actor);
    if (isJson(query)) return { kind: 'json', json: await jsonArray(plans, (row) => this.progressJson(row, query.asOf)) };
    const report = await this.acrossPlans(plans, query, REPORT_PARTS.progress, ({ plan, view, facts }) => buildProgressReport(plan, view, facts));
    return { kind: 'progress-all', report, asOf: this.crossPlanDate(query) };
  }

  async overdueAcrossPlans(query: CrossPlanQuery, actor: Actor): Promise<ReportOf | ReportJson> {
    const plans = await this.visiblePlans(query, actor);
    if (isJson(query)) return { kind: 'json', json: await jsonArray(plans, (row) => this.overdueJson(row, query.asOf, {})) };
    const report = await this.acrossPlans(plans, query, REPORT_PARTS.overdue, ({ plan, view, facts }) => buildOverdueReport(plan, view, facts, {}));
    return { kind: 'overdue-all', report, asOf: this.crossPlanDate(query) };
  }

  /** Every plan, as reports read it. */
  allPlans(): Promise<PlanRow[]> {
    return this.reader.all<PlanRow>(`${PLAN_SQL} ORDER BY id`, []);
  }

  /**
   * A plan's progress and overdue reports of today, as the office and leaders ask for them, kept for their first ask
   * (built now unless kept already); answers their size in bytes.
   */
  async workOutToday(row: PlanRow): Promise<number> {
    const progress = await this.progressJson(row, undefined);
    const overdue = await this.overdueJson(row, undefined, {});
    return progress.length + overdue.length;
  }

  private progressJson(row: PlanRow, asOf: string | undefined): Promise<Buffer> {
    return this.cachedJson(row, 'progress', asOf, '', REPORT_PARTS.progress, ({ plan, view, facts }) => buildProgressReport(plan, view, facts));
  }

  private overdueJson(row: PlanRow, asOf: string | undefined, filter: OverdueFilter): Promise<Buffer> {
    return this.cachedJson(row, 'overdue', asOf, `${filter.unitId ?? ''}|${filter.list ?? ''}`, REPORT_PARTS.overdue, ({ plan, view, facts }) =>
      buildOverdueReport(plan, view, facts, filter),
    );
  }

  /** A report's JSON as worked out at the plan's revision: from the cache, or built (and kept) now. */
  private async cachedJson(row: PlanRow, kind: string, asOf: string | undefined, variant: string, parts: FactPart[], build: (reading: Reading) => unknown) {
    const date = asOf ?? this.clock.today(row.timeZone);
    const key = [kind, row.id, row.revision, date, variant].join('|');
    let json = this.cache.get(key);
    if (!json) {
      json = Buffer.from(JSON.stringify(build(await this.read(row, date, parts))));
      this.cache.set(key, json);
    }
    return json;
  }

  /** One report per plan, each read and built before the next plan is read. */
  private async acrossPlans<T>(plans: PlanRow[], query: CrossPlanQuery, parts: FactPart[], build: (reading: Reading) => T): Promise<T[]> {
    const reports: T[] = [];
    for (const plan of plans) reports.push(build(await this.read(plan, query.asOf, parts)));
    return reports;
  }

  /** The date a cross-plan report names: the one asked, or today where the service is configured. */
  private crossPlanDate(query: CrossPlanQuery): string {
    return query.asOf ?? this.clock.today(this.config.defaultTimeZone);
  }

  private async visiblePlans(query: CrossPlanQuery, actor: Actor): Promise<PlanRow[]> {
    const plans = await this.allPlans();
    return plans.filter((p) => (actor.planId === null || p.id === actor.planId) && (!query.region || p.region.includes(query.region)));
  }

  private async plan(planId: number): Promise<PlanRow> {
    const [plan] = await this.reader.all<PlanRow>(`${PLAN_SQL} WHERE id = ?`, [planId]);
    if (!plan) throw new NotFoundError('方案', planId);
    return plan;
  }

  private async read(row: PlanRow, asOf: string | undefined, parts: FactPart[]): Promise<Reading> {
    const { timeZone: _timeZone, standingThrough, statesThrough, revision: _revision, ...plan } = row;
    const date = asOf ?? this.clock.today(row.timeZone);
    const kept = { standing: markHolds(standingThrough, date), states: markHolds(statesThrough, date) };
    const facts = await loadFacts((sql, params) => this.reader.all(sql, params), plan.id, date, parts, kept);
    return { plan, facts, view: planView(facts, plan, this.config.dueSoonDays) };
  }
}

function isJson(query: ReportQuery): boolean {
  return (query.format ?? 'json') === 'json';
}

/**
 * The plans' reports as the pieces of one JSON array, each plan's from the cache or built in turn (never all held as
 * objects at once, nor copied into one buffer).
 */
async function jsonArray(plans: PlanRow[], json: (row: PlanRow) => Promise<Buffer>): Promise<Buffer[]> {
  const parts: Buffer[] = [OPEN];
  for (const plan of plans) {
    if (parts.length > 1) parts.push(COMMA);
    parts.push(await json(plan));
  }
  parts.push(CLOSE);
  return parts;
}

const [OPEN, COMMA, CLOSE] = ['[', ',', ']'].map((c) => Buffer.from(c));

function ownUnit(actor: Actor | null): number | undefined {
  return actor?.role === 'unit' && actor.unitId !== null ? actor.unitId : undefined;
}
