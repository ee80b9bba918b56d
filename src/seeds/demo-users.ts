import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Role } from '../auth/role.js';
import { hashPassword } from '../auth/secrets.js';
import { User } from '../auth/user.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { SEEDS_DIR } from './seed-files.js';

interface DemoUsersFile {
  password: string;
  users: { username: string; displayName: string; role: Role; plan: string; unit?: string }[];
}

/**
 * Loads seeds/demo-users.json: demo accounts of the seed plans, all with one documented password.
 * A user name that exists is left alone; a plan that is not loaded is skipped. Returns the names created.
 */
export async function loadDemoUsers(dataSource: DataSource, dir = SEEDS_DIR): Promise<string[]> {
  const file = join(dir, 'demo-users.json');
  if (!existsSync(file)) return [];
  const demo = JSON.parse(readFileSync(file, 'utf8')) as DemoUsersFile;
  const created: string[] = [];
  await dataSource.transaction(async (manager) => {
    const passwordHash = await hashPassword(demo.password);
    for (const entry of demo.users) {
      if (await manager.existsBy(User, { username: entry.username })) continue;
      const plan = await manager.findOneBy(Plan, { key: entry.plan });
      if (!plan) continue;
      const unit = entry.unit ? await manager.findOneBy(Unit, { planId: plan.id, name: entry.unit }) : null;
      if (entry.unit && !unit) throw new Error(`demo-users.json: plan ${entry.plan} has no unit "${entry.unit}"`);
      await manager.save(User, {
        username: entry.username,
        displayName: entry.displayName,
        passwordHash,
        role: entry.role,
        planId: plan.id,
        unitId: unit?.id ?? null,
        email: null,
        active: true,
      });
      created.push(entry.username);
    }
  });
  if (created.length) Logger.log(`Demo users created (password in seeds/demo-users.json, demo only): ${created.join(', ')}`, 'Seed');
  return created;
}
