/**
 * INDEPENDENT ORACLE (issue 16). Lists, reports and reminders all take their status from one function, so tests that
 * reconcile them with each other cannot tell a right product from a wrong one. This file compares what the real API
 * answers with tables worked out BY HAND from the seed documents (seeds/jiangjin, seeds/jiangyin) and the
 * README's status, deadline and reminder rules: test/oracle/jiangjin.ts and test/oracle/jiangyin.ts. Each row says how
 * its value was reasoned.
 *
 * THE TABLES ARE HAND-WORKED. NEVER REGENERATE OR "UPDATE" THEM FROM THE SERVICE'S OUTPUT. When the API disagrees,
 * re-check the reasoning against the documents; if the reasoning holds, the code is wrong.
 *
 * The state is set up here, on a fresh database with the seed plans and no demo progress, through the real API with the
 * injectable clock moved to each event's date (test/oracle/types.ts: Step). Every `it` runs alone (`-t`).
 */
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';
import {
  JIANGJIN_DIGESTS,
  JIANGJIN_MONDAY,
  JIANGJIN_OVERDUE_COUNTS,
  JIANGJIN_OVERDUE_LISTS,
  JIANGJIN_PROGRESS_COUNTS,
  JIANGJIN_PROGRESS_COUNTS_AFTER_END,
  JIANGJIN_REMINDER_DAYS,
  JIANGJIN_ROWS,
  JIANGJIN_STEPS,
} from './oracle/jiangjin.js';
import { JIANGYIN_OVERDUE_COUNTS, JIANGYIN_ROWS, JIANGYIN_STEPS } from './oracle/jiangyin.js';
import type { ListType, OracleRow, Step, UnitKey } from './oracle/types.js';

const PATHS: Record<ListType, string> = { task: 'tasks', project: 'projects', indicator: 'indicators' };

interface MilestoneJson {
  id: number;
  dueDate: string | null;
  baselineDate: string | null;
  status: string;
  light: string;
  overdue: boolean;
  percent: number | null;
  missedOccurrences?: number;
  occurrence?: { key: string; label: string } | null;
}
interface ItemJson {
  id: number;
  seq: number;
  status: string;
  light: string;
  overdue: boolean;
  milestones: MilestoneJson[];
}
interface OverdueReport {
  items: number;
  milestones: number;
  byList: Record<ListType, number>;
  rows: { itemType: ListType; itemId: number; milestoneId: number; daysOverdue: number }[];
}
interface PlanCtx {
  id: number;
  office: string;
  /** item id by `${list}:${seq}` */
  items: Map<string, number>;
  /** milestone id by `${list}:${seq}:${original due date}` */
  milestones: Map<string, number>;
}

