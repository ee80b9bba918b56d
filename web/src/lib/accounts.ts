// Pure rules of the account and plan forms (账号管理, 建设方案): which roles and plans a manager may choose, what the
// service will refuse before it is asked (its own Chinese messages come back beside the same fields), the bodies of
// POST/PATCH /users and /plans, and which fields an edit changed. The service holds the rules (src/auth/users.service.ts,
// src/plans/plans.service.ts); this mirrors them for the form.
import type { UserAccount } from '../api/models.js';
import type { Role } from './roles.js';

export interface Manager {
  role: Role;
  /** The plan the manager is bound to (an office of one plan); null: all plans. */
  planId: number | null;
}

/** The roles a manager may give: an office only unit and leader accounts; the admin every role. */
export function creatableRoles(manager: Manager): Role[] {
  if (manager.role === 'admin') return ['unit', 'leader', 'office', 'admin'];
  if (manager.role === 'office') return ['unit', 'leader'];
  return [];
}

/** Whether the form asks for a plan: an admin account belongs to no plan; an office bound to one plan gives its own. */
export function asksPlan(manager: Manager, role: Role): boolean {
  return role !== 'admin' && manager.planId === null;
}

/** A unit account belongs to one unit of the plan; no other role has a unit. */
export function asksUnit(role: Role): boolean {
  return role === 'unit';
}

/** The plan whose units and accounts the form works on: the manager's own, or the one chosen. */
export function effectivePlan(manager: Manager, chosen: number | null): number | null {
  return manager.planId ?? chosen;
}

export interface AccountForm {
  role: Role;
  username: string;
  displayName: string;
  password: string;
  planId: number | null;
  unitId: number | null;
  email: string;
}

export function emptyAccountForm(manager: Manager): AccountForm {
  return { role: creatableRoles(manager)[0] ?? 'unit', username: '', displayName: '', password: '', planId: manager.planId, unitId: null, email: '' };
}

export const USERNAME_RULE = /^[A-Za-z0-9._@-]{2,64}$/;
export const PASSWORD_MIN = 8;

/** What the service would refuse, found before asking it, by field (empty: nothing). */
export function accountProblems(form: AccountForm, manager: Manager): Record<string, string> {
  const problems: Record<string, string> = {};
  const username = form.username.trim();
  if (!username) problems.username = '请填写用户名';
  else if (!USERNAME_RULE.test(username)) problems.username = '用户名只能用字母、数字和 . _ @ -（2-64个字符）';
  const password = passwordProblem(form.password);
  if (password) problems.password = password;
  if (!creatableRoles(manager).includes(form.role)) problems.role = '无废办只能建立责任单位和领导账号';
  if (asksUnit(form.role) && form.unitId === null) problems.unitId = '责任单位账号必须指定所属单位';
  if (asksUnit(form.role) && asksPlan(manager, form.role) && form.planId === null) problems.planId = '请先选择方案，再选择单位';
  return problems;
}

export function passwordProblem(password: string): string | null {
  if (!password) return '请填写密码';
  if (password.length < PASSWORD_MIN) return `密码至少${PASSWORD_MIN}个字符`;
  if (password.length > 200) return '密码不能超过200个字符';
  return null;
}

export interface CreateUserBody {
  username: string;
  password: string;
  role: Role;
  displayName?: string;
  planId?: number;
  unitId?: number;
  email?: string;
}

/**
 * The body of POST /users. An office bound to a plan sends no plan (the service gives its own); a unit account sends
 * its unit (the unit decides the plan); an admin account neither.
 */
export function createBody(form: AccountForm, manager: Manager): CreateUserBody {
  const body: CreateUserBody = { username: form.username.trim(), password: form.password, role: form.role };
  const displayName = form.displayName.trim();
  if (displayName) body.displayName = displayName;
  const email = form.email.trim();
  if (email) body.email = email;
  if (asksUnit(form.role) && form.unitId !== null) body.unitId = form.unitId;
  else if (asksPlan(manager, form.role) && form.planId !== null) body.planId = form.planId;
  return body;
}

/** An account as GET /users lists it. */
export type AccountRow = UserAccount;

/** The body of PATCH /users/:id for the fields an edit changed, with the version read; null when nothing changed. */
export function accountChanges(
  row: AccountRow,
  form: { displayName: string; email: string },
): { version: number; displayName?: string; email?: string } | null {
  const changes: { displayName?: string; email?: string } = {};
  const displayName = form.displayName.trim();
  if (displayName !== row.displayName) changes.displayName = displayName;
  const email = form.email.trim();
  // The API cannot empty an e-mail (it must be an address): a cleared field is left as it was.
  if (email && email !== (row.email ?? '')) changes.email = email;
  return Object.keys(changes).length ? { version: row.version, ...changes } : null;
}

