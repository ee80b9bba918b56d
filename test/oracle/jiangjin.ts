/**
 * Jiangjin (重庆市江津区工业固体废物污染环境防治“十四五”规划; plan period 2021-01-01 … 2025-12-31, Asia/Shanghai).
 * HAND-WORKED. Sources: seeds/jiangjin/{tasks,projects,indicators}.csv (transcribed from the plan's 附件2/附件3 and 表2),
 * README "时限的读法", "状态与红黄绿灯", "周期性事项", "催办与逾期周报".
 *
 * Rules used below, as the documents state them:
 *  R1 overdue: the due date has passed (calendar date) and the milestone is not closed out; days overdue = asOf − due date.
 *  R2 light: red overdue; yellow due within DUE_SOON_DAYS (14) or progress trailing time elapsed by more than 10 points;
 *     green on track; grey closed out, suspended or no due date. Time elapsed runs from the milestone's period start,
 *     else the plan's start (2021-01-01). An item's light is the worst of its milestones'.
 *  R3 an item is closed when all its milestones are; in_progress once any work is reported; submitted when every open
 *     milestone is submitted.
 *  R4 an approved extension moves the due date from the day it is approved; the original stays as baselineDate.
 *  R5 每年: one occurrence a year, due 12-31, to the plan's end; a missed one stays overdue until closed or waived and the
 *     milestone speaks for the latest missed one (days counted from its due date).
 *  R6 "2022" alone in a project's 完成时限 → 2022-12-31; "到2023年…，到2025年…" → one milestone per clause; a task text with no
 *     deadline → the plan's end (2025-12-31); "（2021年版）" and "自2022年起" are not deadlines; "持续开展" is ongoing (no date).
 *  R7 "as of" a date: only events dated on or before it count.
 * Span arithmetic: days(2021-01-01 → 2025-12-31) = 1825; → 2023-12-31 = 1094; → 2022-12-31 = 729; → 2024-06-30 = 1276.
 */
import type { OracleRow, Step } from './types.js';

/** What happens, in order (all through the API; DEMO progress off, so nothing else is recorded). */
export const JIANGJIN_STEPS: Step[] = [
  // Task 53 (每年定期组织召开全区固体废物环境管理工作会; lead 区生态环境局): 2021 done and closed out, 2022 never reported.
  { date: '2021-12-10', do: 'report', by: 'sthj', list: 'task', seq: 53, due: '2021-12-31', state: 'done', acceptOn: '2021-12-15' },
  // Task 18 (no deadline in its text; lead 区经济信息委): 60% reported and accepted on 2023-06-30.
  { date: '2023-06-30', do: 'report', by: 'jxw', list: 'task', seq: 18, due: '2025-12-31', state: 'in_progress', percent: 60, acceptOn: '2023-06-30' },
  // Project 12 (固废规划宣传培训及评估工作, 完成时限 "2023"; 区生态环境局): extension to 2024-06-30 asked 11-15, approved 11-20.
  { date: '2023-11-15', do: 'extend', by: 'sthj', list: 'project', seq: 12, due: '2023-12-31', to: '2024-06-30', approveOn: '2023-11-20' },
  // Task 11 (到2023年新增绿色工厂3个，到2025年…10个; 区经济信息委): the 2023 clause done 3/3 on 12-20, closed out 12-22.
  { date: '2023-12-20', do: 'report', by: 'jxw', list: 'task', seq: 11, due: '2023-12-31', state: 'done', quantityDone: 3, acceptOn: '2023-12-22' },
  // Project 10 (危险废物管理能力提升, "2025"; 区生态环境局): suspended 2024-03-01, resumed 2025-01-15.
  { date: '2024-03-01', do: 'suspend', list: 'project', seq: 10, due: '2025-12-31' },
  // Task 2 (至2025年，一般工业固体废物综合利用率达到88%以上; 区经济信息委): done and closed out on 2024-12-10.
  { date: '2024-12-10', do: 'report', by: 'jxw', list: 'task', seq: 2, due: '2025-12-31', state: 'done', acceptOn: '2024-12-10' },
  { date: '2025-01-15', do: 'resume', list: 'project', seq: 10, due: '2025-12-31' },
  // Task 15 (探索绿色设计…; no deadline; lead 区经济信息委, support 区生态环境局): the lead's 80% is returned (退回) on
  // 06-10; the supporting unit's 90% is accepted on 07-01. Neither is the lead's standing progress (README: 配合单位的填报是补充材料).
  { date: '2022-06-01', do: 'report', by: 'jxw', list: 'task', seq: 15, due: '2025-12-31', state: 'in_progress', percent: 80, returnOn: '2022-06-10' },
  { date: '2022-07-01', do: 'report', by: 'sthj', list: 'task', seq: 15, due: '2025-12-31', state: 'in_progress', percent: 90, acceptOn: '2022-07-01' },
  // Task 53: the office waives the missed 2022 occurrence on 2023-03-15 (README: 免除本期, with a reason).
  { date: '2023-03-15', do: 'waive', list: 'task', seq: 53, due: '2021-12-31', occurrence: '2022-12-31' },
  // Project 11 (应急能力建设, "2025"; 区生态环境局): reported done 2025-06-01, closed out 06-03, reopened (撤销销号) 09-01.
  { date: '2025-06-01', do: 'report', by: 'sthj', list: 'project', seq: 11, due: '2025-12-31', state: 'done', acceptOn: '2025-06-03' },
  { date: '2025-09-01', do: 'reopen', list: 'project', seq: 11, due: '2025-12-31' },
  // Project 13 (固废危险废物区域联防联控, "2025"; 区生态环境局) is withdrawn (撤销) on 2024-08-01.
  { date: '2024-08-01', do: 'withdraw', list: 'project', seq: 13 },
];

