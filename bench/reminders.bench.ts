/**
 * The reminder sweep over a national-scale data set (120 plans, 50,400 open milestones, 1,440 units) and the weekly
 * digest for 1,000 leaders, on Monday 2026-11-23 09:00 Asia/Shanghai. Each phase runs in its own process through the
 * real application (createApp), so wall time and peak memory are its own.
 *   npm run bench
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { createApp } from '../src/app.js';
import { User } from '../src/auth/user.entity.js';
import { loadConfig } from '../src/config/app-config.js';
import { openDatabase } from '../src/database/data-source.js';
import { Milestone } from '../src/deadlines/milestone.entity.js';
import { OutboxMessage } from '../src/outbox/outbox-message.entity.js';
import { Plan } from '../src/plans/plan.entity.js';
import { DigestService } from '../src/reminders/digest.service.js';
import { ReminderSweepService } from '../src/reminders/reminder-sweep.service.js';
import { Assignment } from '../src/responsibilities/assignment.entity.js';
import { Task } from '../src/tasks/task.entity.js';
import { Unit } from '../src/units/unit.entity.js';

const PLANS = 120;
const UNITS_PER_PLAN = 12;
const MILESTONES_PER_PLAN = 420;
const LEADERS = 1000;
const CLOCK = '2026-11-23T09:00:00+08:00';
const TODAY = Date.UTC(2026, 10, 23);

async function insert<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await dataSource.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 500)).updateEntity(false).callListeners(false).execute();
  }
}

/** Due dates from two years back to a year ahead, so every rule fires somewhere: ahead, due today, overdue. */
function dueDate(i: number): string {
  const offset = ((i * 37) % 1096) - 730;
  return new Date(TODAY + offset * 86_400_000).toISOString().slice(0, 10);
}

async function prepare(dir: string): Promise<void> {
  const dataSource = await openDatabase({ type: 'sqlite', path: join(dir, 'bench.sqlite') });
  await dataSource.transaction(async () => {
    const plans = Array.from({ length: PLANS }, (_, p) => ({
      key: null, name: `基准方案${p + 1}`, region: `基准区${p + 1}`, periodStart: '2024-01-01', periodEnd: '2027-12-31', baseYear: 2023, timeZone: 'Asia/Shanghai', source: null, published: false,
    }));
    await insert(dataSource, Plan, plans);
    const units: object[] = [];
    const tasks: object[] = [];
    for (let p = 1; p <= PLANS; p++) {
      for (let u = 1; u <= UNITS_PER_PLAN; u++) {
        units.push({ planId: p, name: `第${u}局`, aliases: [], kind: 'agency', liaisonName: `联络员${u}`, liaisonEmail: `p${p}-u${u}-liaison@example.org`, headName: `负责人${u}`, headEmail: `p${p}-u${u}-head@example.org` });
      }
      for (let t = 1; t <= MILESTONES_PER_PLAN; t++) tasks.push({ planId: p, seq: t, content: `第${t}项任务：推进工业固体废物源头减量`, deadlineText: null });
    }
    await insert(dataSource, Unit, units);
    await insert(dataSource, Task, tasks);
    const milestones: object[] = [];
    const assignments: object[] = [];
    for (let id = 1; id <= PLANS * MILESTONES_PER_PLAN; id++) {
      const planId = Math.ceil(id / MILESTONES_PER_PLAN);
      const unitBase = (planId - 1) * UNITS_PER_PLAN;
      milestones.push({ planId, itemType: 'task', itemId: id, seq: 1, dueDate: dueDate(id), kind: 'dated', phrase: '2025年底前', certain: true });
      assignments.push({ planId, itemType: 'task', itemId: id, unitId: unitBase + (id % UNITS_PER_PLAN) + 1, role: 'lead', position: 0 });
      assignments.push({ planId, itemType: 'task', itemId: id, unitId: unitBase + ((id + 5) % UNITS_PER_PLAN) + 1, role: 'support', position: 0 });
    }
    await insert(dataSource, Milestone, milestones);
    await insert(dataSource, Assignment, assignments);
    const leaders = Array.from({ length: LEADERS }, (_, k) => ({
      username: `leader${k + 1}`, displayName: `领导${k + 1}`, passwordHash: 'x'.repeat(60), role: 'leader', planId: (k % PLANS) + 1, unitId: null, email: `leader${k + 1}@example.org`, active: true,
    }));
    await insert(dataSource, User, leaders);
  });
  await dataSource.destroy();
}

async function phase(dir: string, name: 'sweep' | 'digest'): Promise<void> {
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, SEED: 'false', SCHEDULER: 'false', CLOCK, OUTBOX_DIR: join(dir, 'outbox') });
  const app = await createApp(config, { logger: false, docsUi: false });
  await app.init();
  const started = performance.now();
  let detail: string;
  if (name === 'sweep') {
    const results = await app.get(ReminderSweepService).sweepAll();
    detail = `${results.length} plans, ${PLANS * MILESTONES_PER_PLAN} open milestones, ${results.reduce((n, r) => n + r.written, 0)} messages written`;
  } else {
    const written = await app.get(DigestService).sweep();
    detail = `${LEADERS} leaders, ${written} digests written`;
  }
  const seconds = (performance.now() - started) / 1000;
  const total = await app.get(DataSource).getRepository(OutboxMessage).count();
  await app.close();
  console.log(JSON.stringify({ name, seconds, peakMb: process.resourceUsage().maxRSS / 1024, detail: `${detail}; outbox holds ${total}` }));
}

async function main(): Promise<void> {
  const [mode, dir, name] = process.argv.slice(2);
  if (mode === 'phase') return phase(dir, name as 'sweep' | 'digest');
  const work = mkdtempSync(join(tmpdir(), 'qingdan-bench-reminders-'));
  try {
    const prepared = performance.now();
    await prepare(work);
    console.log(`Reminder sweep and weekly digest, national scale (data set prepared in ${((performance.now() - prepared) / 1000).toFixed(1)} s), each in its own process`);
    const self = fileURLToPath(import.meta.url);
    for (const step of ['sweep', 'digest']) {
      const out = execFileSync(process.execPath, [self, 'phase', work, step], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const r = JSON.parse(out.trim().split('\n').pop()!) as { name: string; seconds: number; peakMb: number; detail: string };
      console.log(`${r.name.padEnd(7)} ${r.seconds.toFixed(2)} s   peak RSS ${r.peakMb.toFixed(0)} MB   (${r.detail})`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