/** A manager cannot switch off their own account (they would lock themselves out). */
export function mayToggle(row: AccountRow, myId: number | null): boolean {
  return row.id !== myId;
}

export interface AccountFilter {
  role: Role | '';
  keyword: string;
  active: '' | 'active' | 'inactive';
}

/** The rows a filter keeps: role, active or not, and a keyword in the user name or display name. */
export function filterAccounts<T extends AccountRow>(rows: readonly T[], filter: AccountFilter): T[] {
  const keyword = filter.keyword.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!filter.role || r.role === filter.role) &&
      (!filter.active || r.active === (filter.active === 'active')) &&
      (!keyword || r.username.toLowerCase().includes(keyword) || r.displayName.toLowerCase().includes(keyword)),
  );
}

// Letters and digits a person reads out over the phone without confusion (no 0/O, 1/l/I).
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A password to give a new account or a reset: 12 characters from `random` (values 0..1), e.g. crypto-backed. */
export function suggestPassword(random: () => number, length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[Math.floor(random() * PASSWORD_ALPHABET.length) % PASSWORD_ALPHABET.length];
  return out;
}

/** Random numbers 0..1 from the browser's crypto (not Math.random) for passwords. */
export function cryptoRandom(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0] / 2 ** 32;
}

// Plans (建设方案).

/** Only the admin or an office not limited to one plan starts a new plan; the office of a plan edits and publishes it. */
export function mayCreatePlan(manager: Manager): boolean {
  return (manager.role === 'admin' || manager.role === 'office') && manager.planId === null;
}

export function mayEditPlan(manager: Manager, planId: number): boolean {
  if (manager.role === 'admin') return true;
  return manager.role === 'office' && (manager.planId === null || manager.planId === planId);
}

export interface PlanForm {
  name: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  baseYear: number | null;
  timeZone: string;
  source: string;
}

export interface PlanLike {
  name: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  baseYear: number | null;
  timeZone: string;
  source: string | null;
  version: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function emptyPlanForm(): PlanForm {
  return { name: '', region: '', periodStart: '', periodEnd: '', baseYear: null, timeZone: DEFAULT_TIME_ZONE, source: '' };
}

export function planFormOf(plan: PlanLike): PlanForm {
  return {
    name: plan.name,
    region: plan.region,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    baseYear: plan.baseYear,
    timeZone: plan.timeZone,
    source: plan.source ?? '',
  };
}

/** What the service would refuse in a plan form, by field. */
export function planProblems(form: PlanForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = '请填写方案名称';
  if (!form.region.trim()) problems.region = '请填写地区';
  if (!form.periodStart) problems.periodStart = '请选择规划期开始日期';
  if (!form.periodEnd) problems.periodEnd = '请选择规划期结束日期';
  if (form.periodStart && form.periodEnd && form.periodStart > form.periodEnd) {
    problems.periodEnd = `规划期结束日期${form.periodEnd}早于开始日期${form.periodStart}`;
  }
  if (form.baseYear !== null && (!Number.isInteger(form.baseYear) || form.baseYear < 1990 || form.baseYear > 2100))
    problems.baseYear = '基准年应在1990至2100之间';
  return problems;
}

export interface PlanBody {
  name: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  baseYear?: number | null;
  timeZone?: string;
  source?: string;
}

/** The body of POST /plans. */
export function planCreateBody(form: PlanForm): PlanBody {
  const body: PlanBody = { name: form.name.trim(), region: form.region.trim(), periodStart: form.periodStart, periodEnd: form.periodEnd };
  if (form.baseYear !== null) body.baseYear = form.baseYear;
  if (form.timeZone.trim()) body.timeZone = form.timeZone.trim();
  if (form.source.trim()) body.source = form.source.trim();
  return body;
}

/** The body of PATCH /plans/:id for what changed, with the version read; null when nothing changed. */
export function planChanges(plan: PlanLike, form: PlanForm): (Partial<PlanBody> & { version: number }) | null {
  const next = planCreateBody(form);
  const changes: Partial<PlanBody> = {};
  if (next.name !== plan.name) changes.name = next.name;
  if (next.region !== plan.region) changes.region = next.region;
  if (next.periodStart !== plan.periodStart) changes.periodStart = next.periodStart;
  if (next.periodEnd !== plan.periodEnd) changes.periodEnd = next.periodEnd;
  if (form.baseYear !== plan.baseYear) changes.baseYear = form.baseYear;
  if (next.timeZone && next.timeZone !== plan.timeZone) changes.timeZone = next.timeZone;
  if ((next.source ?? '') !== (plan.source ?? '')) changes.source = next.source ?? '';
  return Object.keys(changes).length ? { version: plan.version, ...changes } : null;
}