export const JIANGJIN_ROWS: OracleRow[] = [
  // ── Task 11: two dated clauses (R6) → 2023-12-31 (3个) and 2025-12-31 (10个).
  { list: 'task', seq: 11, asOf: '2021-03-01', expect: { status: 'not_started', light: 'green', overdue: false }, why: 'R2: 59 days of 1094 (5%) and of 1825 (3%) elapsed, 0% done: within 10 points, not due soon → green' },
  { list: 'task', seq: 11, due: '2023-12-31', asOf: '2023-12-19', expect: { status: 'not_started', light: 'yellow', overdue: false, daysOverdue: null }, why: 'R7: the report of 12-20 is not yet there; R2: due in 12 days (≤14) → yellow' },
  { list: 'task', seq: 11, due: '2023-12-31', asOf: '2023-12-21', expect: { status: 'submitted', overdue: false }, why: 'README: the lead unit said done on 12-20, the office has not accepted → submitted' },
  { list: 'task', seq: 11, asOf: '2023-12-21', expect: { status: 'in_progress', light: 'yellow', overdue: false }, why: 'R3: work reported but the 2025 clause is open and not submitted → in_progress; 2025 clause 1084/1825 = 59% elapsed, 0% → yellow' },
  { list: 'task', seq: 11, due: '2023-12-31', asOf: '2024-01-01', expect: { status: 'closed', light: 'grey', overdue: false, daysOverdue: null }, why: 'R1/R2: closed out 2023-12-22, so the passed deadline is not overdue; closed → grey' },
  { list: 'task', seq: 11, asOf: '2024-01-01', expect: { status: 'in_progress', light: 'yellow', overdue: false, daysOverdue: null }, why: 'R3: one clause closed, one open → in_progress; 2025 clause 1095/1825 = 60% elapsed, 0% → yellow (worst of grey, yellow)' },
  { list: 'task', seq: 11, due: '2025-12-31', asOf: '2026-01-01', expect: { status: 'not_started', light: 'red', overdue: true, daysOverdue: 1 }, why: 'R1: 2025-12-31 passed, nothing reported on this clause: 1 day overdue' },
  { list: 'task', seq: 11, asOf: '2026-01-01', expect: { light: 'red', overdue: true }, why: 'R2: worst of its milestones (red)' },

  // ── Project 9: 完成时限 "2022" (R6) → 2022-12-31; nothing ever reported.
  { list: 'project', seq: 9, due: '2022-12-31', asOf: '2022-12-20', expect: { status: 'not_started', light: 'yellow', overdue: false, dueDate: '2022-12-31', daysOverdue: null }, why: 'R2: due in 11 days → yellow' },
  { list: 'project', seq: 9, asOf: '2023-01-01', expect: { light: 'red', overdue: true, daysOverdue: 1 }, why: 'R1: the day after 2022-12-31 → 1 day overdue' },
  { list: 'project', seq: 9, asOf: '2024-01-01', expect: { light: 'red', overdue: true, daysOverdue: 366 }, why: 'R1: 365 days of 2023 + 1 → 366' },
  { list: 'project', seq: 9, asOf: '2026-01-01', expect: { light: 'red', overdue: true, daysOverdue: 1097 }, why: 'R1: 2023 (365) + 2024 (366) + 2025 (365) + 1 → 1097' },

  // ── Project 12: "2023" → 2023-12-31, extended to 2024-06-30 (approved 2023-11-20).
  { list: 'project', seq: 12, due: '2023-12-31', asOf: '2023-11-19', expect: { dueDate: '2023-12-31', baselineDate: '2023-12-31', overdue: false, light: 'yellow' }, why: 'R4/R7: approval comes on 11-20, so the due date still stands; R2: 1052/1094 = 96% elapsed, 0% → yellow' },
  { list: 'project', seq: 12, due: '2023-12-31', asOf: '2024-01-01', expect: { dueDate: '2024-06-30', baselineDate: '2023-12-31', overdue: false, light: 'yellow', daysOverdue: null }, why: 'R4: moved to 2024-06-30, baseline stays; not overdue although 2023-12-31 passed; 1095/1276 = 86% elapsed → yellow' },
  { list: 'project', seq: 12, due: '2023-12-31', asOf: '2024-07-01', expect: { dueDate: '2024-06-30', overdue: true, light: 'red', daysOverdue: 1 }, why: 'R1/R4: one day after the extended date' },
  { list: 'project', seq: 12, due: '2023-12-31', asOf: '2026-01-01', expect: { overdue: true, daysOverdue: 550 }, why: 'R1: 2024-06-30 → 2024-12-31 is 184, + 365 + 1 → 550 (not 732 from the baseline)' },

  // ── Project 10: "2025" → 2025-12-31; suspended 2024-03-01, resumed 2025-01-15.
  { list: 'project', seq: 10, asOf: '2024-02-29', expect: { status: 'not_started', light: 'yellow', overdue: false }, why: 'R7: before the suspension; 1154/1825 = 63% elapsed, 0% → yellow' },
  { list: 'project', seq: 10, asOf: '2024-06-01', expect: { status: 'suspended', light: 'grey', overdue: false }, why: 'README status suspended; R2: suspended → grey' },
  { list: 'project', seq: 10, asOf: '2026-01-01', expect: { status: 'not_started', light: 'red', overdue: true, daysOverdue: 1 }, why: 'resumed 2025-01-15, nothing reported: R1 1 day overdue' },

  // ── Task 18: no deadline in the text → 2025-12-31 (R6); 60% reported and accepted 2023-06-30.
  { list: 'task', seq: 18, due: '2025-12-31', asOf: '2023-06-29', expect: { status: 'not_started', light: 'yellow' }, why: 'R7: report not yet made; 909/1825 = 49.8% elapsed vs 0% → behind → yellow' },
  { list: 'task', seq: 18, due: '2025-12-31', asOf: '2023-07-01', expect: { status: 'in_progress', light: 'green', percent: 60, overdue: false }, why: 'R2: 911/1825 = 49.9% elapsed, 60% done → on track → green' },
  { list: 'task', seq: 18, due: '2025-12-31', asOf: '2024-09-02', expect: { status: 'in_progress', light: 'yellow', overdue: false }, why: 'R2: 1340/1825 = 73.4% elapsed vs 60% → 13.4 points behind → yellow' },
  { list: 'task', seq: 18, asOf: '2026-01-01', expect: { status: 'in_progress', light: 'red', overdue: true, daysOverdue: 1 }, why: 'R1: 60% is not closed out; 1 day after 2025-12-31' },

  // ── Task 2: 至2025年 → 2025-12-31; done and closed out 2024-12-10.
  { list: 'task', seq: 2, asOf: '2024-12-09', expect: { status: 'not_started', light: 'yellow', overdue: false }, why: 'R7: the day before; 1438/1825 = 78.8% elapsed, 0% → yellow' },
  { list: 'task', seq: 2, asOf: '2024-12-10', expect: { status: 'closed', light: 'grey', overdue: false }, why: 'R3: its only milestone closed out that day → closed, grey' },
  { list: 'task', seq: 2, asOf: '2026-01-01', expect: { status: 'closed', light: 'grey', overdue: false, daysOverdue: null }, why: 'R1: closed out, so never overdue' },

  // ── Indicator 2 (一般工业固体废物综合利用率, 规划目标（2025年） 88%): due 2025-12-31.
  { list: 'indicator', seq: 2, asOf: '2025-12-20', expect: { status: 'not_started', light: 'yellow', overdue: false }, why: 'R2: target year 2025 → due 2025-12-31, 11 days away → yellow' },
  { list: 'indicator', seq: 2, asOf: '2026-01-01', expect: { light: 'red', overdue: true, daysOverdue: 1 }, why: 'R1: 1 day after 2025-12-31, no value judged met' },

  // ── Task 15: a returned report and a supporting unit's report are not the lead's progress.
  { list: 'task', seq: 15, due: '2025-12-31', asOf: '2022-06-15', expect: { light: 'yellow', overdue: false }, why: 'README 退回: the 80% was returned on 06-10, so 0% stands; 530/1825 = 29% elapsed → 29 points behind → yellow (80% would be green)' },
  { list: 'task', seq: 15, due: '2025-12-31', asOf: '2022-07-02', expect: { light: 'yellow', overdue: false }, why: 'README: 配合单位的填报是补充材料 — the supporting unit’s accepted 90% is not progress; 547/1825 = 30% elapsed vs 0% → yellow' },

  // ── Task 53: 每年 (R5); 2021 closed out 2021-12-15, 2022 … 2025 never reported.
  { list: 'task', seq: 53, due: '2021-12-31', asOf: '2021-12-12', expect: { status: 'submitted', overdue: false, occurrence: '2021年度' }, why: 'R5/R7: the 2021 occurrence reported done 12-10, not yet accepted → submitted' },
  { list: 'task', seq: 53, due: '2021-12-31', asOf: '2021-12-16', expect: { status: 'closed', light: 'grey', overdue: false, occurrence: '2021年度' }, why: 'R5: the 2021 occurrence closed out 12-15 and is still the current one' },
  { list: 'task', seq: 53, due: '2021-12-31', asOf: '2022-12-20', expect: { status: 'not_started', light: 'yellow', overdue: false, dueDate: '2022-12-31', missedOccurrences: 0, occurrence: '2022年度' }, why: 'R5: the 2022 occurrence, due in 11 days → yellow' },
  { list: 'task', seq: 53, due: '2021-12-31', asOf: '2023-03-01', expect: { light: 'red', overdue: true, dueDate: '2022-12-31', missedOccurrences: 1, occurrence: '2022年度', daysOverdue: 60 }, why: 'R5/R7: 2022 missed (its waiver comes on 03-15); 31 + 28 + 1 = 60 days' },
  { list: 'task', seq: 53, due: '2021-12-31', asOf: '2023-03-20', expect: { light: 'yellow', overdue: false, dueDate: '2023-12-31', missedOccurrences: 0, occurrence: '2023年度', daysOverdue: null }, why: 'README 免除: 2022 waived on 03-15, so nothing is missed; the 2023 occurrence runs from 2023-01-01: 78/364 = 21% elapsed, 0% → yellow' },
  { list: 'task', seq: 53, due: '2021-12-31', asOf: '2026-01-01', expect: { light: 'red', overdue: true, dueDate: '2025-12-31', missedOccurrences: 3, occurrence: '2025年度', daysOverdue: 1 }, why: 'R5: 2023, 2024, 2025 missed (3; 2022 waived); days from the latest missed (2025-12-31): 1, not 1097' },

  // ── Project 11: "2025"; reported done 2025-06-01, closed out 06-03, reopened 09-01.
  { list: 'project', seq: 11, due: '2025-12-31', asOf: '2025-06-02', expect: { status: 'submitted', overdue: false }, why: 'the lead unit said done, not yet accepted → submitted' },
  { list: 'project', seq: 11, asOf: '2025-08-31', expect: { status: 'closed', light: 'grey', overdue: false }, why: 'R3/R7: closed out 06-03; the reopening of 09-01 is not yet there' },
  { list: 'project', seq: 11, asOf: '2026-01-01', expect: { light: 'red', overdue: true, daysOverdue: 1 }, why: 'reopened 09-01, so no longer closed out: R1 1 day after 2025-12-31' },
];

