import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { prepareReportData, UNITS } from '../bench/report-data.js';
import { RawReader } from '../src/database/raw-reader.js';
import { loadFacts, type RunSql } from '../src/reports/report-sql.js';
import { deriveStatuses, type PlanPeriod } from '../src/status/derive-statuses.js';
import type { StatusEventKind } from '../src/status/status-event.entity.js';
import { foldEvents } from '../src/status/status.js';
import { markHolds } from '../src/database/kept-marks.js';
import { END_OF_TIME, standingParams, standingSql } from '../src/standing/standing-sql.js';
import { freshReport } from './helpers/fresh-report.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

/**
 * The kept standing (src/standing/standing-store.ts: the report that stands per milestone, occurrence and item, each
 * unit's last report date per item, the plan's mark) and the kept states (src/status/status-state-store.ts: each
 * milestone's events folded, the plan's mark) against a full recomputation from the reports and events, on every seed
 * plan with the demo progress and on a slice of the benchmark's data, before and after a random sequence of
 * submissions, reviews, resubmissions, reopenings, suspensions and extensions through the API. Reports read the kept
 * rows whenever they hold on asOf, so any difference would be a wrong report.
 */

type Row = Record<string, unknown>;
const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

/** Seeded, so a failure can be replayed: STANDING_SEED=… picks another sequence. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.STANDING_SEED ?? 20261201);

/** What standing-store.ts keeps of one plan, and the same worked out from the reports. */
async function keptAndRecomputed(t: TestApp, planId: number) {
  const reader = t.app.get(RawReader);
  const read = (sql: string, params: (string | number)[]) => reader.all<Row>(sql, params);
  const columns = `id, "planId", "itemType", "itemId", "milestoneId", CAST(occurrence AS TEXT) AS occurrence, percent, state, CAST("submittedDate" AS TEXT) AS "submittedDate"`;
  const kept = {
    standing: sorted(await read(`SELECT ${columns} FROM standing_reports WHERE "planId" = ?`, [planId])),
    dates: sorted(
      await read(`SELECT "itemType", "itemId", "unitId", CAST("lastDate" AS TEXT) AS "lastDate" FROM unit_report_dates WHERE "planId" = ?`, [planId]),
    ),
    mark: (await read(`SELECT CAST("throughDate" AS TEXT) AS d FROM standing_marks WHERE "planId" = ?`, [planId]))[0]?.d ?? null,
    states: sorted(await read(`${STATE_COLUMNS} FROM status_states WHERE "planId" = ?`, [planId])),
    statesMark: (await read(`SELECT CAST("throughDate" AS TEXT) AS d FROM status_marks WHERE "planId" = ?`, [planId]))[0]?.d ?? null,
  };
  const recomputed = {
    standing: sorted(await read(`SELECT ${columns} FROM (${standingSql('plan', 'r.*')}) r ORDER BY id`, standingParams(planId, END_OF_TIME))),
    dates: sorted(
      await read(
        `SELECT "itemType", "itemId", "unitId", CAST(MAX("submittedDate") AS TEXT) AS "lastDate" FROM progress_reports
         WHERE "planId" = ? AND "submittedDate" IS NOT NULL GROUP BY "itemType", "itemId", "unitId"`,
        [planId],
      ),
    ),
    mark:
      (
        await read(
          `SELECT CAST(MAX(d) AS TEXT) AS d FROM (SELECT "submittedDate" AS d FROM progress_reports WHERE "planId" = ?
           UNION ALL SELECT "reviewedDate" FROM progress_reports WHERE "planId" = ?) f`,
          [planId, planId],
        )
      )[0]?.d ?? null,
    states: sorted(foldedStates(await read(`SELECT ${EVENT_COLUMNS} FROM status_events WHERE "planId" = ? ORDER BY id`, [planId]))),
    statesMark: (await read(`SELECT CAST(MAX(date) AS TEXT) AS d FROM status_events WHERE "planId" = ?`, [planId]))[0]?.d ?? null,
  };
  return { kept, recomputed };
}

const STATE_COLUMNS = `SELECT "planId", "itemType", "itemId", "milestoneKey", status, "beforeSuspension", CAST("dueDate" AS TEXT) AS "dueDate",
  CAST("closedOn" AS TEXT) AS "closedOn", "suspendedReason", "waivedReason"`;
const EVENT_COLUMNS = `id, "planId", "itemType", "itemId", "milestoneId", kind, CAST(date AS TEXT) AS date, CAST("toDate" AS TEXT) AS "toDate", reason`;

