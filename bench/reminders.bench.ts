/**
 * The reminder sweep over a national-scale data set (120 plans, 50,400 open milestones on tasks, projects and
 * indicators, 1,440 units) and the weekly digest for 1,000 leaders, on Monday 2026-11-23 09:00 Asia/Shanghai.
 * Due dates run from two years back to a year ahead, so on that Monday every milestone rule fires somewhere
 * (30/7/1 days ahead, due today, first overdue day, weekly overdue, escalation). Each phase runs in its own
 * process through the real application (createApp), so wall time and peak memory are its own.
 *   npm run bench
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { createApp } from '../src/app.js';
import { User } from '../src/auth/user.entity.js';
import { loadConfig } from '../src/config/app-config.js';
import { openDatabase } from '../src/database/data-source.js';
import { Milestone } from '../src/deadlines/milestone.entity.js';
import { Indicator } from '../src/lists/indicators/indicator.entity.js';
import { OutboxMessage } from '../src/outbox/outbox-message.entity.js';
import { Plan } from '../src/plans/plan.entity.js';
import { Project } from '../src/lists/projects/project.entity.js';
import { DigestService } from '../src/reminders/digest.service.js';
import { ReminderSweepService } from '../src/reminders/reminder-sweep.service.js';
import { Assignment } from '../src/lists/assignment.entity.js';
import { Task } from '../src/lists/tasks/task.entity.js';
import { UnitContact } from '../src/units/unit-contact.entity.js';
import { Unit } from '../src/units/unit.entity.js';
import { ownPeakMb } from './service-process.js';
import { createPostgresDatabase, type Engine, ENGINES, type PostgresDatabase, settleAfterLoad } from './bench-engines.js';

const PLANS = 120;
const UNITS_PER_PLAN = 12;
/** Per plan: 240 tasks (every other one with two milestones), 40 projects (one), 10 indicators (two): 420 milestones. */
const TASKS = 240;
const PROJECTS = 40;
const INDICATORS = 10;
const MILESTONES_PER_PLAN = TASKS * 1.5 + PROJECTS + INDICATORS * 2;
const LEADERS = 1000;
const CLOCK = '2026-11-23T09:00:00+08:00';
/** Each phase, on each engine (issue 19). */
const TARGET = { seconds: 3, peakMb: 250 };
const TODAY = Date.UTC(2026, 10, 23);

type Phase = 'sweep' | 'digest';
interface PhaseResult {
  name: Phase;
  seconds: number;
  peakMb: number;
  detail: string;
}

async function insert<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 500))
      .updateEntity(false)
      .callListeners(false)
      .execute();
  }
}

/** The n-th due date: 37 and 1,096 are coprime, so n walks every day from 730 days back to 365 ahead. */
function dueDate(n: number): string {
  const offset = ((n * 37) % 1096) - 730;
  return new Date(TODAY + offset * 86_400_000).toISOString().slice(0, 10);
}