/** The overdue report's plan-wide counts (milestones and items) on two dates. */
export const JIANGJIN_OVERDUE_COUNTS: { asOf: string; items: number; milestones?: number; byList?: Record<string, number>; why: string }[] = [
  {
    asOf: '2022-12-20',
    items: 0,
    milestones: 0,
    why: 'nothing in the plan is due before 2022-12-31 but task 53’s 2021 occurrence, closed out; "2021年版" (task 17) is an edition, not a deadline',
  },
  {
    asOf: '2023-01-09',
    items: 5,
    milestones: 5,
    byList: { task: 3, project: 2, indicator: 0 },
    why: 'the 2022-12-31 milestones: task 16 (到2022年底前…10座), task 32 (2022年底前…二期), task 53 (2022年度), projects 5 and 9 ("2022"); task 68 "2022年以…为重点，持续开展" is ongoing, task 81 "自2022年起" a start',
  },  {
    asOf: '2026-01-01',
    items: 95,
    why: 'after the plan’s end: 82 tasks − task 2 (closed) − task 68 (ongoing) + 12 projects (13 withdrawn on 2024-08-01) + 3 indicators',
  },
];

/**
 * The progress report's per-list counts on 2024-06-01 (R1–R3; 1247 of 1825 days elapsed = 68.3%).
 * Tasks (82): red 3 — tasks 16 and 32 (their 2022 clauses) and 53 (2022 and 2023 missed); grey 1 — task 68, whose only
 * deadline is "持续开展" (ongoing, no date); green 1 — task 18 (60% done vs 68.3% elapsed: 8.3 points, within 10);
 * yellow the other 77 (open, 0% done, more than 10 points behind; task 11's open 2025 clause makes it yellow).
 * Nothing closed, submitted or suspended among tasks (task 2 is closed only on 2024-12-10).
 * Projects (13): red 2 — 5 and 9 ("2022"); grey 1 — 10 (suspended 2024-03-01); yellow 10 — 12 (extended to 2024-06-30,
 * 1247/1276 elapsed) and the nine other "2025" projects (68.3% elapsed, 0%); suspended 1; overdue 2.
 * Indicators (3): all due 2025-12-31 with nothing reported: yellow 3, overdue 0.
 */
