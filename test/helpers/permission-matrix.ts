import type request from 'supertest';
import { planId, TEST_ADMIN, type TestApp } from './test-app.js';

/**
 * The permission matrix: every route of /api/v1 (as the OpenAPI document names it) against every kind of caller.
 * Written by hand from what each role should be able to do, not derived from the access decorators.
 */

/** The callers, in the order of the matrix columns. */
export const WHO = ['anon', 'admin', 'office', 'otherOffice', 'unitLead', 'unitOther', 'leader'] as const;
export type Who = (typeof WHO)[number];

/** Who signs in as each caller (anon has no token). */
export const USERNAMES: Record<Exclude<Who, 'anon'>, string> = {
  admin: TEST_ADMIN.username,
  office: 'jiangjin-office',
  otherOffice: 'foshan-office', // an office of another plan
  unitLead: 'jiangjin-jxw', // 区经济信息委: leads Jiangjin task 11
  unitOther: 'jiangjin-sthj', // 区生态环境局: neither leads nor supports task 11
  leader: 'jiangjin-leader',
};

/**
 * An exact status, or 'ok': the caller got past the access check (not 401/403, and no server error).
 * A 4xx other than 401/403 in a cell means access passed and the body or the state was refused on purpose:
 * the calls are built to be harmless (stale versions, ids that do not exist, rows already decided).
 */
export type Cell = number | 'ok';

/** 404 because the rule is to hide the row from this caller (another unit's draft, an account out of reach). */
export const HIDDEN = 404;

/** The ids the calls are made with: Jiangjin and its task 11, plus rows the matrix sets up beforehand. */
export interface Ctx {
  plan: number;
  task11: number;
  /** Task 11's milestones: due 2023-12-31 and 2025-12-31. */
  m1: number;
  m2: number;
  project: number;
  /** Jiangjin indicator 3 (危险废物规范化管理抽查合格率): led by 区生态环境局 alone, so here unitOther holds it and unitLead does not. */
  indicator3: number;
  unitJxw: number;
  unitSthj: number;
  /** The lead assignment of task 11 (区经济信息委). */
  assignment: number;
  /** The account of jiangjin-jxw. */
  userJxw: number;
  /** unitLead's draft on task 11 with no narrative yet (so submitting it is refused: 400). */
  draft: number;
  /** unitLead's report on task 11, submitted with one evidence file and accepted by the office. */
  accepted: number;
  acceptedFile: number;
  /** A notice on task 11 to 区经济信息委, answered already. */
  notice: number;
  /** unitLead's extension request for m2, pending. */
  extPending: number;
  /** unitLead's extension request for m1, refused. */
  extRefused: number;
}

