import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type DataSource, In } from 'typeorm';
import type { Role } from '../auth/role.js';
import { hashPassword } from '../auth/secrets.js';
import { recordBatch } from '../audit/audit-recorder.js';
import { executeOn } from '../database/raw-sql.js';
import { User } from '../auth/user.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { SEEDS_DIR } from './seed-files.js';

interface DemoUsersFile {
  password: string;
  users: { username: string; displayName: string; role: Role; plan: string; unit?: string; email?: string }[];
  /** Every unit (not group names) of each seed plan gets a demo liaison and head at this domain. */
  demoUnitContacts?: { domain: string };
}

/**
 * Loads seeds/demo-users.json: demo accounts of the seed plans, all with one documented password.
 * A user name that exists is left alone; a plan that is not loaded is skipped. Returns the names created.
 */
export async function loadDemoUsers(dataSource: DataSource, dir = SEEDS_DIR): Promise<string[]> {
  return (await prepareDemoUsers(dataSource, dir))?.load() ?? [];
}

/**
 * Reads seeds/demo-users.json (null when there is none) and, when a demo user is missing (the first start), starts
 * hashing the password (scrypt, about 200 ms on libuv's thread pool), so that the hash is worked out while the seed
 * plans load; `load()` then creates the users. With every demo user there, no start pays for a hash.
 */
export async function prepareDemoUsers(dataSource: DataSource, dir = SEEDS_DIR): Promise<{ load: () => Promise<string[]> } | null> {
  const file = join(dir, 'demo-users.json');
  if (!existsSync(file)) return null;
  const demo = JSON.parse(readFileSync(file, 'utf8')) as DemoUsersFile;
  const existing = await dataSource.getRepository(User).countBy({ username: In(demo.users.map((u) => u.username)) });
  let hashing = existing < demo.users.length ? hashPassword(demo.password) : null;
  const passwordHash = () => (hashing ??= hashPassword(demo.password));
  return { load: () => createDemoUsers(dataSource, demo, passwordHash) };
}

async function createDemoUsers(dataSource: DataSource, demo: DemoUsersFile, passwordHash: () => Promise<string>): Promise<string[]> {
  const created: string[] = [];
  await dataSource.transaction(async (manager) => {
    for (const entry of demo.users) {
      const existing = await manager.findOneBy(User, { username: entry.username });
      if (existing) {
        if (!existing.email && entry.email) await manager.update(User, { id: existing.id }, { email: entry.email });
        continue;
      }
      const plan = await manager.findOneBy(Plan, { key: entry.plan });
      if (!plan) continue;
      const unit = entry.unit ? await manager.findOneBy(Unit, { planId: plan.id, name: entry.unit }) : null;
      if (entry.unit && !unit) throw new Error(`demo-users.json: plan ${entry.plan} has no unit "${entry.unit}"`);
      await manager.save(User, {
        username: entry.username,
        displayName: entry.displayName,
        passwordHash: await passwordHash(),
        role: entry.role,
        planId: plan.id,
        unitId: unit?.id ?? null,
        email: entry.email ?? null,
        active: true,
      });
      created.push(entry.username);
    }
  });
  if (created.length) Logger.log(`Demo users created (password in seeds/demo-users.json, demo only): ${created.join(', ')}`, 'Seed');
  if (demo.demoUnitContacts) await loadDemoUnitContacts(dataSource, demo.demoUnitContacts.domain);
  return created;
}

/**
 * Gives every unit of the seed plans a demo liaison and head (`<plan>-u<unit id>-liaison@<domain>`), so a fresh start
 * shows real reminders. A contact the office has set is never overwritten; group names (各镇街) get none.
 */
export async function loadDemoUnitContacts(dataSource: DataSource, domain: string): Promise<number> {
  let filled = 0;
  await dataSource.transaction(async (manager) => {
    const execute = executeOn(manager);
    const plans = (await manager.find(Plan, { order: { id: 'ASC' } })).filter((p) => p.key !== null);
    for (const plan of plans) {
      const units = await manager.find(Unit, { where: { planId: plan.id }, order: { id: 'ASC' } });
      const ids: number[] = [];
      // Plain statements and one audit entry per plan (as a bulk update gets), not an update and an entry per unit.
      for (const unit of units) {
        if (unit.kind === 'group' || (unit.liaisonEmail && unit.headEmail)) continue;
        await execute(
          `UPDATE units SET "liaisonName" = ?, "liaisonEmail" = ?, "headName" = ?, "headEmail" = ?, version = version + 1, "updatedAt" = CURRENT_TIMESTAMP WHERE id = ?`,
          [
            unit.liaisonEmail ? unit.liaisonName : `${unit.name}联络员（演示）`,
            unit.liaisonEmail ?? `${plan.key}-u${unit.id}-liaison@${domain}`,
            unit.headEmail ? unit.headName : `${unit.name}负责人（演示）`,
            unit.headEmail ?? `${plan.key}-u${unit.id}-head@${domain}`,
            unit.id,
          ],
        );
        ids.push(unit.id);
      }
      if (!ids.length) continue;
      await recordBatch(manager, 'update', Unit, plan.id, { source: 'demo', count: ids.length, ids });
      filled += ids.length;
    }
  });
  if (filled) Logger.log(`Demo contacts (example addresses, demo only) given to ${filled} unit(s)`, 'Seed');
  return filled;
}