export const JIANGJIN_PROGRESS_COUNTS = {
  asOf: '2024-06-01',
  task: { total: 82, overdue: 3, lights: { red: 3, yellow: 77, green: 1, grey: 1 }, closed: 0, submitted: 0, suspended: 0 },
  project: { total: 13, overdue: 2, lights: { red: 2, yellow: 10, green: 0, grey: 1 }, closed: 0, submitted: 0, suspended: 1 },
  indicator: { total: 3, overdue: 0, lights: { red: 0, yellow: 3, green: 0, grey: 0 }, closed: 0, submitted: 0, suspended: 0 },
};

/**
 * The same on 2026-01-01, after the plan's end (every dated milestone is due by 2025-12-31).
 * Tasks (82): closed 1 (task 2, grey); grey also task 68 (ongoing only, never overdue); red the other 80.
 * Projects: project 13 was withdrawn on 2024-08-01, so 12 count (README: 撤销之日起不计入各报告 — and on 2024-06-01, above,
 * it still counted: 13); all 12 are open and past due (10 resumed, 12 past its extended date) → red 12.
 * Indicators: 3 red. The overdue report: 80 + 12 + 3 = 95 items.
 */
export const JIANGJIN_PROGRESS_COUNTS_AFTER_END = {
  asOf: '2026-01-01',
  task: { total: 82, overdue: 80, lights: { red: 80, yellow: 0, green: 0, grey: 2 }, closed: 1, submitted: 0, suspended: 0 },
  project: { total: 12, overdue: 12, lights: { red: 12, yellow: 0, green: 0, grey: 0 }, closed: 0, submitted: 0, suspended: 0 },
  indicator: { total: 3, overdue: 3, lights: { red: 3, yellow: 0, green: 0, grey: 0 }, closed: 0, submitted: 0, suspended: 0 },
};