export interface Row {
  /** Method and path as in the OpenAPI document, without the /api/v1 prefix. */
  route: string;
  /** The expected answer per caller, in WHO order. */
  expect: Cell[];
  /** Path parameters besides planId (Jiangjin); may depend on the caller. */
  params?: (c: Ctx, who: Who) => Record<string, string | number>;
  query?: string;
  body?: (c: Ctx) => object;
  /** Sent as multipart field `file`. */
  file?: { name: string; bytes: Buffer };
  /** Sign in afresh for this call (logout ends the token it is called with). */
  freshToken?: boolean;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const MISSING = 999999;

const row = (route: string, expect: Cell[], options: Omit<Row, 'route' | 'expect'> = {}): Row => ({ route, expect, ...options });

// prettier-ignore
export const MATRIX: Row[] = [
  //                                                                 anon admin office other lead  uOther leader
  row('GET /health',                                                 [200, 200, 200,  200,  200,  200,  200]),
  // Public: no access check at all, so an empty body is 400 for everyone.
  row('POST /auth/login',                                            [400, 400, 400,  400,  400,  400,  400], { body: () => ({}) }),
  row('POST /auth/logout',                                           [401, 204, 204,  204,  204,  204,  204], { freshToken: true }),
  row('GET /auth/me',                                                [401, 200, 200,  200,  200,  200,  200]),
  row('POST /auth/password',                                         [401, 400, 400,  400,  400,  400,  400], { body: () => ({}) }),
  // API tokens are for integrations: offices and leaders, not unit accounts. These rows use password sessions; with an
  // API token POST /auth/password, POST /auth/tokens and DELETE /auth/tokens/{id} are 403 (test/abuse-auth.e2e-spec.ts).
  row('GET /auth/tokens',                                            [401, 200, 200,  200,  403,  403,  200]),
  row('POST /auth/tokens',                                           [401, 400, 400,  400,  403,  403,  400], { body: () => ({}) }),
  row('DELETE /auth/tokens/{id}',                                    [401, 404, 404,  404,  403,  403,  404], { params: () => ({ id: MISSING }) }),

  // Accounts: admin manages all, an office the unit and leader accounts of its own plan.
  row('GET /users',                                                  [401, 200, 200,  200,  403,  403,  403]),
  // An office may not create an admin (service rule: 403); admin may.
  row('POST /users',                                                 [401, 201, 403,  403,  403,  403,  403], { body: () => ({ username: 'matrix-new-admin', password: 'matrix-password-1', role: 'admin' }) }),
  row('GET /users/{id}',                                             [401, 200, 200,  HIDDEN, 403, 403,  403], { params: (c) => ({ id: c.userJxw }) }),
  row('PATCH /users/{id}',                                           [401, 409, 409,  HIDDEN, 403, 403,  403], { params: (c) => ({ id: c.userJxw }), body: () => ({ version: MISSING, displayName: '矩阵' }) }),
  row('DELETE /users/{id}',                                          [401, 404, 404,  404,  403,  403,  403], { params: () => ({ id: MISSING }) }),

  // The change log: the office of the plan, and admin for everything.
  row('GET /plans/{planId}/audit',                                   [401, 200, 200,  403,  403,  403,  403]),
  row('GET /audit',                                                  [401, 200, 403,  403,  403,  403,  403]),

  // Plans. Anyone may list plans: the public sees the published ones only (none here).
  row('GET /plans',                                                  [200, 200, 200,  200,  200,  200,  200]),
  // Only admin (or an office bound to no plan) starts a plan: the demo offices are bound to theirs (service: 403).
  row('POST /plans',                                                 [401, 201, 403,  403,  403,  403,  403], { body: () => ({ name: '矩阵测试方案', region: '测试区', periodStart: '2024-01-01', periodEnd: '2025-12-31' }) }),
  row('GET /plans/{planId}',                                         [401, 200, 200,  403,  200,  200,  200]),
  row('PATCH /plans/{planId}',                                       [401, 409, 409,  403,  403,  403,  403], { body: () => ({ version: MISSING }) }),
  // Admin is sent to a plan that does not exist (it would delete Jiangjin); a plan-bound office may not delete its plan.
  row('DELETE /plans/{planId}',                                      [401, 404, 403,  403,  403,  403,  403], { params: (_c, who): Record<string, number> => (who === 'admin' ? { planId: MISSING } : {}) }),

  // The four lists: read by every role of the plan; written by the office.
  row('GET /plans/{planId}/units',                                   [401, 200, 200,  403,  200,  200,  200]),
  row('POST /plans/{planId}/units',                                  [401, 409, 409,  403,  403,  403,  403], { body: () => ({ name: '区经济信息委' }) }),
  row('GET /plans/{planId}/units/{id}',                              [401, 200, 200,  403,  200,  200,  200], { params: (c) => ({ id: c.unitJxw }) }),
  row('PATCH /plans/{planId}/units/{id}',                            [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.unitJxw }), body: () => ({ version: MISSING }) }),
  // The unit still holds items: 409.
  row('DELETE /plans/{planId}/units/{id}',                           [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.unitJxw }) }),
  row('GET /plans/{planId}/tasks',                                   [401, 200, 200,  403,  200,  200,  200]),
  row('POST /plans/{planId}/tasks',                                  [401, 400, 400,  403,  403,  403,  403], { body: () => ({}) }),
  row('GET /plans/{planId}/tasks/{id}',                              [401, 200, 200,  403,  200,  200,  200], { params: (c) => ({ id: c.task11 }) }),
  row('PATCH /plans/{planId}/tasks/{id}',                            [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.task11 }), body: () => ({ version: MISSING }) }),
  row('DELETE /plans/{planId}/tasks/{id}',                           [401, 404, 404,  403,  403,  403,  403], { params: () => ({ id: MISSING }) }),
  row('POST /plans/{planId}/tasks/{id}/withdraw',             [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.task11 }), body: () => ({ reason: '矩阵测试', version: MISSING }) }),
  row('GET /plans/{planId}/projects',                                [401, 200, 200,  403,  200,  200,  200]),
  row('POST /plans/{planId}/projects',                               [401, 400, 400,  403,  403,  403,  403], { body: () => ({}) }),
  row('GET /plans/{planId}/projects/{id}',                           [401, 200, 200,  403,  200,  200,  200], { params: (c) => ({ id: c.project }) }),
  row('PATCH /plans/{planId}/projects/{id}',                         [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.project }), body: () => ({ version: MISSING }) }),
  row('DELETE /plans/{planId}/projects/{id}',                        [401, 404, 404,  403,  403,  403,  403], { params: () => ({ id: MISSING }) }),
  row('POST /plans/{planId}/projects/{id}/withdraw',          [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.project }), body: () => ({ reason: '矩阵测试', version: MISSING }) }),
  row('GET /plans/{planId}/indicators',                              [401, 200, 200,  403,  200,  200,  200]),
  row('POST /plans/{planId}/indicators',                             [401, 400, 400,  403,  403,  403,  403], { body: () => ({}) }),
  row('GET /plans/{planId}/indicators/{id}',                         [401, 200, 200,  403,  200,  200,  200], { params: (c) => ({ id: c.indicator3 }) }),
  row('PATCH /plans/{planId}/indicators/{id}',                       [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.indicator3 }), body: () => ({ version: MISSING }) }),
  row('DELETE /plans/{planId}/indicators/{id}',                      [401, 404, 404,  403,  403,  403,  403], { params: () => ({ id: MISSING }) }),
  row('POST /plans/{planId}/indicators/{id}/withdraw',        [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.indicator3 }), body: () => ({ reason: '矩阵测试', version: MISSING }) }),
  row('GET /plans/{planId}/responsibilities',                        [401, 200, 200,  403,  200,  200,  200]),
  // Already assigned: 409.
  row('POST /plans/{planId}/assignments',                            [401, 409, 409,  403,  403,  403,  403], { body: (c) => ({ itemType: 'task', itemId: c.task11, unitId: c.unitJxw, role: 'lead' }) }),
  row('PATCH /plans/{planId}/assignments/{id}',                      [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.assignment }), body: () => ({ role: 'lead', version: MISSING }) }),
  row('DELETE /plans/{planId}/assignments/{id}',                     [401, 404, 404,  403,  403,  403,  403], { params: () => ({ id: MISSING }) }),

  // Indicator values (progress data, not the public lists). On indicator 3 unitOther is the holder and unitLead is not.
  row('GET /plans/{planId}/indicators/{id}/values',                  [401, 200, 200,  403,  200,  200,  200], { params: (c) => ({ id: c.indicator3 }) }),
  // 2023 is recorded already and no version is named: 409 for whoever may record; a unit not holding the indicator: 403.
  row('PUT /plans/{planId}/indicators/{id}/values/{period}',         [401, 409, 409,  403,  403,  409,  403], { params: (c) => ({ id: c.indicator3, period: '2023' }), body: () => ({ value: 97 }) }),
  row('DELETE /plans/{planId}/indicators/{id}/values/{period}',      [401, 404, 404,  403,  403,  403,  403], { params: (c) => ({ id: c.indicator3, period: '2019' }) }),
  row('POST /plans/{planId}/indicators/{id}/values/{period}/judgement', [401, 409, 409, 403,  403,  403,  403], { params: (c) => ({ id: c.indicator3, period: '2023' }), body: () => ({ judgement: 'met', version: MISSING }) }),

  // Deadlines: reading a phrase is a pure calculation for any signed-in user; confirming a date is the office's.
  row('POST /deadlines/parse',                                       [401, 200, 200,  200,  200,  200,  200], { body: () => ({ text: '2025年底前' }) }),
  row('PATCH /plans/{planId}/milestones/{id}',                       [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.m1 }), body: () => ({ version: MISSING }) }),
  // m1 is open: reopening it or resuming it is refused (409); a blank reason is refused (400).
  row('POST /plans/{planId}/milestones/{id}/reopen',                 [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.m1 }), body: () => ({ reason: '矩阵测试' }) }),
  row('POST /plans/{planId}/milestones/{id}/suspend',                [401, 400, 400,  403,  403,  403,  403], { params: (c) => ({ id: c.m1 }), body: () => ({ reason: ' ' }) }),
  row('POST /plans/{planId}/milestones/{id}/resume',                 [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.m1 }), body: () => ({ reason: '矩阵测试' }) }),
  // m1 does not recur: waiving an occurrence of it is refused (409).
  row('POST /plans/{planId}/milestones/{id}/waive',                  [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.m1 }), body: () => ({ reason: '矩阵测试' }) }),

  // Spreadsheets. Import without a file: 400 once access has passed.
  row('POST /plans/{planId}/import/{list}',                          [401, 400, 400,  403,  403,  403,  403], { params: () => ({ list: 'tasks' }), query: '?dryRun=true' }),
  // The column mapping remembered for a plan's list: the office's own working setting.
  row('GET /plans/{planId}/import/{list}/mapping',                   [401, 200, 200,  403,  403,  403,  403], { params: () => ({ list: 'projects' }) }),
  row('DELETE /plans/{planId}/import/{list}/mapping',                [401, 204, 204,  403,  403,  403,  403], { params: () => ({ list: 'projects' }) }),
  row('GET /plans/{planId}/export/{list}',                           [401, 200, 200,  403,  200,  200,  200], { params: () => ({ list: 'tasks' }), query: '?format=csv' }),
  row('GET /templates/{list}.xlsx',                                  [401, 200, 200,  200,  200,  200,  200], { params: () => ({ list: 'tasks' }) }),

  // Progress reports. Units report on items they hold; office and leaders read what was submitted; drafts are the unit's own.
  row('GET /plans/{planId}/progress',                                [401, 200, 200,  403,  200,  200,  200]),
  // Admin passes the guard but is no unit (service: 403); unitOther does not hold task 11 (403).
  row('POST /plans/{planId}/progress',                               [401, 403, 403,  403,  201,  403,  403], { body: (c) => ({ itemType: 'task', itemId: c.task11, state: 'in_progress', narrative: '矩阵测试' }) }),
  // The accepted report: unitOther does not hold task 11, so it does not exist for it.
  row('GET /plans/{planId}/progress/{id}',                           [401, 200, 200,  403,  200,  HIDDEN, 200], { params: (c) => ({ id: c.accepted }) }),
  // unitLead's draft: its own unit gets the stale version (409); for everyone else past the guard the draft does not exist.
  row('PATCH /plans/{planId}/progress/{id}',                         [401, HIDDEN, 403, 403, 409,  HIDDEN, 403], { params: (c) => ({ id: c.draft }), body: () => ({ version: MISSING, narrative: '矩阵' }) }),
  // The draft has no narrative yet: submitting it is refused (400) for its unit.
  row('POST /plans/{planId}/progress/{id}/submit',                   [401, HIDDEN, 403, 403, 400,  HIDDEN, 403], { params: (c) => ({ id: c.draft }) }),
  // Already accepted: 409 for the office.
  row('POST /plans/{planId}/progress/{id}/accept',                   [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.accepted }), body: () => ({}) }),
  row('POST /plans/{planId}/progress/{id}/return',                   [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.accepted }), body: () => ({ comment: '矩阵测试' }) }),
  // To the draft, a file of a kind not accepted: its unit gets 415; for everyone else past the guard the draft does not exist.
  row('POST /plans/{planId}/progress/{id}/evidence',                 [401, HIDDEN, 403, 403, 415,  HIDDEN, 403], { params: (c) => ({ id: c.draft }), file: { name: 'matrix.exe', bytes: Buffer.from('MZ') } }),
  row('GET /plans/{planId}/progress/{id}/evidence/{fileId}',         [401, 200, 200,  403,  200,  HIDDEN, 200], { params: (c) => ({ id: c.accepted, fileId: c.acceptedFile }) }),
  // The accepted report's file: its unit may no longer change it (409); admin reads it but is not its unit (403).
  row('DELETE /plans/{planId}/progress/{id}/evidence/{fileId}',      [401, 403, 403,  403,  409,  HIDDEN, 403], { params: (c) => ({ id: c.accepted, fileId: c.acceptedFile }) }),
  // What an evidence upload may be (size limit, kinds): every signed-in user, for the progress form's check before upload.
  row('GET /evidence/rules',                                         [401, 200, 200,  200,  200,  200,  200]),

  // Notices: the office issues, the addressed unit answers, units see their own unit's only.
  // Addressed to a unit that does not hold task 11: 400 once access has passed.
  row('POST /plans/{planId}/notices',                                [401, 400, 400,  403,  403,  403,  403], { body: (c) => ({ itemType: 'task', itemId: c.task11, unitId: c.unitSthj, content: '矩阵测试' }) }),
  row('GET /plans/{planId}/notices',                                 [401, 200, 200,  403,  200,  200,  200]),
  row('GET /plans/{planId}/notices/{id}',                            [401, 200, 200,  403,  200,  HIDDEN, 200], { params: (c) => ({ id: c.notice }) }),
  // Answered already: 409 for the addressed unit; admin sees it but is not that unit (403).
  row('POST /plans/{planId}/notices/{id}/answer',                    [401, 403, 403,  403,  409,  HIDDEN, 403], { params: (c) => ({ id: c.notice }), body: () => ({ answer: '矩阵测试' }) }),

  // 批示: leaders and the office write them (an empty one is refused once access has passed: 400); units never (403).
  row('POST /plans/{planId}/instructions',                           [401, 400, 400,  403,  403,  403,  400], { body: (c) => ({ itemType: 'task', itemId: c.task11, content: ' ' }) }),
  // The office, leaders and units read them (a unit those on the items it holds).
  row('GET /plans/{planId}/instructions',                            [401, 200, 200,  403,  200,  200,  200]),
  // 签收: a unit signs for an item it holds (idempotent, 200); unitOther does not hold task 11 (403); admin is no unit (service: 403).
  row('POST /plans/{planId}/signatures',                             [401, 403, 403,  403,  200,  403,  403], { body: (c) => ({ itemType: 'task', itemId: c.task11 }) }),
  // Who has not signed for what: the office and leaders see every unit, a unit its own.
  row('GET /plans/{planId}/signatures',                              [401, 200, 200,  403,  200,  200,  200], { query: '?signed=false' }),
  // Reminding the units that have not signed is the office's (a bad body, so the matrix sends nothing).
  row('POST /plans/{planId}/signatures/remind',                      [401, 400, 400,  403,  403,  403,  403], { body: () => ({ unitIds: ['区经济信息委'] }) }),

  // Extensions: the lead unit asks, the office decides, units see their own unit's only.
  // m2 has a pending request already: 409 for the lead unit; admin and unitOther hold nothing (403).
  row('POST /plans/{planId}/extensions',                             [401, 403, 403,  403,  409,  403,  403], { body: (c) => ({ milestoneId: c.m2, requestedDueDate: '2026-06-30', reason: '矩阵测试' }) }),
  row('GET /plans/{planId}/extensions',                              [401, 200, 200,  403,  200,  200,  200]),
  row('GET /plans/{planId}/extensions/{id}',                         [401, 200, 200,  403,  200,  HIDDEN, 200], { params: (c) => ({ id: c.extPending }) }),
  // Refused already: 409 for the office.
  row('POST /plans/{planId}/extensions/{id}/approve',                [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.extRefused }), body: () => ({}) }),
  row('POST /plans/{planId}/extensions/{id}/refuse',                 [401, 409, 409,  403,  403,  403,  403], { params: (c) => ({ id: c.extRefused }), body: () => ({ comment: '矩阵测试' }) }),

  // Reminders: the office of the plan sets the rules, pauses items, previews a date and reads its outbox.
  row('GET /plans/{planId}/reminders/settings',                      [401, 200, 200,  403,  403,  403,  403]),
  // The plan still has the defaults (version 0): a made-up version is stale.
  row('PUT /plans/{planId}/reminders/settings',                      [401, 409, 409,  403,  403,  403,  403], { body: () => ({ version: MISSING }) }),
  row('GET /plans/{planId}/reminders/pauses',                        [401, 200, 200,  403,  403,  403,  403]),
  row('POST /plans/{planId}/reminders/pauses',                       [401, 404, 404,  403,  403,  403,  403], { body: () => ({ itemType: 'task', itemId: MISSING, reason: '矩阵测试' }) }),
  row('DELETE /plans/{planId}/reminders/pauses/{id}',                [401, 404, 404,  403,  403,  403,  403], { params: () => ({ id: MISSING }) }),
  row('GET /plans/{planId}/reminders/preview',                       [401, 200, 200,  403,  403,  403,  403], { query: '?date=2026-11-23' }),
  row('GET /plans/{planId}/outbox',                                  [401, 200, 200,  403,  403,  403,  403]),
  row('GET /plans/{planId}/outbox/{id}',                             [401, 404, 404,  403,  403,  403,  403], { params: () => ({ id: MISSING }) }),
  row('POST /plans/{planId}/outbox/{id}/resend',                     [401, 404, 404,  403,  403,  403,  403], { params: () => ({ id: MISSING }) }),
  // Every plan's messages, and digests covering several plans: admin only.
  row('GET /outbox',                                                 [401, 200, 403,  403,  403,  403,  403]),
  row('POST /outbox/{id}/resend',                                    [401, 404, 403,  403,  403,  403,  403], { params: () => ({ id: MISSING }) }),

  // Unit contacts (emails, supervising leaders, chat robots): the office of the plan.
  row('GET /plans/{planId}/contacts',                                [401, 200, 200,  403,  403,  403,  403]),
  row('GET /plans/{planId}/units/{id}/contacts',                     [401, 200, 200,  403,  403,  403,  403], { params: (c) => ({ id: c.unitJxw }) }),
  // Not an email address: 400 once access has passed.
  row('POST /plans/{planId}/units/{id}/contacts',                    [401, 400, 400,  403,  403,  403,  403], { params: (c) => ({ id: c.unitJxw }), body: () => ({ role: 'liaison', channel: 'email', address: 'not-an-email' }) }),
  row('PATCH /plans/{planId}/units/{id}/contacts/{contactId}',       [401, 404, 404,  403,  403,  403,  403], { params: (c) => ({ id: c.unitJxw, contactId: MISSING }), body: () => ({ version: 1 }) }),
  row('DELETE /plans/{planId}/units/{id}/contacts/{contactId}',      [401, 404, 404,  403,  403,  403,  403], { params: (c) => ({ id: c.unitJxw, contactId: MISSING }) }),

  // Reports: offices, units and leaders of the plan read progress, overdue and responsibilities (a unit its own);
  // the assessment is for the office and leaders; only the office sets its rule. Across plans: offices and leaders.
  row('GET /plans/{planId}/reports/progress',                        [401, 200, 200,  403,  200,  200,  200], { query: '?asOf=2026-11-23' }),
  row('GET /plans/{planId}/reports/overdue',                         [401, 200, 200,  403,  200,  200,  200], { query: '?asOf=2026-11-23' }),
  row('GET /plans/{planId}/reports/units',                           [401, 200, 200,  403,  200,  200,  200], { query: '?asOf=2026-11-23' }),
  row('GET /plans/{planId}/reports/assessment',                      [401, 200, 200,  403,  403,  403,  200], { query: '?asOf=2026-11-23' }),
  row('GET /plans/{planId}/reports/assessment/rule',                 [401, 200, 200,  403,  403,  403,  200]),
  // A weight above 100 is refused once past the access check.
  row('PUT /plans/{planId}/reports/assessment/rule',                 [401, 400, 400,  403,  403,  403,  403], { body: () => ({ onTimeWeight: 101, reportingWeight: 0, noticesWeight: 0, silencePenalty: 0 }) }),
  row('GET /reports/progress',                                       [401, 200, 200,  200,  403,  403,  200], { query: '?asOf=2026-11-23' }),
  row('GET /reports/overdue',                                        [401, 200, 200,  200,  403,  403,  200], { query: '?asOf=2026-11-23' }),

  // The workday calendar: everyone signed in reads it; offices (any plan) add holidays and make-up workdays.
  row('GET /calendar',                                               [401, 200, 200,  200,  200,  200,  200], { query: '?year=2026' }),
  row('PUT /calendar/days/{date}',                                   [401, 400, 400,  400,  403,  403,  403], { params: () => ({ date: '2026-12-31' }), body: () => ({ kind: 'vacation', name: '矩阵' }) }),
  row('DELETE /calendar/days/{date}',                                [401, 404, 404,  404,  403,  403,  403], { params: () => ({ date: '2026-12-31' }) }),
];