describe('oracle: hand-worked statuses, lights, overdue days, reminders and digest (Jiangjin, Jiangyin)', () => {
  let t: TestApp;
  const plans: Record<'jiangjin' | 'jiangyin', PlanCtx> = {} as never;
  const units: Partial<Record<UnitKey, string>> = {};
  let leader: string;
  const at = (date: string) => t.clock.set(`${date}T10:00:00+08:00`);
  const api = (p: PlanCtx, path: string) => `/api/v1/plans/${p.id}${path}`;

  /** Ids of every item of the plan, and of every milestone by its due date as of the plan's first days. */
  const resolve = async (p: PlanCtx, early: string) => {
    for (const list of ['task', 'project', 'indicator'] as ListType[]) {
      const res = await t
        .as(p.office)
        .get(api(p, `/${PATHS[list]}?limit=1000&asOf=${early}`))
        .expect(200);
      for (const item of res.body.items as ItemJson[]) {
        p.items.set(`${list}:${item.seq}`, item.id);
        for (const m of item.milestones) if (m.dueDate) p.milestones.set(`${list}:${item.seq}:${m.baselineDate ?? m.dueDate}`, m.id);
      }
    }
  };
  const itemId = (p: PlanCtx, list: ListType, seq: number) => {
    const id = p.items.get(`${list}:${seq}`);
    if (id === undefined) throw new Error(`no ${list} ${seq}`);
    return id;
  };
  const milestoneId = (p: PlanCtx, list: ListType, seq: number, due: string) => {
    const id = p.milestones.get(`${list}:${seq}:${due}`);
    if (id === undefined) throw new Error(`no milestone of ${list} ${seq} due ${due} (hand table and seed disagree on the milestones)`);
    return id;
  };

  /** The steps of both plans as dated actions, replayed in date order (so the clock only moves forward). */
  const replay = async (steps: { plan: PlanCtx; step: Step }[]) => {
    const actions: { date: string; order: number; run: () => Promise<void> }[] = [];
    let order = 0;
    for (const { plan: p, step } of steps) {
      if (step.do === 'withdraw') {
        actions.push({
          date: step.date,
          order: order++,
          run: async () => {
            const path = api(p, `/${PATHS[step.list]}/${itemId(p, step.list, step.seq)}`);
            const { version } = (await t.as(p.office).get(path).expect(200)).body as { version: number };
            await t.as(p.office).post(`${path}/withdraw`).send({ reason: '【测试】经领导小组研究，并入其他项目', version }).expect(200);
          },
        });
        continue;
      }
      const mid = () => milestoneId(p, step.list, step.seq, step.due);
      if (step.do === 'report') {
        let reportId = 0;
        actions.push({
          date: step.date,
          order: order++,
          run: async () => {
            const res = await t
              .as(units[step.by]!)
              .post(api(p, '/progress'))
              .send({
                itemType: step.list,
                itemId: itemId(p, step.list, step.seq),
                milestoneId: mid(),
                state: step.state,
                ...(step.percent !== undefined ? { percent: step.percent } : {}),
                ...(step.quantityDone !== undefined ? { quantityDone: step.quantityDone } : {}),
                narrative: '【测试】按计划推进',
                submit: true,
              });
            if (res.status !== 201) throw new Error(`report ${step.list} ${step.seq}: ${res.status} ${JSON.stringify(res.body)}`);
            reportId = res.body.id;
          },
        });
        if (step.acceptOn)
          actions.push({
            date: step.acceptOn,
            order: order++,
            run: async () => {
              await t
                .as(p.office)
                .post(api(p, `/progress/${reportId}/accept`))
                .send({ comment: '核实无误' })
                .expect(200);
            },
          });
        if (step.returnOn)
          actions.push({
            date: step.returnOn,
            order: order++,
            run: async () => {
              await t
                .as(p.office)
                .post(api(p, `/progress/${reportId}/return`))
                .send({ comment: '【测试】百分比无佐证，请补充' })
                .expect(200);
            },
          });
      } else if (step.do === 'extend') {
        let extensionId = 0;
        actions.push({
          date: step.date,
          order: order++,
          run: async () => {
            const res = await t
              .as(units[step.by]!)
              .post(api(p, '/extensions'))
              .send({ milestoneId: mid(), requestedDueDate: step.to, reason: '【测试】用地手续推迟' });
            if (res.status !== 201) throw new Error(`extension ${step.list} ${step.seq}: ${res.status} ${JSON.stringify(res.body)}`);
            extensionId = res.body.id;
          },
        });
        actions.push({
          date: step.approveOn,
          order: order++,
          run: async () => {
            await t
              .as(p.office)
              .post(api(p, `/extensions/${extensionId}/approve`))
              .send({ comment: '同意' })
              .expect(200);
          },
        });
      } else {
        const reasons = {
          suspend: '【测试】政策调整，暂缓',
          resume: '【测试】恢复推进',
          reopen: '【测试】复核发现装备未到位',
          waive: '【测试】年度工作会因故停开，经领导小组同意免于考核',
        };
        const body = step.do === 'waive' ? { reason: reasons.waive, occurrence: step.occurrence } : { reason: reasons[step.do] };
        actions.push({
          date: step.date,
          order: order++,
          run: async () => {
            await t
              .as(p.office)
              .post(api(p, `/milestones/${mid()}/${step.do}`))
              .send(body)
              .expect(200);
          },
        });
      }
    }
    actions.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
    for (const action of actions) {
      at(action.date);
      await action.run();
    }
  };

  const reports = new Map<string, Promise<OverdueReport>>();
  const overdueReport = (p: PlanCtx, asOf: string): Promise<OverdueReport> => {
    const key = `${p.id}:${asOf}`;
    if (!reports.has(key))
      reports.set(
        key,
        t
          .as(p.office)
          .get(api(p, `/reports/overdue?asOf=${asOf}`))
          .expect(200)
          .then((r) => r.body as OverdueReport),
      );
    return reports.get(key)!;
  };

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '200000' });
    at('2021-01-04');
    const office = await t.login('jiangjin-office');
    plans.jiangjin = { id: await planId(t, 'jiangjin'), office, items: new Map(), milestones: new Map() };
    plans.jiangyin = { id: await planId(t, 'jiangyin'), office: await t.login('jiangyin-office'), items: new Map(), milestones: new Map() };
    units.jxw = await t.login('jiangjin-jxw');
    units.sthj = await t.login('jiangjin-sthj');
    units['jiangyin-sthj'] = await t.login('jiangyin-sthj');
    leader = await t.login('jiangjin-leader');
    await resolve(plans.jiangjin, '2021-01-04');
    await resolve(plans.jiangyin, '2022-10-01');
    await replay([...JIANGJIN_STEPS.map((step) => ({ plan: plans.jiangjin, step })), ...JIANGYIN_STEPS.map((step) => ({ plan: plans.jiangyin, step }))]);
    at('2026-01-10');
  }, 120_000);

  afterAll(() => t.close());

  /** What the API says of one table row, in the row's own terms (only the fields the row states). */
  const observe = async (p: PlanCtx, row: OracleRow) => {
    const item = (
      await t
        .as(p.office)
        .get(api(p, `/${PATHS[row.list]}/${itemId(p, row.list, row.seq)}?asOf=${row.asOf}`))
        .expect(200)
    ).body as ItemJson;
    const wanted = row.due ? milestoneId(p, row.list, row.seq, row.due) : null;
    const subject = wanted === null ? item : item.milestones.find((m) => m.id === wanted);
    if (!subject) throw new Error(`milestone ${row.due} of ${row.list} ${row.seq} not in the answer`);
    const got: Record<string, unknown> = {};
    for (const key of Object.keys(row.expect)) {
      if (key === 'daysOverdue') {
        const report = await overdueReport(p, row.asOf);
        const rows = report.rows.filter((r) => r.itemType === row.list && r.itemId === item.id && (wanted === null || r.milestoneId === wanted));
        got.daysOverdue = rows.length === 0 ? null : rows.length === 1 ? rows[0].daysOverdue : rows.map((r) => r.daysOverdue);
      } else if (key === 'occurrence') {
        got.occurrence = (subject as MilestoneJson).occurrence?.label ?? null;
      } else {
        got[key] = (subject as unknown as Record<string, unknown>)[key];
      }
    }
    return got;
  };

  const rowName = (plan: string, r: OracleRow) => `${plan} ${r.list} ${r.seq}${r.due ? ` (milestone due ${r.due})` : ''} as of ${r.asOf}`;

  it.each(JIANGJIN_ROWS.map((r) => [rowName('Jiangjin', r), r] as const))('%s matches the hand table', async (_name, row) => {
    expect(await observe(plans.jiangjin, row)).toEqual(row.expect);
  });

  it.each(JIANGYIN_ROWS.map((r) => [rowName('Jiangyin', r), r] as const))('%s matches the hand table', async (_name, row) => {
    expect(await observe(plans.jiangyin, row)).toEqual(row.expect);
  });

  it.each([...JIANGJIN_OVERDUE_COUNTS.map((c) => ['jiangjin', c.asOf, c] as const), ...JIANGYIN_OVERDUE_COUNTS.map((c) => ['jiangyin', c.asOf, c] as const)])(
    'the %s overdue report on %s counts the overdue items and milestones worked by hand',
    async (plan, _asOf, c) => {
      const report = await overdueReport(plans[plan], c.asOf);
      expect(report.items).toBe(c.items);
      if (c.milestones !== undefined) expect(report.milestones).toBe(c.milestones);
      if (c.byList) expect(report.byList).toEqual(c.byList);
    },
  );

  it.each([
    ['2024-06-01', JIANGJIN_PROGRESS_COUNTS],
    ['2026-01-01', JIANGJIN_PROGRESS_COUNTS_AFTER_END],
  ] as const)('the Jiangjin progress report on %s counts each list by light and status as worked by hand', async (_date, counts) => {
    const p = plans.jiangjin;
    const { asOf, ...lists } = counts;
    const report = (
      await t
        .as(p.office)
        .get(api(p, `/reports/progress?asOf=${asOf}`))
        .expect(200)
    ).body as {
      lists: { list: ListType; total: number; overdue: number; lights: Record<string, number>; byStatus: Record<string, number> }[];
    };
    const got = Object.fromEntries(
      report.lists.map((l) => [
        l.list,
        { total: l.total, overdue: l.overdue, lights: l.lights, closed: l.byStatus.closed, submitted: l.byStatus.submitted, suspended: l.byStatus.suspended },
      ]),
    );
    expect(got).toEqual(lists);
  });

  it('"today" is the calendar date in Asia/Shanghai: at 07:59 Beijing time on 2023-01-01 (still 2022-12-31 in UTC) project 9 is 1 day overdue', async () => {
    // Overdue: the deadline has passed as a calendar date in the plan's time zone (Asia/Shanghai by default); no asOf: today.
    const p = plans.jiangjin;
    t.clock.set('2023-01-01T07:59:00+08:00');
    try {
      const item = (
        await t
          .as(p.office)
          .get(api(p, `/projects/${itemId(p, 'project', 9)}`))
          .expect(200)
      ).body as ItemJson;
      expect({ overdue: item.overdue, light: item.light }).toEqual({ overdue: true, light: 'red' });
      const report = (await t.as(p.office).get(api(p, '/reports/overdue')).expect(200)).body as OverdueReport & { asOf: string };
      expect(report.asOf).toBe('2023-01-01');
      expect(report.rows.filter((r) => r.itemType === 'project' && r.itemId === item.id).map((r) => r.daysOverdue)).toEqual([1]);
    } finally {
      at('2026-01-10');
    }
  });

  it('the Jiangjin lists filtered overdue=true on 2023-01-09 hold exactly the five items due 2022-12-31', async () => {
    const p = plans.jiangjin;
    const { asOf } = JIANGJIN_OVERDUE_LISTS;
    for (const list of ['task', 'project', 'indicator'] as ListType[]) {
      const res = await t
        .as(p.office)
        .get(api(p, `/${PATHS[list]}?overdue=true&asOf=${asOf}&limit=1000`))
        .expect(200);
      expect([list, (res.body.items as ItemJson[]).map((i) => i.seq).sort((a, b) => a - b)]).toEqual([list, JIANGJIN_OVERDUE_LISTS[list]]);
    }
  });

  it('Monday 2023-02-06: who hears what (overdue to the heads, escalation to the leader and the office; nothing before/due)', async () => {
    const p = plans.jiangjin;
    const preview = (
      await t
        .as(p.office)
        .get(api(p, `/reminders/preview?date=${JIANGJIN_MONDAY.date}`))
        .expect(200)
    ).body as {
      workday: boolean;
      messages: { rule: string; audience: string; unitName: string | null; recipient: string; items: string[] }[];
    };
    expect(preview.workday).toBe(true);
    const byRule = (rule: string) => preview.messages.filter((m) => m.rule === rule);
    expect(byRule('before').concat(byRule('due'))).toEqual([]);
    const overdue = byRule('overdue').map((m) => ({ unit: m.unitName, audience: m.audience, items: [...m.items].sort() }));
    const expectedOverdue = JIANGJIN_MONDAY.overdue.map((o) => ({ unit: o.unit, audience: o.audience, items: [...o.items].sort() }));
    const order = (a: { unit: string | null }, b: { unit: string | null }) => (a.unit ?? '').localeCompare(b.unit ?? '');
    expect(overdue.sort(order)).toEqual(expectedOverdue.sort(order));
    const escalation = byRule('escalation').map((m) => ({ audience: m.audience, recipient: m.recipient, items: [...m.items].sort() }));
    const expectedEscalation = JIANGJIN_MONDAY.escalation.map((e) => ({ ...e, items: [...e.items].sort() }));
    const byRecipient = (a: { recipient: string }, b: { recipient: string }) => a.recipient.localeCompare(b.recipient);
    expect(escalation.sort(byRecipient)).toEqual(expectedEscalation.sort(byRecipient));
  });

  it.each(JIANGJIN_REMINDER_DAYS.map((d) => [d.date, d] as const))('Jiangjin reminders on %s are the ones worked out by hand', async (_date, d) => {
    const p = plans.jiangjin;
    const preview = (
      await t
        .as(p.office)
        .get(api(p, `/reminders/preview?date=${d.date}`))
        .expect(200)
    ).body as {
      workday: boolean;
      messages: { rule: string; audience: string; unitName: string | null; recipient: string; items: string[] }[];
    };
    const order = (a: { unit: string }, b: { unit: string }) => a.unit.localeCompare(b.unit);
    for (const rule of d.none)
      expect([rule, preview.messages.filter((m) => m.rule === rule).map((m) => `${m.unitName ?? m.recipient}: ${m.items.join(' ')}`)]).toEqual([rule, []]);
    for (const [rule, expected] of Object.entries(d.exact)) {
      const got = preview.messages.filter((m) => m.rule === rule).map((m) => ({ unit: m.unitName ?? '', audience: m.audience, items: [...m.items].sort() }));
      expect([rule, got.sort(order)]).toEqual([rule, expected.map((e) => ({ ...e, items: [...e.items].sort() })).sort(order)]);
    }
    if (d.escalation) {
      const got = preview.messages
        .filter((m) => m.rule === 'escalation')
        .map((m) => ({ audience: m.audience, recipient: m.recipient, items: [...m.items].sort() }));
      const byRecipient = (a: { recipient: string }, b: { recipient: string }) => a.recipient.localeCompare(b.recipient);
      expect(got.sort(byRecipient)).toEqual(d.escalation.map((e) => ({ ...e, items: [...e.items].sort() })).sort(byRecipient));
    }
    if (d.date === '2022-12-30') {
      // The due-day reminder reaches each lead unit with the items it leads (to whom else the README leaves open: "the unit").
      const due = preview.messages.filter((m) => m.rule === 'due');
      const led: Record<string, string[]> = {
        区生态环境局: ['任务53', '项目9'],
        区经济信息委: ['任务32'],
        江津区规划和自然资源局: ['任务16'],
        冀东水泥重庆江津有限责任公司: ['项目5'],
      };
      for (const [unit, items] of Object.entries(led)) {
        const toUnit = due.filter((m) => m.unitName === unit).flatMap((m) => m.items);
        expect([unit, items.filter((i) => !toUnit.includes(i))]).toEqual([unit, []]);
      }
    }
    if (d.date === '2023-01-23') expect(preview.workday).toBe(false);
  });

  it.each(JIANGJIN_DIGESTS.map((d) => [d.date, d] as const))("jiangjin-leader's weekly digest on Monday %s counts as worked by hand", async (_date, d) => {
    const p = plans.jiangjin;
    expect(leader).toBeTruthy();
    const preview = (
      await t
        .as(p.office)
        .get(api(p, `/reminders/preview?date=${d.date}`))
        .expect(200)
    ).body as {
      digests: { recipient: string; subject: string; text: string }[];
    };
    const digest = preview.digests.find((x) => x.recipient === 'jiangjin-leader@example.org');
    expect(digest).toBeDefined();
    expect(digest!.subject.endsWith(d.subjectEnd)).toBe(true);
    if (d.dueSoon > 0) {
      expect(digest!.text).toContain(`未来14天到期（${d.dueSoon}项）`);
      const section = digest!.text.slice(digest!.text.indexOf('未来14天到期'));
      for (const code of d.dueSoonItems ?? []) expect(section).toContain(`${code} `);
    }
    if (d.overdue !== undefined) expect(digest!.text).toContain(`逾期事项（${d.overdue}项`);
    if (d.newlyOverdue) {
      expect(digest!.text).toContain(`本周新增逾期（${d.newlyOverdue.length}项`);
      const section = digest!.text.slice(digest!.text.indexOf('本周新增逾期'), digest!.text.indexOf('未来14天到期'));
      for (const code of d.newlyOverdue) expect(section).toContain(`${code} `);
    }
    if (d.closedLastWeek) {
      expect(digest!.text).toContain(`上周销号（${d.closedLastWeek.length}项）`);
      const section = digest!.text.slice(digest!.text.indexOf('上周销号'));
      for (const code of d.closedLastWeek) expect(section).toContain(`${code} `);
    }
  });
});