/** The list endpoints with ?overdue=true&asOf=2023-01-09: the same five items, found by hand above. */
export const JIANGJIN_OVERDUE_LISTS = { asOf: '2023-01-09', task: [16, 32, 53], project: [5, 9], indicator: [] as number[] };

/**
 * Monday 2023-02-06 (a workday; the Spring Festival break ended 2023-01-27). The five items overdue since 2022-12-31 are
 * 37 days overdue. README 催办: overdue → weekly on Monday to the lead unit's head (负责人), cc the supporting units' heads;
 * escalation → from 30 days overdue, weekly, to the supervising leader (no unit 'leader' contact in the demo data, so the
 * plan's leader account) and the office; one message per recipient, rule and day, listing all its items.
 * Nothing is due between 2023-02-06 and 2023-03-08, so no before/due reminder that day.
 * Units: task 16 lead 江津区规划和自然资源局, support 区生态环境局、区应急管理局; task 32 lead 区经济信息委, support 区生态环境局;
 * task 53 lead 区生态环境局, support 区经济信息委; project 5 冀东水泥重庆江津有限责任公司; project 9 区生态环境局.
 */
export const JIANGJIN_MONDAY = {
  date: '2023-02-06',
  overdue: [
    { unit: '区生态环境局', audience: 'head', items: ['任务16', '任务32', '任务53', '项目9'], why: 'leads task 53 and project 9; supports tasks 16 and 32' },
    { unit: '区经济信息委', audience: 'head', items: ['任务32', '任务53'], why: 'leads task 32; supports task 53' },
    { unit: '江津区规划和自然资源局', audience: 'head', items: ['任务16'], why: 'leads task 16' },
    { unit: '区应急管理局', audience: 'head', items: ['任务16'], why: 'supports task 16' },
    { unit: '冀东水泥重庆江津有限责任公司', audience: 'head', items: ['项目5'], why: 'responsible for project 5' },
  ],
  escalation: [
    { audience: 'leader', recipient: 'jiangjin-leader@example.org', items: ['任务16', '任务32', '任务53', '项目5', '项目9'] },
    { audience: 'office', recipient: 'jiangjin-office@example.org', items: ['任务16', '任务32', '任务53', '项目5', '项目9'] },
  ],
};