/** The routes of the OpenAPI document, as 'METHOD /path' without the /api/v1 prefix. */
export async function documentedRoutes(t: TestApp): Promise<string[]> {
  const doc = (await t.anon().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  const methods = ['get', 'post', 'put', 'patch', 'delete'];
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => methods.includes(m))
        .map((m) => `${m.toUpperCase()} ${path.slice('/api/v1'.length)}`),
    );
}

/**
 * The routes the server actually answers under /api/v1, read from Fastify's route tree (HEAD, added for every
 * GET, left out): a route kept out of the OpenAPI document still needs a matrix row.
 */
export function servedRoutes(t: TestApp): string[] {
  const tree = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    if (!path.startsWith('/api/v1/')) continue;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) routes.push(`${method} ${path.slice('/api/v1'.length)}`);
  }
  return routes;
}

export function url(c: Ctx, r: Row, who: Who): string {
  const values: Record<string, string | number> = { planId: c.plan, ...r.params?.(c, who) };
  const path = r.route.split(' ')[1].replace(/\{(\w+)\}/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`${r.route}: no value for {${name}}`);
    return String(values[name]);
  });
  return `/api/v1${path}${r.query ?? ''}`;
}

/** Signs every caller in once. */
export async function signIn(t: TestApp): Promise<Record<Who, string | null>> {
  const tokens = { anon: null } as Record<Who, string | null>;
  for (const who of WHO) if (who !== 'anon') tokens[who] = await login(t, who);
  return tokens;
}