function phrase(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日前`;
}

async function prepare(databaseUrl: string): Promise<void> {
  const dataSource = await openDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database);
  await dataSource.transaction(async (manager) => {
    const plans = Array.from({ length: PLANS }, (_, p) => ({
      key: null,
      name: `基准方案${p + 1}`,
      region: `基准区${p + 1}`,
      periodStart: '2024-01-01',
      periodEnd: '2027-12-31',
      baseYear: 2023,
      timeZone: 'Asia/Shanghai',
      source: null,
      published: false,
    }));
    await insert(manager, Plan, plans);
    const units: object[] = [];
    const contacts: object[] = [];
    const tasks: object[] = [];
    const projects: object[] = [];
    const indicators: object[] = [];
    const milestones: object[] = [];
    const assignments: object[] = [];
    let n = 0;
    // Ids are 1, 2, 3 … in insertion order on fresh tables, so items and units can be referred to before insertion.
    const item = (planId: number, itemType: 'task' | 'project' | 'indicator', itemId: number, count: number) => {
      const dates = Array.from({ length: count }, () => dueDate(++n)).sort();
      dates.forEach((date, i) => milestones.push({ planId, itemType, itemId, seq: i + 1, dueDate: date, kind: 'dated', phrase: phrase(date), certain: true }));
      const unitBase = (planId - 1) * UNITS_PER_PLAN;
      const lead = itemId % UNITS_PER_PLAN;
      assignments.push({ planId, itemType, itemId, unitId: unitBase + lead + 1, role: 'lead', position: 0 });
      assignments.push({ planId, itemType, itemId, unitId: unitBase + ((lead + 5) % UNITS_PER_PLAN) + 1, role: 'support', position: 0 });
      if (itemId % 5 === 0) assignments.push({ planId, itemType, itemId, unitId: unitBase + ((lead + 7) % UNITS_PER_PLAN) + 1, role: 'support', position: 1 });
    };
    for (let p = 1; p <= PLANS; p++) {
      for (let u = 1; u <= UNITS_PER_PLAN; u++) {
        const unitId = (p - 1) * UNITS_PER_PLAN + u;
        units.push({
          planId: p,
          name: `第${u}局`,
          aliases: [],
          kind: 'agency',
          liaisonName: `联络员${u}`,
          liaisonEmail: `p${p}-u${u}-liaison@example.org`,
          headName: `负责人${u}`,
          headEmail: `p${p}-u${u}-head@example.org`,
        });
        contacts.push({ planId: p, unitId, role: 'leader', channel: 'email', name: `分管领导${u}`, address: `p${p}-u${u}-leader@example.org` });
        if (u % 4 === 0)
          contacts.push({ planId: p, unitId, role: 'group', channel: 'wecom', name: '', address: `http://127.0.0.1:9/cgi-bin/webhook/send?key=p${p}-u${u}` });
      }
      for (let t = 1; t <= TASKS; t++) {
        tasks.push({ planId: p, seq: t, content: `第${t}项任务：推进工业固体废物源头减量，建立健全管理台账`, deadlineText: null });
        item(p, 'task', (p - 1) * TASKS + t, t % 2 ? 2 : 1);
      }
      for (let j = 1; j <= PROJECTS; j++) {
        projects.push({
          planId: p,
          seq: j,
          category: '工程项目',
          name: `第${j}个资源化利用项目`,
          content: '',
          investment: 1000 + j,
          fundingSource: '',
          deadlineText: null,
        });
        item(p, 'project', (p - 1) * PROJECTS + j, 1);
      }
      for (let k = 1; k <= INDICATORS; k++) {
        indicators.push({
          planId: p,
          seq: k,
          level1: '固体废物源头减量',
          level2: '',
          name: `第${k}项指标`,
          unit: '%',
          direction: 'higher',
          targets: [],
          baselineText: '',
        });
        item(p, 'indicator', (p - 1) * INDICATORS + k, 2);
      }
    }
    await insert(manager, Unit, units);
    await insert(manager, UnitContact, contacts);
    await insert(manager, Task, tasks);
    await insert(manager, Project, projects);
    await insert(manager, Indicator, indicators);
    await insert(manager, Milestone, milestones);
    await insert(manager, Assignment, assignments);
    const office = Array.from({ length: PLANS }, (_, p) => ({
      username: `office${p + 1}`,
      displayName: `无废办${p + 1}`,
      passwordHash: 'x'.repeat(60),
      role: 'office',
      planId: p + 1,
      unitId: null,
      email: `office${p + 1}@example.org`,
      active: true,
    }));
    const leaders = Array.from({ length: LEADERS }, (_, k) => ({
      username: `leader${k + 1}`,
      displayName: `领导${k + 1}`,
      passwordHash: 'x'.repeat(60),
      role: 'leader',
      planId: (k % PLANS) + 1,
      unitId: null,
      email: `leader${k + 1}@example.org`,
      active: true,
    }));
    await insert(manager, User, [...office, ...leaders]);
  });
  if (dataSource.options.type === 'postgres') await settleAfterLoad((sql) => dataSource.query(sql));
  await dataSource.destroy();
}