/**
 * jiangjin-leader's weekly digest (README: 逾期周报, DUE_SOON_DAYS 14) on two Mondays.
 * 2022-12-19: nothing overdue; due 2022-12-19 … 2023-01-02: the five 2022-12-31 milestones above → "本周无逾期事项，5项临近到期".
 * 2023-01-09: the same five overdue; all were already overdue a week before (since 2023-01-01) → "逾期5项，新增逾期0项";
 *   nothing due 2023-01-09 … 2023-01-23.
 */
export const JIANGJIN_DIGESTS: { date: string; subjectEnd: string; overdue?: number; dueSoon: number; dueSoonItems?: string[]; newlyOverdue?: string[]; closedLastWeek?: string[] }[] = [
  { date: '2022-12-19', subjectEnd: '本周无逾期事项，5项临近到期', dueSoon: 5, dueSoonItems: ['任务16', '任务32', '任务53', '项目5', '项目9'] },
  { date: '2023-01-09', subjectEnd: '逾期5项，新增逾期0项', overdue: 5, dueSoon: 0 },
  // 2024-07-01: project 12's extended date 2024-06-30 has just passed → newly overdue this week (by its baseline 2023-12-31 it
  // would have been overdue for half a year, not new); with tasks 16, 32, 53 and projects 5, 9: 6 overdue. Nothing due by 07-15.
  { date: '2024-07-01', subjectEnd: '逾期6项，新增逾期1项', overdue: 6, dueSoon: 0, newlyOverdue: ['项目12'] },
  // 2024-12-16: the same 6 overdue, none new; task 2 closed out on Tuesday 2024-12-10 → 上周销号 1; task 53's 2024 occurrence
  // (12-31) is 15 days away, outside 14 → nothing due soon.
  { date: '2024-12-16', subjectEnd: '逾期6项，新增逾期0项', overdue: 6, dueSoon: 0, closedLastWeek: ['任务2'] },
];