function login(t: TestApp, who: Exclude<Who, 'anon'>): Promise<string> {
  return who === 'admin' ? t.login(TEST_ADMIN.username, TEST_ADMIN.password) : t.login(USERNAMES[who]);
}

/** Makes the row's call as this caller. */
export async function call(t: TestApp, c: Ctx, r: Row, who: Who, tokens: Record<Who, string | null>): Promise<request.Response> {
  const token = who !== 'anon' && r.freshToken ? await login(t, who) : tokens[who];
  const agent = token ? t.as(token) : t.anon();
  const method = r.route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const test = agent[method](url(c, r, who));
  if (r.file) return test.attach('file', r.file.bytes, r.file.name);
  return r.body ? test.send(r.body(c)) : test;
}

/** What a cell expects, compared with what came back: 'ok' stands for any answer past the access check. */
export function outcome(expected: Cell, status: number): Cell {
  if (expected === 'ok' && status !== 401 && status !== 403 && status < 500) return 'ok';
  return status;
}

interface Item {
  id: number;
  seq: number;
  milestones: { id: number; dueDate: string }[];
}

/** The seed ids every app has: Jiangjin, task 11 and its milestones, a project, indicator 3, two units, an account. */
export async function seedIds(
  t: TestApp,
): Promise<Pick<Ctx, 'plan' | 'task11' | 'm1' | 'm2' | 'project' | 'indicator3' | 'unitJxw' | 'unitSthj' | 'assignment' | 'userJxw'>> {
  const plan = await planId(t, 'jiangjin');
  const list = async (name: string) => (await t.http().get(`/api/v1/plans/${plan}/${name}?limit=100`).expect(200)).body.items as Item[];
  const task11 = (await list('tasks')).find((x) => x.seq === 11)!;
  const indicator3 = (await list('indicators')).find((x) => x.seq === 3)!;
  const project = (await list('projects'))[0];
  const units = (await t.http().get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as { id: number; name: string }[];
  const unitJxw = units.find((u) => u.name === '区经济信息委')!.id;
  const unitSthj = units.find((u) => u.name === '区生态环境局')!.id;
  const held = (
    await t
      .http()
      .get(`/api/v1/plans/${plan}/responsibilities?unit=${encodeURIComponent('区经济信息委')}`)
      .expect(200)
  ).body.items as {
    itemType: string;
    id: number;
    role: string;
    assignmentId: number;
  }[];
  const assignment = held.find((a) => a.itemType === 'task' && a.id === task11.id && a.role === 'lead')!.assignmentId;
  const users = (await t.http().get(`/api/v1/users?planId=${plan}`).expect(200)).body as { id: number; username: string }[];
  const userJxw = users.find((u) => u.username === 'jiangjin-jxw')!.id;
  const [m1, m2] = task11.milestones.map((m) => m.id);
  return { plan, task11: task11.id, m1, m2, project: project.id, indicator3: indicator3.id, unitJxw, unitSthj, assignment, userJxw };
}

/** The rows the matrix calls against: reports, a notice, extension requests and an indicator value on Jiangjin. */
export async function makeFixtures(t: TestApp, tokens: Record<Who, string | null>): Promise<Ctx> {
  const ids = await seedIds(t);
  const api = (path: string) => `/api/v1/plans/${ids.plan}${path}`;
  const office = t.as(tokens.office!);
  const lead = t.as(tokens.unitLead!);

  const draft = (await lead.post(api('/progress')).send({ itemType: 'task', itemId: ids.task11, state: 'in_progress' }).expect(201)).body.id as number;

  const accepted = (
    await lead.post(api('/progress')).send({ itemType: 'task', itemId: ids.task11, state: 'in_progress', narrative: '已完成2家绿色工厂创建。' }).expect(201)
  ).body.id as number;
  const withFile = await lead
    .post(api(`/progress/${accepted}/evidence`))
    .attach('file', PDF, '认定文件.pdf')
    .expect(201);
  const acceptedFile = (withFile.body.evidence as { id: number }[])[0].id;
  await lead.post(api(`/progress/${accepted}/submit`)).expect(200);
  await office
    .post(api(`/progress/${accepted}/accept`))
    .send({ comment: '属实' })
    .expect(200);

  const notice = (await office.post(api('/notices')).send({ itemType: 'task', itemId: ids.task11, content: '请报送绿色工厂创建进展' }).expect(201)).body
    .id as number;
  await lead
    .post(api(`/notices/${notice}/answer`))
    .send({ answer: '已报送' })
    .expect(200);

  const extRefused = (await lead.post(api('/extensions')).send({ milestoneId: ids.m1, requestedDueDate: '2024-12-31', reason: '认定批次推迟' }).expect(201))
    .body.id as number;
  await office
    .post(api(`/extensions/${extRefused}/refuse`))
    .send({ comment: '不予延期' })
    .expect(200);
  const extPending = (await lead.post(api('/extensions')).send({ milestoneId: ids.m2, requestedDueDate: '2026-06-30', reason: '园区改造推迟' }).expect(201))
    .body.id as number;

  await office
    .put(api(`/indicators/${ids.indicator3}/values/2023`))
    .send({ value: 96 })
    .expect(200);

  return { ...ids, draft, accepted, acceptedFile, notice, extPending, extRefused };
}
