/**
 * The national-scale data set of the reports benchmark, written straight into a migrated SQLite file with
 * prepared statements (the ORM would take minutes): 120 plans, each with 15 units, 300 tasks in 6 chapters,
 * 100 projects, 60 indicators, and five years (60 months, 2021-12 … 2026-11) of monthly progress reports by
 * each item's lead unit: 3.3 million reports. About 45% of milestones are closed out, some on time and some
 * late, 3% suspended, 5% extended; one item in ten has a supervision notice; indicators have yearly values.
 */
import Database from 'better-sqlite3';
import { openDatabase } from '../src/database/data-source.js';
import { rebuildStanding } from '../src/standing/standing-store.js';
import { rebuildStates } from '../src/status/status-state-store.js';

export const PLANS = 120;
export const UNITS = 15;
export const TASKS = 300;
export const PROJECTS = 100;
export const INDICATORS = 60;
export const MONTHS = 60;
const FIRST_MONTH = { year: 2021, month: 12 };

/** A deterministic pseudo-random number in [0, 1) for a key. */
function noise(n: number): number {
  const x = Math.sin(n * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function monthDay(k: number, day: number): string {
  const m = FIRST_MONTH.month - 1 + k;
  const year = FIRST_MONTH.year + Math.floor(m / 12);
  return `${year}-${String((m % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The data's last day (the last monthly reports, 25 November 2026): nothing is dated after it. */
const LAST_DAY = monthDay(MONTHS - 1, 25);

/** Due dates at month ends from mid-2022 to the end of 2027. */
function dueDate(n: number): string {
  const k = Math.floor(noise(n) * 66);
  const year = 2022 + Math.floor((k + 6) / 12);
  const month = ((k + 6) % 12) + 1;
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export interface DataSetSize {
  items: number;
  milestones: number;
  reports: number;
  events: number;
}

/** Writes the data set of `plans` plans (the benchmark's 120 by default; tests take a slice) into a new SQLite file. */
export async function prepareReportData(path: string, plans = PLANS): Promise<DataSetSize> {
  const migrated = await openDatabase({ type: 'sqlite', path });
  await migrated.destroy();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const size: DataSetSize = { items: 0, milestones: 0, reports: 0, events: 0 };
  const ins = {
    plan: db.prepare(`INSERT INTO plans (id, name, region, "periodStart", "periodEnd", "baseYear") VALUES (?, ?, ?, '2021-01-01', '2027-12-31', 2020)`),
    unit: db.prepare(`INSERT INTO units (id, "planId", name, aliases, kind) VALUES (?, ?, ?, '[]', 'agency')`),
    task: db.prepare(`INSERT INTO tasks (id, "planId", seq, chapter, content) VALUES (?, ?, ?, ?, ?)`),
    project: db.prepare(`INSERT INTO projects (id, "planId", seq, category, name, investment) VALUES (?, ?, ?, ?, ?, ?)`),
    indicator: db.prepare(
      `INSERT INTO indicators (id, "planId", seq, level1, name, unit, direction, "baselineYear", "baselineText", "baselineValue", targets) VALUES (?, ?, ?, ?, ?, '%', 'higher', 2020, ?, ?, ?)`,
    ),
    milestone: db.prepare(
      `INSERT INTO milestones (id, "planId", "itemType", "itemId", seq, "dueDate", "baselineDate", kind, phrase, certain) VALUES (?, ?, ?, ?, ?, ?, ?, 'dated', ?, 1)`,
    ),
    assignment: db.prepare(`INSERT INTO assignments ("planId", "itemType", "itemId", "unitId", role, position) VALUES (?, ?, ?, ?, ?, 0)`),
    report: db.prepare(
      `INSERT INTO progress_reports ("planId", "itemType", "itemId", "milestoneId", "unitId", role, "authorId", state, percent, narrative, status, "submittedAt", "submittedDate", "reviewedDate", "investmentDone")
       VALUES (?, ?, ?, ?, ?, 'lead', 1, ?, ?, '按月报送进展', ?, ?, ?, ?, ?)`,
    ),
    event: db.prepare(
      `INSERT INTO status_events ("planId", "itemType", "itemId", "milestoneId", kind, date, at, "fromDate", "toDate", reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    notice: db.prepare(
      `INSERT INTO supervision_notices ("planId", "itemType", "itemId", "unitId", content, "answerBy", "issuedById", "issuedDate", status, answer, "answeredDate") VALUES (?, ?, ?, ?, '请说明逾期原因及整改措施', ?, 1, ?, ?, ?, ?)`,
    ),
    value: db.prepare(`INSERT INTO indicator_values ("planId", "indicatorId", period, value, "recordedById", "createdAt") VALUES (?, ?, ?, ?, 1, ?)`),
  };
  let milestoneId = 0;
  const item = (planId: number, itemType: 'task' | 'project' | 'indicator', itemId: number, index: number, count: number, investment: number | null) => {
    size.items++;
    const lead = (planId - 1) * UNITS + (index % UNITS) + 1;
    ins.assignment.run(planId, itemType, itemId, lead, 'lead');
    ins.assignment.run(planId, itemType, itemId, (planId - 1) * UNITS + ((index + 4) % UNITS) + 1, 'support');
    const milestones: { id: number; due: string }[] = [];
    for (let s = 1; s <= count; s++) {
      const id = ++milestoneId;
      const due = dueDate(id);
      const extended = noise(id * 7) < 0.05;
      const current = extended ? addDays(due, 181) : due;
      ins.milestone.run(id, planId, itemType, itemId, s, current, extended ? due : null, `${due.slice(0, 4)}年${Number(due.slice(5, 7))}月底前`);
      milestones.push({ id, due: current });
      size.milestones++;
      const event = (kind: string, date: string, from: string | null = null, to: string | null = null, reason: string | null = null) => {
        if (date > LAST_DAY) return; // not happened yet: events are recorded on the day, never ahead
        ins.event.run(planId, itemType, itemId, id, kind, date, `${date} 02:00:00`, from, to, reason);
        size.events++;
      };
      event('started', monthDay(0, 25));
      if (extended) event('due_changed', addDays(due, -30), due, current, '延期');
      const fate = noise(id * 13);
      if (fate < 0.45) {
        const closedOn = addDays(current, Math.floor(noise(id * 17) * 120) - 60);
        event('submitted', addDays(closedOn, -5));
        event('closed', closedOn);
      } else if (fate < 0.48) {
        event('suspended', '2025-03-01', null, null, '政策调整');
      }
    }
    // Monthly official reports on the item, creeping up to where the work stands.
    const finalPercent = Math.floor(noise(itemId * 31 + index) * 100);
    for (let k = 0; k < MONTHS; k++) {
      const date = monthDay(k, 25);
      const percent = Math.round((finalPercent * (k + 1)) / MONTHS);
      ins.report.run(
        planId,
        itemType,
        itemId,
        milestones[0]?.id ?? null,
        lead,
        'in_progress',
        percent,
        k < MONTHS - 1 ? 'accepted' : 'submitted',
        `${date} 02:00:00`,
        date,
        k < MONTHS - 1 ? addDays(date, 3) : null,
        investment === null ? null : Math.round((investment * percent) / 100),
      );
      size.reports++;
    }
    if (noise(itemId * 41 + index) < 0.1) {
      const issued = monthDay(40 + (index % 15), 10);
      const answered = noise(itemId * 43) < 0.5;
      ins.notice.run(
        planId,
        itemType,
        itemId,
        lead,
        addDays(issued, 10),
        issued,
        answered ? 'answered' : 'open',
        answered ? '已整改' : null,
        answered ? addDays(issued, 7) : null,
      );
    }
  };
  db.transaction(() => {
    let taskId = 0;
    let projectId = 0;
    let indicatorId = 0;
    for (let p = 1; p <= plans; p++) {
      ins.plan.run(p, `基准区“无废城市”建设实施方案${p}`, `基准省基准区${p}`);
      for (let u = 1; u <= UNITS; u++) ins.unit.run((p - 1) * UNITS + u, p, `基准区第${u}局`);
      for (let t = 1; t <= TASKS; t++) {
        ins.task.run(
          ++taskId,
          p,
          t,
          `${'一二三四五六'[Math.floor((t - 1) / 50)]}、第${Math.ceil(t / 50)}章重点任务`,
          `第${t}项任务：推进工业固体废物源头减量，建立健全管理台账，到2025年底前完成相关工作。`,
        );
        item(p, 'task', taskId, t, t % 3 === 0 ? 2 : 1, null);
      }
      for (let j = 1; j <= PROJECTS; j++) {
        const investment = 500 + (j % 20) * 250;
        ins.project.run(++projectId, p, j, j % 2 ? '工程项目' : '能力建设', `第${j}个资源化利用项目`, investment);
        item(p, 'project', projectId, j, 1, investment);
      }
      for (let k = 1; k <= INDICATORS; k++) {
        ins.indicator.run(
          ++indicatorId,
          p,
          k,
          `第${Math.ceil(k / 10)}类指标`,
          `第${k}项指标`,
          '60%',
          60,
          JSON.stringify([{ year: 2025, text: '≥80%', value: 80, scope: null }]),
        );
        item(p, 'indicator', indicatorId, k, 1, null);
        for (let year = 2021; year <= 2025; year++) ins.value.run(p, indicatorId, String(year), 60 + (year - 2020) * 4 + (k % 5), `${year + 1}-01-20 02:00:00`);
      }
    }
  })();
  // Written around the app, so what it keeps as reports and events change is worked out once here.
  const execute = (sql: string, params: readonly (string | number | null)[]) => {
    const statement = db.prepare(sql);
    return Promise.resolve(statement.reader ? statement.all(...params) : statement.run(...params));
  };
  await rebuildStanding(execute);
  await rebuildStates(execute);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return size;
}