/** Each milestone's (and item's) events folded afresh, as status_states keeps them. */
function foldedStates(events: Row[]): Row[] {
  const groups = new Map<string, Row[]>();
  for (const e of events) {
    const key = `${e.itemType as string}:${e.itemId as number}:${(e.milestoneId as number | null) ?? 0}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((group) => {
    const [{ planId, itemType, itemId, milestoneId }] = group;
    const fold = foldEvents(
      group.map((e) => ({
        kind: e.kind as StatusEventKind,
        date: e.date as string,
        seq: e.id as number,
        toDate: e.toDate as string | null,
        reason: e.reason as string | null,
      })),
    );
    return { planId, itemType, itemId, milestoneKey: milestoneId ?? 0, ...fold };
  });
}

/** The standing and report dates as a report on asOf reads them: from the kept rows, and walked from the reports. */
async function factsBothWays(t: TestApp, planId: number, asOf: string) {
  const reader = t.app.get(RawReader);
  const run: RunSql = (sql, params) => reader.all(sql, params);
  const [plan] = await reader.all<PlanPeriod>(
    `SELECT CAST("periodStart" AS TEXT) AS "periodStart", CAST("periodEnd" AS TEXT) AS "periodEnd" FROM plans WHERE id = ?`,
    [planId],
  );
  const read = async (kept: boolean) => {
    // With the holders: kept, their report dates come in the same read as they do (report-sql.ts).
    const facts = await loadFacts(run, planId, asOf, ['items', 'milestones', 'events', 'standing', 'assignments', 'reported'], {
      standing: kept,
      states: kept,
    });
    if (kept !== (facts.states !== null)) throw new Error('the kept states were not read as asked');
    // Every milestone's and item's status on asOf, kept states and all.
    const statuses = [...deriveStatuses(facts.items, facts, plan, { asOf, dueSoonDays: 7 })].map(([key, s]) => ({ key, ...s, milestones: [...s.milestones] }));
    return {
      standing: sorted(facts.standing as unknown as Row[]),
      reported: sorted(facts.reported.map(({ itemType, itemId, unitId, lastDate }) => ({ itemType, itemId, unitId, lastDate }))),
      statuses: JSON.stringify(statuses),
    };
  };
  return { kept: await read(true), walked: await read(false) };
}

async function expectKeptEqualsRecomputed(t: TestApp, planId: number, asOf: string): Promise<void> {
  const { kept, recomputed } = await keptAndRecomputed(t, planId);
  expect({ planId, ...kept }).toEqual({ planId, ...recomputed });
  // What is kept holds on asOf, so a report on asOf reads it: the comparison below is of what reports serve.
  expect({ planId, holds: markHolds(kept.mark as string | null, asOf) && markHolds(kept.statesMark as string | null, asOf) }).toEqual({
    planId,
    holds: true,
  });
  const facts = await factsBothWays(t, planId, asOf);
  expect({ planId, ...facts.kept }).toEqual({ planId, ...facts.walked });
}

interface UnitUser {
  username: string;
  planId: number;
  unitId: number;
}

/**
 * One random change per call, through the API as the office and units would make it. Changes the rules refuse
 * (a closed milestone reported on, a resume of what is not suspended …) answer 4xx and change nothing; the counts of
 * those that went through are returned so the test can tell the sequence did something.
 */
async function randomSequence(
  t: TestApp,
  steps: number,
  units: UnitUser[],
  offices: Map<number, string>,
  startDay: string,
  password?: string,
): Promise<Record<string, number>> {
  const next = random(SEED);
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(next() * list.length)];
  const ds = t.app.get(DataSource);
  const done: Record<string, number> = {};
  const count = (kind: string, status: number) => {
    expect([200, 201, 400, 403, 404, 409]).toContain(status);
    if (status < 300) done[kind] = (done[kind] ?? 0) + 1;
  };
  let day = Date.parse(`${startDay}T09:00:00+08:00`);
  const touched = new Set<number>();
  for (let step = 0; step < steps; step++) {
    day += Math.floor(next() * 3) * 86_400_000;
    t.clock.set(new Date(day));
    const unit = pick(units)!;
    // Signed in afresh each step: the clock moves on by days, past a session's life.
    const office = await t.login(offices.get(unit.planId)!, password);
    const own = await t.login(unit.username, password);
    const base = `/api/v1/plans/${unit.planId}`;
    touched.add(unit.planId);
    const roll = next();
    if (roll < 0.4) {
      const held = await ds.query<{ itemType: string; itemId: number }[]>(
        `SELECT "itemType", "itemId" FROM assignments WHERE "unitId" = ${unit.unitId} AND "itemType" IN ('task', 'project', 'indicator')`,
      );
      const item = pick(held);
      if (!item) continue;
      const milestones = await ds.query<{ id: number }[]>(`SELECT id FROM milestones WHERE "itemType" = '${item.itemType}' AND "itemId" = ${item.itemId}`);
      const milestone = next() < 0.8 ? pick(milestones) : undefined;
      const finished = next() < 0.3;
      const res = await t
        .as(own)
        .post(`${base}/progress`)
        .send({
          itemType: item.itemType,
          itemId: item.itemId,
          ...(milestone ? { milestoneId: milestone.id } : {}),
          state: finished ? 'done' : 'in_progress',
          ...(finished ? {} : { percent: Math.floor(next() * 100) }),
          narrative: `第${step}步报送的进展`,
          submit: true,
        });
      count('report', res.status);
    } else if (roll < 0.65) {
      const submitted = await ds.query<{ id: number }[]>(`SELECT id FROM progress_reports WHERE "planId" = ${unit.planId} AND status = 'submitted'`);
      const report = pick(submitted);
      if (!report) continue;
      const accept = next() < 0.6;
      const res = await t
        .as(office)
        .post(`${base}/progress/${report.id}/${accept ? 'accept' : 'return'}`)
        .send(accept ? {} : { comment: '请补充佐证材料' });
      count(accept ? 'accept' : 'return', res.status);
    } else if (roll < 0.75) {
      const returned = await ds.query<{ id: number; version: number }[]>(
        `SELECT id, version FROM progress_reports WHERE "unitId" = ${unit.unitId} AND status = 'returned'`,
      );
      const report = pick(returned);
      if (!report) continue;
      const edit = await t
        .as(own)
        .patch(`${base}/progress/${report.id}`)
        .send({ version: report.version, narrative: `第${step}步补充后重新报送` });
      count('edit', edit.status);
      count('resubmit', (await t.as(own).post(`${base}/progress/${report.id}/submit`).send({})).status);
    } else if (roll < 0.9) {
      // Reopen what was closed, resume what was suspended, suspend anything.
      const kind = pick(['reopen', 'suspend', 'resume'])!;
      const event = { reopen: `AND kind = 'closed'`, resume: `AND kind = 'suspended'`, suspend: '' }[kind];
      const milestones = await ds.query<{ id: number }[]>(
        `SELECT DISTINCT "milestoneId" AS id FROM status_events WHERE "planId" = ${unit.planId} AND "milestoneId" IS NOT NULL ${event}`,
      );
      const milestone = pick(milestones);
      if (!milestone) continue;
      count(kind, (await t.as(office).post(`${base}/milestones/${milestone.id}/${kind}`).send({ reason: '随机序列' })).status);
    } else {
      const led = await ds.query<
        { id: number; dueDate: string }[]
      >(`SELECT m.id, CAST(m."dueDate" AS TEXT) AS "dueDate" FROM milestones m JOIN assignments a ON a."itemType" = m."itemType" AND a."itemId" = m."itemId"
         WHERE a."unitId" = ${unit.unitId} AND a.role = 'lead' AND m."dueDate" IS NOT NULL`);
      const milestone = pick(led);
      if (!milestone) continue;
      const later = new Date(Math.max(Date.parse(milestone.dueDate), day) + (30 + Math.floor(next() * 200)) * 86_400_000).toISOString().slice(0, 10);
      const asked = await t.as(own).post(`${base}/extensions`).send({ milestoneId: milestone.id, requestedDueDate: later, reason: '随机序列申请延期' });
      count('extension', asked.status);
      if (asked.status === 201) {
        const approve = next() < 0.7;
        const res = await t
          .as(office)
          .post(`${base}/extensions/${asked.body.id}/${approve ? 'approve' : 'refuse'}`)
          .send(approve ? {} : { reason: '理由不充分' });
        count(approve ? 'approve' : 'refuse', res.status);
      }
    }
    if (step % 10 === 9) {
      const today = new Date(day + 8 * 3_600_000).toISOString().slice(0, 10);
      const admin = await t.login(TEST_ADMIN.username, TEST_ADMIN.password);
      for (const planId of touched) {
        await expectKeptEqualsRecomputed(t, planId, today);
        // What the service serves (kept standing, kept reports) is what a computation from the reports gives now.
        for (const kind of ['progress', 'overdue'] as const) {
          const served = await t.as(admin).get(`/api/v1/plans/${planId}/reports/${kind}`).expect(200);
          expect({ planId, kind, body: served.text }).toEqual({ planId, kind, body: await freshReport(t, kind, planId, today) });
        }
      }
    }
  }
  return done;
}

async function unitUsers(t: TestApp, usernames: string[]): Promise<UnitUser[]> {
  const users: UnitUser[] = [];
  for (const username of usernames) {
    const me = (
      await t
        .as(await t.login(username))
        .get('/api/v1/auth/me')
        .expect(200)
    ).body as { planId: number; unitId: number };
    users.push({ username, planId: me.planId, unitId: me.unitId });
  }
  return users;
}

describe('kept standing on the seed plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_PROGRESS: 'true', CLOCK: '2026-11-23T09:30:00+08:00' });
  });
  afterAll(() => t.close());

  const plans = async () => {
    const admin = await t.login(TEST_ADMIN.username, TEST_ADMIN.password);
    return ((await t.as(admin).get('/api/v1/plans').expect(200)).body as { id: number; key: string }[]).map((p) => p.id);
  };

  it('after start-up with the demo progress, every plan keeps what a recomputation gives', async () => {
    const ids = await plans();
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const planId of ids) await expectKeptEqualsRecomputed(t, planId, '2026-11-23');
    // The demo progress reported on Jiangjin: the comparison is not between two empty sets.
    const jiangjin = (await t.http().get('/api/v1/plans').expect(200)).body.find((p: { key: string }) => p.key === 'jiangjin').id;
    const { kept } = await keptAndRecomputed(t, jiangjin);
    expect(kept.standing.length).toBeGreaterThan(0);
    expect(kept.dates.length).toBeGreaterThan(0);
    expect(kept.states.length).toBeGreaterThan(0);
  });

  it('after a random sequence of reports, reviews, resubmissions, reopenings, suspensions and extensions, it still does', async () => {
    const units = await unitUsers(t, ['jiangjin-jxw', 'jiangjin-sthj', 'jiangjin-fgw', 'foshan-gxj', 'jiangyin-sthj', 'jiangmen-sthj']);
    const offices = new Map<number, string>();
    for (const username of ['jiangjin-office', 'foshan-office', 'jiangyin-office', 'jiangmen-office']) {
      offices.set(
        (
          (
            await t
              .as(await t.login(username))
              .get('/api/v1/auth/me')
              .expect(200)
          ).body as { planId: number }
        ).planId,
        username,
      );
    }
    const done = await randomSequence(t, 120, units, offices, '2026-11-23');
    // The sequence changed reports every way the standing can change.
    expect(done).toEqual(
      expect.objectContaining({
        report: expect.any(Number),
        accept: expect.any(Number),
        return: expect.any(Number),
        resubmit: expect.any(Number),
        reopen: expect.any(Number),
        approve: expect.any(Number),
      }),
    );
    for (const planId of await plans()) await expectKeptEqualsRecomputed(t, planId, t.clock.today('Asia/Shanghai'));
  });
});

/**
 * Two plans of the benchmark's data (five years of monthly reports on every item, written straight into a SQLite
 * file and the kept standing worked out once), then the same kind of random sequence through the API. The slice is
 * a SQLite file on either engine: the seed plans above cover PostgreSQL.
 */
describe('kept standing on the benchmark data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-standing-'));
  let t: TestApp;
  const PLANS = [1, 2];
  beforeAll(async () => {
    const path = join(dir, 'bench.sqlite');
    await prepareReportData(path, PLANS.length);
    t = await startTestApp({ DATABASE_URL: `sqlite:${path}`, EVIDENCE_STORE: 'directory', SEED: 'false', CLOCK: '2026-11-30T09:30:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what a recomputation gives, as written and after a random sequence of changes', async () => {
    for (const planId of PLANS) await expectKeptEqualsRecomputed(t, planId, '2026-11-30');
    // Each plan's first three units report and its office reviews.
    const units: UnitUser[] = [];
    const offices = new Map<number, string>();
    for (const planId of PLANS) {
      for (let u = 1; u <= 3; u++) {
        const unitId = (planId - 1) * UNITS + u;
        const username = `bench-${planId}-${u}`;
        await t.http().post('/api/v1/users').send({ username, password: 'bench-password-1', role: 'unit', planId, unitId }).expect(201);
        units.push({ username, planId, unitId });
      }
      await t
        .http()
        .post('/api/v1/users')
        .send({ username: `bench-${planId}-office`, password: 'bench-password-1', role: 'office', planId })
        .expect(201);
      offices.set(planId, `bench-${planId}-office`);
    }
    const done = await randomSequence(t, 80, units, offices, '2026-11-30', 'bench-password-1');
    expect(done).toEqual(expect.objectContaining({ report: expect.any(Number), accept: expect.any(Number), return: expect.any(Number) }));
    for (const planId of PLANS) await expectKeptEqualsRecomputed(t, planId, t.clock.today('Asia/Shanghai'));
  });
});
