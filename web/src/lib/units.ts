// 单位与联系人: the office's forms for a plan's units (name, kind, aliases; the liaison and head kept on the unit) and
// their other contacts (emails, supervising leaders, WeCom/DingTalk robots). Pure functions from form values to
// request bodies; the page only renders them.
import { changesOf, reapply, type FieldSpec } from './edit-conflict.js';

export type UnitKind = 'agency' | 'company' | 'group';
export const UNIT_KIND_NAMES: Record<UnitKind, string> = { agency: '机关部门', company: '企业', group: '统称（如“各相关企业”）' };

/** A unit as GET /plans/:planId/units answers it. */
export interface Unit {
  id: number;
  version: number;
  name: string;
  aliases: string[];
  kind: UnitKind;
  liaisonName: string | null;
  liaisonPhone: string | null;
  liaisonEmail: string | null;
  headName: string | null;
  headPhone: string | null;
  headEmail: string | null;
}

/** A leadership or working group with its lead and member units (the list answer's `groups`). */
export interface UnitGroup {
  id: number;
  name: string;
  kind: 'leadership' | 'office' | 'working';
  leader: string | null;
  duties: string;
  leadUnits: { id: number; name: string }[];
  memberUnits: { id: number; name: string }[];
}
export const GROUP_KIND_NAMES: Record<UnitGroup['kind'], string> = { leadership: '领导小组', office: '办公室', working: '工作组' };

export type ContactRole = 'liaison' | 'head' | 'leader' | 'group';
export type Channel = 'email' | 'wecom' | 'dingtalk';
export const CONTACT_ROLE_NAMES: Record<ContactRole, string> = { liaison: '联络员', head: '负责人', leader: '分管领导', group: '单位工作群' };
export const CHANNEL_NAMES: Record<Channel, string> = { email: '邮箱', wecom: '企业微信群机器人', dingtalk: '钉钉群机器人' };

/** A contact as the API shows it: a robot's address has its key cut short (masked). */
export interface Contact {
  id: number;
  version: number;
  unitId: number;
  role: ContactRole;
  channel: Channel;
  name: string;
  address: string;
}

// ---- the unit: name, kind, aliases ----

export interface UnitForm {
  name: string;
  kind: UnitKind;
  aliases: string[];
}
export const UNIT_FIELDS: readonly FieldSpec<UnitForm>[] = [
  { key: 'name', label: '单位名称' },
  { key: 'kind', label: '类型' },
  { key: 'aliases', label: '别名' },
];

export const emptyUnitForm = (): UnitForm => ({ name: '', kind: 'agency', aliases: [] });
export const unitFormOf = (u: Unit): UnitForm => ({ name: u.name, kind: u.kind, aliases: [...u.aliases] });

/**
 * The alias tags as the service should get them: a tag typed as "甲、乙" (or with ，,；; or line breaks) is two aliases;
 * each trimmed, blanks, repeats and the unit's own name left out, in the order typed.
 */
export function cleanAliases(tags: readonly string[], name = ''): string[] {
  const seen = new Set<string>([name.trim()]);
  const aliases: string[] = [];
  for (const tag of tags) {
    for (const part of tag.split(/[、，,；;\n\r]+/)) {
      const alias = part.trim();
      if (!alias || seen.has(alias)) continue;
      seen.add(alias);
      aliases.push(alias);
    }
  }
  return aliases;
}

/** The body of POST /plans/:planId/units. */
export function unitCreateBody(form: UnitForm): { name: string; kind: UnitKind; aliases: string[] } {
  const name = form.name.trim();
  return { name, kind: form.kind, aliases: cleanAliases(form.aliases, name) };
}

const normalUnit = (f: UnitForm): UnitForm => ({ ...unitCreateBody(f) });

/** The body of PATCH /plans/:planId/units/:id: only what changed since `base` was read, with its version; null when nothing changed. */
export function unitPatchBody(base: UnitForm, now: UnitForm, version: number): (Partial<UnitForm> & { version: number }) | null {
  const changes = changesOf(UNIT_FIELDS, normalUnit(base), normalUnit(now));
  return Object.keys(changes).length ? { ...changes, version } : null;
}

/** After a 409: the unit as stored now, with the user's own changes (since `base`) put back, ready to save again. */
export function rebaseUnit(base: UnitForm, mine: UnitForm, current: Unit): UnitForm {
  return reapply(UNIT_FIELDS, normalUnit(base), normalUnit(mine), unitFormOf(current));
}

/** Does the unit's name or one of its aliases contain the words searched (blank: every unit)? */
export function matchesUnit(unit: Pick<Unit, 'name' | 'aliases'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [unit.name, ...unit.aliases].some((n) => n.toLowerCase().includes(q));
}

/** The alias that matched the search, to show why a unit was found (null when its name matched, or no search). */
export function matchedAlias(unit: Pick<Unit, 'name' | 'aliases'>, query: string): string | null {
  const q = query.trim().toLowerCase();
  if (!q || unit.name.toLowerCase().includes(q)) return null;
  return unit.aliases.find((a) => a.toLowerCase().includes(q)) ?? null;
}

// ---- the liaison and head kept on the unit ----

