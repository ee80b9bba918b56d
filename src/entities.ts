import { AccessToken } from './auth/access-token.entity.js';
import { User } from './auth/user.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { CalendarDay } from './calendar/calendar-day.entity.js';
import { OutboxEntry } from './outbox/outbox-entry.entity.js';
import { OutboxMessage } from './outbox/outbox-message.entity.js';
import { OutboxBody } from './outbox/outbox-body.entity.js';
import { JobLease } from './database/job-lease.entity.js';
import { PlanRevision } from './database/plan-revision.entity.js';
import { StandingMark } from './standing/standing-mark.entity.js';
import { StandingReport } from './standing/standing-report.entity.js';
import { UnitReportDate } from './standing/unit-report-date.entity.js';
import { LoginAttempt } from './auth/login-attempt.entity.js';
import { ReminderPause } from './reminders/reminder-pause.entity.js';
import { ReminderSettings } from './reminders/reminder-settings.entity.js';
import { AssessmentRule } from './reports/assessment-rule.entity.js';
import { ReminderSweep } from './reminders/reminder-sweep.entity.js';
import { UnitContact } from './units/unit-contact.entity.js';
import { Milestone } from './deadlines/milestone.entity.js';
import { IndicatorValue } from './goals/indicator-value.entity.js';
import { Plan } from './plans/plan.entity.js';
import { PlanStage } from './plans/plan-stage.entity.js';
import { EvidenceFile } from './progress/evidence-file.entity.js';
import { ExtensionRequest } from './progress/extension-request.entity.js';
import { ProgressReport } from './progress/progress-report.entity.js';
import { SupervisionNotice } from './progress/supervision-notice.entity.js';
import { Assignment } from './lists/assignment.entity.js';
import { StatusEvent } from './status/status-event.entity.js';
import { StatusMark } from './status/status-mark.entity.js';
import { StatusState } from './status/status-state.entity.js';
import { ImportMapping } from './spreadsheets/import-mapping.entity.js';
import { UnitGroup } from './units/unit-group.entity.js';
import { Unit } from './units/unit.entity.js';
import { Instruction } from './instructions/instruction.entity.js';
import { ItemSignature } from './signatures/item-signature.entity.js';
import { LISTS } from './lists/list-registry.js';
import { EvidenceBlob } from './progress/evidence-blob.entity.js';

/** Every entity of the service, listed once (ESM cannot load entities by glob reliably). */
export const ENTITIES = [
  Plan,
  PlanStage,
  Unit,
  UnitGroup,
  // Each list's entity, from the list registry.
  ...LISTS.map((list) => list.entity),
  Milestone,
  Assignment,
  User,
  AccessToken,
  ProgressReport,
  EvidenceFile,
  StatusEvent,
  SupervisionNotice,
  ExtensionRequest,
  IndicatorValue,
  AuditEntry,
  CalendarDay,
  UnitContact,
  ReminderSettings,
  AssessmentRule,
  ReminderPause,
  ReminderSweep,
  OutboxMessage,
  OutboxBody,
  JobLease,
  StandingReport,
  UnitReportDate,
  StandingMark,
  StatusState,
  StatusMark,
  PlanRevision,
  LoginAttempt,
  OutboxEntry,
  ImportMapping,
  Instruction,
  ItemSignature,
];

/** Tables only a PostgreSQL database has: evidence files' bytes (EVIDENCE_STORE=database, for several instances). */
export const POSTGRES_ENTITIES = [EvidenceBlob];
