// Shapes of the answers the pages read. The service's OpenAPI document describes paths, parameters and bodies
// (schema.d.ts, generated) but not yet its answers: the report types are the service's own (type-only imports,
// erased from the bundle, so a change there fails `vue-tsc`); item, progress, notice and extension shapes are
// written here as the pages read them.
import type { Light, Status } from '../lib/status.js';
import type { Role } from '../lib/roles.js';

export type { ProgressReport, IndicatorProgress, ListProgress, StatusCounts, UnitProgress } from '../../../src/reports/progress-report.js';
export type { OverdueReport, OverdueRow } from '../../../src/reports/overdue-report.js';
export type { UnitsReport, UnitItemLine } from '../../../src/reports/unit-report.js';
export type { AssessmentReport, AssessmentWeights, UnitAssessment } from '../../../src/reports/assessment.js';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  planId: number | null;
  unitId: number | null;
  email: string | null;
}

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: User;
}

export interface PlanSummary {
  id: number;
  key: string;
  name: string;
  region: string;
  counts: { tasks: number; projects: number; indicators: number };
}

export interface UnitRef {
  id: number;
  name: string;
}

export interface Occurrence {
  key: string;
  label: string;
  dueDate: string;
  status: Status;
  overdue: boolean;
}

export interface Milestone {
  id: number;
  phrase: string;
  dueDate: string | null;
  baselineDate: string | null;
  kind: 'dated' | 'period' | 'recurring' | 'ongoing';
  quantity: string | null;
  certain: boolean;
  note: string | null;
  status: Status;
  overdue: boolean;
  light: Light;
  percent: number | null;
  closedOn: string | null;
  occurrence: { key: string; label: string } | null;
  missedOccurrences: number;
}

/** What tasks, projects and indicators share. */
export interface ItemBase {
  id: number;
  planId: number;
  seq: number;
  leadUnits: UnitRef[];
  supportingUnits: UnitRef[];
  leadUnitsText: string | null;
  supportUnitsText: string | null;
  milestones: Milestone[];
  status: Status;
  overdue: boolean;
  light: Light;
  asOf: string;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
}

export interface Task extends ItemBase {
  chapter: string | null;
  taskGroup: string | null;
  content: string;
  deadlineText: string | null;
}

export interface Project extends ItemBase {
  category: string | null;
  name: string;
  content: string | null;
  investment: number | null;
  fundingSource: string | null;
  deadlineText: string | null;
}

export interface IndicatorTarget {
  year: number | null;
  text: string;
  value: number | null;
}

export interface Indicator extends ItemBase {
  level1: string | null;
  level2: string | null;
  name: string;
  unit: string | null;
  direction: string;
  baselineYear: number | null;
  baselineText: string | null;
  baselineValue: number | null;
  targets: IndicatorTarget[];
  definition: string | null;
  formula: string | null;
  dataSource: string | null;
  note: string | null;
}

export interface EvidenceFile {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface ProgressEntry {
  id: number;
  milestoneId: number | null;
  occurrence: string | null;
  unitId: number;
  role: 'lead' | 'support';
  state: 'in_progress' | 'done';
  percent: number | null;
  quantityDone: number | null;
  quantityTotal: number | null;
  investmentDone: number | null;
  narrative: string;
  periodStart: string | null;
  periodEnd: string | null;
  status: string;
  version: number;
  submittedDate: string | null;
  reviewComment: string | null;
  reviewedDate: string | null;
  evidence: EvidenceFile[];
}

export interface Notice {
  id: number;
  itemType: string;
  itemId: number;
  unitId: number;
  content: string;
  answerBy: string | null;
  issuedDate: string;
  status: string;
  answer: string | null;
  answeredDate: string | null;
}

export interface Extension {
  id: number;
  milestoneId: number;
  occurrence: string | null;
  unitId: number;
  currentDueDate: string | null;
  requestedDueDate: string;
  reason: string;
  status: string;
  decisionComment: string | null;
  decidedDate: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Instruction {
  id: number;
  itemType: string;
  itemId: number;
  author: { id: number; name: string; role: Role };
  issuedDate: string;
  content: string;
}

/** One unit's hold on one item, signed for or not (GET /plans/:planId/signatures). */
export interface SignatureRow {
  unit: UnitRef;
  itemType: string;
  itemId: number;
  code: string;
  role: 'lead' | 'support';
  signed: boolean;
  signedDate: string | null;
}

/** The answer to signing (POST /plans/:planId/signatures). */
export interface Signature {
  id: number;
  unit: UnitRef;
  signedDate: string;
}