async function phase(dir: string, databaseUrl: string, name: Phase): Promise<void> {
  // The sweep or the digest alone: no reports worked out ahead beside it (reports.bench.ts times those).
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    SEED: 'false',
    SCHEDULER: 'false',
    REPORTS_AHEAD_SECONDS: '0',
    CLOCK,
    OUTBOX_DIR: join(dir, 'outbox'),
  });
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
  const rows: { rule: string; count: number }[] = await app
    .get(DataSource)
    .getRepository(OutboxMessage)
    .createQueryBuilder('m')
    .select('m.rule', 'rule')
    .addSelect('COUNT(*)', 'count')
    .groupBy('m.rule')
    .orderBy('m.rule')
    .getRawMany();
  await app.close();
  const byRule = rows.map((r) => `${r.rule} ${r.count}`).join(', ');
  const result: PhaseResult = { name, seconds, peakMb: ownPeakMb(), detail: `${detail}; outbox now: ${byRule}` };
  console.log(JSON.stringify(result));
}

async function main(): Promise<void> {
  const [mode, dir, databaseUrl, name] = process.argv.slice(2);
  if (mode === 'phase') return phase(dir, databaseUrl, name as Phase);
  // For profiling one phase: `prepare <dir> <url>`, then `node --cpu-prof … phase <dir> <url> sweep`.
  if (mode === 'prepare') return prepare(databaseUrl);
  const work = mkdtempSync(join(tmpdir(), 'qingdan-bench-reminders-'));
  const results: Partial<Record<Engine, Record<Phase, PhaseResult>>> = {};
  let postgres: PostgresDatabase | null = null;
  try {
    console.log(
      `Reminder sweep over ${PLANS} plans / ${PLANS * MILESTONES_PER_PLAN} open milestones and the weekly digest for ${LEADERS} leaders, ` +
        `Monday ${CLOCK}, each in its own process through the real app`,
    );
    for (const engine of ENGINES) {
      if (engine === 'postgres') postgres = await createPostgresDatabase('reminders');
      const url = postgres && engine === 'postgres' ? postgres.url : `sqlite:${join(work, 'bench.sqlite')}`;
      const prepared = performance.now();
      await prepare(url);
      console.log(`${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (data set prepared in ${((performance.now() - prepared) / 1000).toFixed(1)} s):`);
      const self = fileURLToPath(import.meta.url);
      const mine = {} as Record<Phase, PhaseResult>;
      for (const step of ['sweep', 'digest'] as const) {
        const out = execFileSync(process.execPath, [self, 'phase', work, url, step], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 64 * 1024 * 1024,
        });
        const r = JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
        mine[step] = r;
        const met = r.seconds < TARGET.seconds && r.peakMb < TARGET.peakMb;
        console.log(
          `  ${r.name.padEnd(7)} ${r.seconds.toFixed(2)} s   peak RSS ${r.peakMb.toFixed(0)} MB   ` +
            `[target < ${TARGET.seconds} s and < ${TARGET.peakMb} MB: ${met ? 'met' : 'NOT MET'}]   (${r.detail})`,
        );
      }
      results[engine] = mine;
    }
    const { sqlite, postgres: pgResults } = results;
    if (sqlite && pgResults) {
      const outbox = (r: PhaseResult) => r.detail.slice(r.detail.indexOf('outbox now'));
      if (outbox(sqlite.digest) !== outbox(pgResults.digest)) throw new Error('SQLite and PostgreSQL wrote different messages');
      console.log('The same messages, rule by rule, on both engines.');
      console.log(`Reminders, SQLite and PostgreSQL side by side:\n  ${''.padEnd(8)} ${'SQLite'.padStart(9)} ${'PostgreSQL'.padStart(12)}`);
      for (const step of ['sweep', 'digest'] as const) {
        const [a, b] = [sqlite[step], pgResults[step]];
        console.log(
          `  ${step.padEnd(8)} ${`${a.seconds.toFixed(2)} s`.padStart(9)} ${`${b.seconds.toFixed(2)} s`.padStart(12)}   ${(b.seconds / a.seconds).toFixed(2)}x   ` +
            `[PostgreSQL within 2x: ${b.seconds <= 2 * a.seconds ? 'met' : 'NOT MET'}]   peak RSS ${a.peakMb.toFixed(0)} / ${b.peakMb.toFixed(0)} MB`,
        );
      }
    }
  } finally {
    await postgres?.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
