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
  /** The unit addressed, which answers. */
  unit: UnitRef;
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
  /** The lead unit that asked. */
  unit: UnitRef;
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

// Import and export (导入导出), as src/spreadsheets/import.service.ts and import-mappings.ts answer.
export type ListName = 'tasks' | 'projects' | 'indicators';

export interface ImportError {
  /** The row a clerk sees in Excel (1-based), or null for the file or its header. */
  row: number | null;
  /** The column as the sheet names it ("序号", "牵头单位", "F列"), or "mapping". */
  column: string;
  value: unknown;
  message: string;
}

/** An import or dry run: accepted (ok, with counts) or refused with the service's message and every error. */
export interface ImportOutcome {
  ok: boolean;
  message: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  skippedRows: { row: number; reason: string }[];
  notes: string[];
  mapping: Record<string, string> | null;
  dryRun: boolean;
  unitsCreated: string[];
  errors: ImportError[];
}

export interface MappingField {
  field: string;
  name: string;
  headers: string[];
  required: boolean;
}

export interface MappingView {
  planId: number;
  list: ListName;
  mapping: Record<string, string> | null;
  updatedAt: string | null;
  fields: MappingField[];
}

// The office's oversight screens (督办): reports in the review queue, notices and extensions as the API answers them.
export type ItemType = 'task' | 'project' | 'indicator';

/** A progress report as GET /plans/:planId/progress lists it. */
export interface ReviewReport extends ProgressEntry {
  planId: number;
  itemType: ItemType;
  itemId: number;
  reviewerId: number | null;
}

export interface NoticeView {
  id: number;
  itemType: ItemType;
  itemId: number;
  unit: UnitRef;
  content: string;
  answerBy: string | null;
  issuedDate: string;
  status: 'open' | 'answered';
  answer: string | null;
  answeredDate: string | null;
}

export interface ExtensionView {
  id: number;
  milestoneId: number;
  itemType: ItemType;
  itemId: number;
  occurrence: string | null;
  unit: UnitRef;
  currentDueDate: string | null;
  requestedDueDate: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  decisionComment: string | null;
  decidedDate: string | null;
}

/** A unit's hold on an item with its title (GET /plans/:planId/signatures). */
export interface SignatureLine extends SignatureRow {
  title: string;
}

/** The answer to POST /plans/:planId/signatures/remind. */
export interface SignatureReminder {
  date: string;
  queued: number;
  units: { unit: UnitRef; unsigned: number; queued: number; alreadyToday: number }[];
  unreachable: UnitRef[];
}

/** The answer to a close-out action on a milestone (reopen, suspend, resume, waive). */
export interface MilestoneChangeAnswer {
  milestoneId: number;
  status: Status;
  itemStatus: Status;
}

export interface UnitListEntry {
  id: number;
  name: string;
  kind: string;
}

/** An account as GET /users answers it (账号管理). */
export interface UserAccount extends User {
  active: boolean;
  version: number;
}

/** A plan as GET /plans answers it, with what the plans page edits (建设方案). */
export interface PlanRecord extends PlanSummary {
  periodStart: string;
  periodEnd: string;
  baseYear: number | null;
  timeZone: string;
  source: string | null;
  published: boolean;
  version: number;
}