/** The five units and items of the 2022-12-31 milestones, as the rules address them (lead, plus supporting units in copy). */
const FIVE_BY_UNIT = [
  { unit: '区生态环境局', items: ['任务16', '任务32', '任务53', '项目9'] },
  { unit: '区经济信息委', items: ['任务32', '任务53'] },
  { unit: '江津区规划和自然资源局', items: ['任务16'] },
  { unit: '区应急管理局', items: ['任务16'] },
  { unit: '冀东水泥重庆江津有限责任公司', items: ['项目5'] },
];
const liaisons = FIVE_BY_UNIT.map((u) => ({ ...u, audience: 'liaison' }));
const heads = FIVE_BY_UNIT.map((u) => ({ ...u, audience: 'head' }));
const FIVE = ['任务16', '任务32', '任务53', '项目5', '项目9'];
const toLeaderAndOffice = [
  { audience: 'leader', recipient: 'jiangjin-leader@example.org', items: FIVE },
  { audience: 'office', recipient: 'jiangjin-office@example.org', items: FIVE },
];

/**
 * The reminders around the 2022-12-31 deadlines (README 催办 table; defaults beforeDays 30/7/1, overdue weekday Monday,
 * escalation after 30 days; workdays from the official calendar: 2022-12-31 … 2023-01-02 New Year holiday, 2023-01-21 …
 * 01-27 Spring Festival). For each day, `exact` lists EVERY message of those rules in the whole plan (nothing else is
 * due within 30 days of these dates), `none` rules that must send nothing that day.
 */
export const JIANGJIN_REMINDER_DAYS: { date: string; why: string; exact: Partial<Record<'before' | 'overdue', { unit: string; audience: string; items: string[] }[]>>; escalation?: typeof toLeaderAndOffice; none: string[] }[] = [
  { date: '2022-12-01', why: '30 days before 2022-12-31 (a Thursday, a workday): before, to the lead liaisons, cc the supporting units’ liaisons', exact: { before: liaisons }, none: ['due', 'overdue', 'escalation'] },
  { date: '2022-12-23', why: '7 days before is Saturday 12-24, moved back to Friday 12-23', exact: { before: liaisons }, none: ['due', 'overdue', 'escalation'] },
  { date: '2022-12-30', why: 'the 1-day-before (12-30) and the due day (Saturday 12-31 → Friday 12-30) fall together: only the nearer one, due', exact: {}, none: ['before', 'overdue', 'escalation'] },
  { date: '2023-01-03', why: 'the first overdue workday (12-31 … 01-02 are holidays): overdue to the heads; 3 days, no escalation', exact: { overdue: heads }, none: ['before', 'due', 'escalation'] },
  { date: '2023-01-23', why: 'a Monday in the Spring Festival break: not a workday, nothing at all', exact: {}, none: ['before', 'due', 'overdue', 'escalation'] },
  { date: '2023-01-30', why: 'Monday, 30 days overdue: weekly overdue to the heads, and escalation begins (满30天)', exact: { overdue: heads }, escalation: toLeaderAndOffice, none: ['before', 'due'] },
  {
    date: '2023-12-22',
    why: '7 days before 2023-12-31 is Sunday 12-24 → Friday 12-22. Due 2023-12-31 then: task 53’s 2023 occurrence (open); task 11’s 2023 clause was closed out that morning (none); project 12 was moved to 2024-06-30 (none)',
    exact: { before: [{ unit: '区生态环境局', audience: 'liaison', items: ['任务53'] }, { unit: '区经济信息委', audience: 'liaison', items: ['任务53'] }] },
    none: ['due', 'overdue', 'escalation'],
  },
  { date: '2024-05-31', why: '30 days before project 12’s extended date 2024-06-30 (a Friday): before, to 区生态环境局’s liaison', exact: { before: [{ unit: '区生态环境局', audience: 'liaison', items: ['项目12'] }] }, none: ['due', 'overdue', 'escalation'] },
  { date: '2023-01-31', why: 'Tuesday: neither the weekly day nor a new escalation', exact: {}, none: ['before', 'due', 'overdue', 'escalation'] },
];
