import type { User } from '../auth/user.entity.js';
import type { Channel, UnitContact } from '../units/unit-contact.entity.js';
import type { Unit } from '../units/unit.entity.js';
import type { ReminderContent } from './reminder-types.js';

export type Audience = ReminderContent['audience'];

/** Someone (or a chat group) a message goes to. */
export interface Recipient {
  channel: Channel;
  /** Email address or webhook URL. */
  address: string;
  name: string;
  audience: Audience;
  /** The unit it hears for; null for the office and the plan's leaders. */
  unitId: number | null;
}

/** What a unit's recipients are found from: its name and the addresses kept on it. */
export type UnitAddresses = Pick<Unit, 'id' | 'name' | 'liaisonName' | 'liaisonEmail' | 'headName' | 'headEmail'>;
/** A contact added to a unit (a second email, the supervising leader, a chat group's robot). */
export type UnitContactAddress = Pick<UnitContact, 'unitId' | 'role' | 'channel' | 'address' | 'name'>;

/** The recipient part of an outbox key: channel and address (emails compared without case). */
export function recipientKey(r: Pick<Recipient, 'channel' | 'address'>): string {
  return `${r.channel}:${r.channel === 'email' ? r.address.toLowerCase() : r.address}`;
}

/**
 * Who hears for a unit at one level: the liaison or the head (the address kept on the unit, then the
 * contacts added for that role), and at both levels the unit's chat groups. Level 'leader' is the
 * supervising leader (分管领导) contacts only.
 */
export function unitRecipients(unit: UnitAddresses, contacts: Omit<UnitContactAddress, 'unitId'>[], level: 'liaison' | 'head' | 'leader'): Recipient[] {
  const found: Recipient[] = [];
  const own =
    level === 'liaison' ? { name: unit.liaisonName, email: unit.liaisonEmail } : level === 'head' ? { name: unit.headName, email: unit.headEmail } : null;
  if (own?.email) found.push({ channel: 'email', address: own.email, name: own.name ?? '', audience: level, unitId: unit.id });
  for (const c of contacts) {
    if (c.role === level) found.push({ channel: c.channel, address: c.address, name: c.name, audience: level, unitId: unit.id });
    else if (c.role === 'group' && level !== 'leader')
      found.push({ channel: c.channel, address: c.address, name: c.name || `${unit.name}工作群`, audience: 'group', unitId: unit.id });
  }
  return unique(found);
}

/** Office or leader accounts as recipients. */
export function userRecipients(users: Pick<User, 'email' | 'displayName'>[], audience: 'office' | 'leader'): Recipient[] {
  return unique(users.filter((u) => u.email).map((u) => ({ channel: 'email' as const, address: u.email!, name: u.displayName, audience, unitId: null })));
}

function unique(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = recipientKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