export interface PeopleForm {
  liaisonName: string;
  liaisonPhone: string;
  liaisonEmail: string;
  headName: string;
  headPhone: string;
  headEmail: string;
}
export const PEOPLE_FIELDS: readonly FieldSpec<PeopleForm>[] = [
  { key: 'liaisonName', label: '联络员姓名' },
  { key: 'liaisonPhone', label: '联络员电话' },
  { key: 'liaisonEmail', label: '联络员邮箱' },
  { key: 'headName', label: '负责人姓名' },
  { key: 'headPhone', label: '负责人电话' },
  { key: 'headEmail', label: '负责人邮箱' },
];

export function peopleFormOf(u: Unit): PeopleForm {
  return {
    liaisonName: u.liaisonName ?? '',
    liaisonPhone: u.liaisonPhone ?? '',
    liaisonEmail: u.liaisonEmail ?? '',
    headName: u.headName ?? '',
    headPhone: u.headPhone ?? '',
    headEmail: u.headEmail ?? '',
  };
}

const trimmedPeople = (f: PeopleForm): PeopleForm => Object.fromEntries(PEOPLE_FIELDS.map(({ key }) => [key, f[key].trim()])) as unknown as PeopleForm;

/** The body of PATCH /plans/:planId/units/:id for the liaison and head: changed fields only, a cleared one as null; null when nothing changed. */
export function peoplePatchBody(
  base: PeopleForm,
  now: PeopleForm,
  version: number,
): ({ [K in keyof PeopleForm]?: string | null } & { version: number }) | null {
  const changes = changesOf(PEOPLE_FIELDS, trimmedPeople(base), trimmedPeople(now));
  const keys = Object.keys(changes) as (keyof PeopleForm)[];
  if (!keys.length) return null;
  const body: { [K in keyof PeopleForm]?: string | null } & { version: number } = { version };
  for (const key of keys) body[key] = changes[key] || null;
  return body;
}

/** After a 409 on the liaison and head: the stored values with the user's own changes put back. */
export function rebasePeople(base: PeopleForm, mine: PeopleForm, current: Unit): PeopleForm {
  return reapply(PEOPLE_FIELDS, trimmedPeople(base), trimmedPeople(mine), peopleFormOf(current));
}

// ---- other contacts ----

export interface ContactForm {
  role: ContactRole;
  channel: Channel;
  name: string;
  /** An email address or a robot's webhook URL; when editing a robot, blank keeps the stored one (the API shows it masked). */
  address: string;
}

export const emptyContactForm = (): ContactForm => ({ role: 'liaison', channel: 'email', name: '', address: '' });

/** The form to edit a contact: a robot's address starts blank (the stored key is never shown, so never retyped). */
export function contactFormOf(c: Contact): ContactForm {
  return { role: c.role, channel: c.channel, name: c.name, address: c.channel === 'email' ? c.address : '' };
}

export const isRobot = (channel: Channel): boolean => channel !== 'email';

/** The body of POST /plans/:planId/units/:id/contacts. */
export function contactCreateBody(form: ContactForm): { role: ContactRole; channel: Channel; name?: string; address: string } {
  const name = form.name.trim();
  return { role: form.role, channel: form.channel, ...(name ? { name } : {}), address: form.address.trim() };
}

/**
 * The body of PATCH /plans/:planId/units/:id/contacts/:contactId: what changed, with the version. A robot's address
 * is sent only when a new one was typed (blank keeps the stored key); null when nothing changed.
 */
export function contactPatchBody(
  original: Contact,
  form: ContactForm,
): { version: number; role?: ContactRole; channel?: Channel; name?: string; address?: string } | null {
  const body: { version: number; role?: ContactRole; channel?: Channel; name?: string; address?: string } = { version: original.version };
  if (form.role !== original.role) body.role = form.role;
  if (form.channel !== original.channel) body.channel = form.channel;
  if (form.name.trim() !== original.name) body.name = form.name.trim();
  const address = form.address.trim();
  if (address && !(original.channel === 'email' && address === original.address)) body.address = address;
  return Object.keys(body).length > 1 ? body : null;
}

/** A problem the form can tell before asking the service (the service still checks everything), by field. */
export function contactFormProblems(form: ContactForm, editing: Contact | null): Record<string, string> {
  const problems: Record<string, string> = {};
  const keepsRobot = editing !== null && isRobot(editing.channel) && form.channel === editing.channel;
  if (!form.address.trim() && !keepsRobot) {
    problems.address = isRobot(form.channel) ? '请填写群机器人的 webhook 地址' : '请填写邮箱地址';
  }
  return problems;
}

/** A 409 because someone saved the row since it was read (not a clash of names): the answer names `version`. */
export const isStale = (status: number, fields: readonly { field: string }[]): boolean => status === 409 && fields.some((f) => f.field === 'version');

/** The service's per-field messages (ApiError.fields) by field, for :error beside each form item; others under `_`. */
export function fieldProblems(
  fields: readonly { field: string; message: string }[],
  known: readonly string[],
  whole: string,
  status = 400,
): Record<string, string> {
  const problems: Record<string, string> = {};
  // A clash (409: the name is another unit's, the contact exists) says in its whole message which one; the field's own is only "重复".
  for (const f of status === 409 ? fields.map((x) => ({ field: x.field, message: whole })) : fields) {
    const top = f.field.split('.')[0];
    const key = known.includes(top) ? top : '_';
    problems[key] = problems[key] ? `${problems[key]}；${f.message}` : f.message;
  }
  if (problems._ || !Object.keys(problems).length) problems._ = whole;
  return problems;
}
