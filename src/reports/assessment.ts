import { groupBy } from '../common/group-by.js';
import { itemKey } from '../status/derive-statuses.js';
import { checkpoints, type PlanHeader, type PlanView, rate } from './plan-view.js';
import type { ReportFacts } from './report-facts.js';
import type { UnitsReport } from './unit-report.js';

/** The scoring rule: weights are points out of their sum; silence costs points per item. */
export interface AssessmentWeights {
  onTimeWeight: number;
  reportingWeight: number;
  noticesWeight: number;
  silencePenalty: number;
}

export const DEFAULT_ASSESSMENT_RULE: AssessmentWeights = { onTimeWeight: 50, reportingWeight: 30, noticesWeight: 20, silencePenalty: 2 };

export interface Part {
  /** What was measured (milestones due, item-months, notices due) … */
  counted: number;
  /** … and how many of them were met. */
  met: number;
  rate: number | null;
}

export interface UnitAssessment {
  unitId: number;
  name: string;
  /** Milestones it leads with an original deadline in the year: closed out by that deadline. */
  onTime: Part;
  /** Months of the year an item it leads was open: months with a progress report from it on that item. */
  reporting: Part;
  /** Supervision notices to it issued in the year and due by asOf: answered by their answer-by date. */
  notices: Part;
  /** Items it holds and has never reported on. */
  silentItems: string[];
  /** 0-100, or null when there is nothing to measure. */
  score: number | null;
  rank: number | null;
}

export interface AssessmentReport {
  plan: PlanHeader;
  year: number;
  asOf: string;
  rule: AssessmentWeights;
  units: UnitAssessment[];
}

function part(counted: number, met: number): Part {
  return { counted, met, rate: rate(met, counted) };
}

/** The weighted mean of the parts that measured something, less the silence penalty, within 0-100. */
export function scoreOf(parts: { weight: number; rate: number | null }[], silent: number, silencePenalty: number): number | null {
  const measured = parts.filter((p) => p.rate !== null && p.weight > 0);
  const weights = measured.reduce((sum, p) => sum + p.weight, 0);
  if (weights === 0) return null;
  const mean = measured.reduce((sum, p) => sum + p.weight * (p.rate as number), 0) / weights;
  return Math.max(0, Math.round((mean - silent * silencePenalty) * 10) / 10);
}

/** Months (YYYY-MM) of the year whose last day is on or before asOf, within the plan's period. */
export function assessedMonths(year: number, asOf: string, plan: PlanHeader): string[] {
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    if (last <= asOf && last >= plan.periodStart && `${month}-01` <= plan.periodEnd) months.push(month);
  }
  return months;
}

/** Scores each lead unit for one year, as of asOf (at most the year's last day). */
export function buildAssessment(plan: PlanHeader, year: number, view: PlanView, facts: ReportFacts, units: UnitsReport, rule: AssessmentWeights): AssessmentReport {
  const months = assessedMonths(year, view.asOf, plan);
  const reportedIn = new Set(facts.reportMonths.map((r) => `${itemKey(r.itemType, r.itemId)}:${r.unitId}:${r.month}`));
  const noticesOf = groupBy(facts.notices, (n) => n.unitId);
  const silentOf = new Map(units.silentUnits.map((u) => [u.unitId, u.items]));
  const leaders = facts.units.filter((u) => u.kind !== 'group' && view.items.some((i) => i.leadUnitIds.includes(u.id)));
  const assessed = leaders.map((unit): UnitAssessment => {
    const led = view.items.filter((i) => i.leadUnitIds.includes(unit.id));
    let due = 0;
    let onTime = 0;
    let expected = 0;
    let reported = 0;
    for (const item of led) {
      for (const { baselineDate: original, closedOn } of checkpoints(item.milestones)) {
        if (original === null || !original.startsWith(`${year}-`) || original >= view.asOf) continue;
        due++;
        if (closedOn !== null && closedOn <= original) onTime++;
      }
      const closedOn = item.status.status === 'closed' ? (item.milestones.map((m) => m.status.closedOn ?? '').sort().at(-1) ?? '') : null;
      for (const month of months) {
        if (closedOn !== null && closedOn < `${month}-01`) continue;
        if (item.status.status === 'suspended') continue;
        expected++;
        if (reportedIn.has(`${itemKey(item.itemType, item.itemId)}:${unit.id}:${month}`)) reported++;
      }
    }
    const notices = (noticesOf.get(unit.id) ?? []).filter((n) => n.issuedDate.startsWith(`${year}-`));
    const noticesDue = notices.filter((n) => n.answeredDate !== null || (n.answerBy !== null && n.answerBy < view.asOf));
    const answeredInTime = noticesDue.filter((n) => n.answeredDate !== null && (n.answerBy === null || n.answeredDate <= n.answerBy));
    const silentItems = silentOf.get(unit.id) ?? [];
    const parts = { onTime: part(due, onTime), reporting: part(expected, reported), notices: part(noticesDue.length, answeredInTime.length) };
    const score = scoreOf(
      [
        { weight: rule.onTimeWeight, rate: parts.onTime.rate },
        { weight: rule.reportingWeight, rate: parts.reporting.rate },
        { weight: rule.noticesWeight, rate: parts.notices.rate },
      ],
      silentItems.length,
      rule.silencePenalty,
    );
    return { unitId: unit.id, name: unit.name, ...parts, silentItems, score, rank: null };
  });
  const ranked = assessed.filter((u) => u.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
  ranked.forEach((u, i) => {
    u.rank = i > 0 && ranked[i - 1].score === u.score ? ranked[i - 1].rank : i + 1;
  });
  assessed.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitId - b.unitId);
  return { plan, year, asOf: view.asOf, rule, units: assessed };
}
