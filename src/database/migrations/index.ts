import { FourLists1732300000000 } from './1732300000000-four-lists.js';
import { AccountsAndWorkflow1732400000000 } from './1732400000000-accounts-and-workflow.js';
import { Reminders1732500000000 } from './1732500000000-reminders.js';
import { Reports1732600000000 } from './1732600000000-reports.js';
import { UnitTextsAndImportMappings1732700000000 } from './1732700000000-unit-texts-and-import-mappings.js';
import { SeedNotesAndGroupLeaders1732750000000 } from './1732750000000-seed-notes-and-group-leaders.js';
import { Occurrences1732800000000 } from './1732800000000-occurrences.js';
import { TokenPublicIds1732900000000 } from './1732900000000-token-public-ids.js';
import { WithdrawnItems1732950000000 } from './1732950000000-withdrawn-items.js';
import { InstructionsAndSignatures1733000000000 } from './1733000000000-instructions-and-signatures.js';
import { OnePendingExtension1733100000000 } from './1733100000000-one-pending-extension.js';
import { JobLeases1733200000000 } from './1733200000000-job-leases.js';
import { EvidenceBlobs1733300000000 } from './1733300000000-evidence-blobs.js';
import { LoginAttempts1733400000000 } from './1733400000000-login-attempts.js';
import { ReportWalkIds1733500000000 } from './1733500000000-report-walk-ids.js';
import { StandingReports1733600000000 } from './1733600000000-standing-reports.js';
import { PlanRevisions1733700000000 } from './1733700000000-plan-revisions.js';
import { OutboxLz41733800000000 } from './1733800000000-outbox-lz4.js';
import { OutboxBodies1733900000000 } from './1733900000000-outbox-bodies.js';
import { StatusStates1734000000000 } from './1734000000000-status-states.js';
import { OutboxContents1734100000000 } from './1734100000000-outbox-contents.js';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  FourLists1732300000000,
  AccountsAndWorkflow1732400000000,
  Reminders1732500000000,
  Reports1732600000000,
  UnitTextsAndImportMappings1732700000000,
  SeedNotesAndGroupLeaders1732750000000,
  Occurrences1732800000000,
  TokenPublicIds1732900000000,
  WithdrawnItems1732950000000,
  InstructionsAndSignatures1733000000000,
  OnePendingExtension1733100000000,
  JobLeases1733200000000,
  EvidenceBlobs1733300000000,
  LoginAttempts1733400000000,
  ReportWalkIds1733500000000,
  StandingReports1733600000000,
  PlanRevisions1733700000000,
  OutboxLz41733800000000,
  OutboxBodies1733900000000,
  StatusStates1734000000000,
  OutboxContents1734100000000,
];
