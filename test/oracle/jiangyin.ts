/**
 * Jiangyin (江阴市“无废城市”建设; plan period 2022-09-30 … 2025-12-31, Asia/Shanghai). HAND-WORKED from
 * seeds/jiangyin/tasks.csv (the 21 tasks of the document), the README's rules (the same R1–R7 as
 * test/oracle/jiangjin.ts). Time elapsed runs from the plan's start 2022-09-30:
 * days(2022-09-30 → 2023-12-31) = 92 + 365 = 457; → 2024-03-31 = 548; → 2025-12-31 = 92 + 365 + 366 + 365 = 1188.
 * 无锡市江阴生态环境局 (jiangyin-sthj) is among the lead units of tasks 18 and 19.
 */
import type { OracleRow, Step } from './types.js';

export const JIANGYIN_STEPS: Step[] = [
  // Task 19 (到2023年…区域性收集转运和利用处置体系。到2025年…): the 2023 clause extended to 2024-03-31 (asked 12-01, approved 12-05).
  { date: '2023-12-01', do: 'extend', by: 'jiangyin-sthj', list: 'task', seq: 19, due: '2023-12-31', to: '2024-03-31', approveOn: '2023-12-05' },
  // Task 18 (深化碳普惠制…; no deadline → plan end; sole lead 江阴生态环境局): done and closed out 2024-05-10.
  { date: '2024-05-10', do: 'report', by: 'jiangyin-sthj', list: 'task', seq: 18, due: '2025-12-31', state: 'done', acceptOn: '2024-05-10' },
  // Task 11 (…到2025年,城市生活垃圾回收利用率达到40%以上…): extension to 2026-06-30 asked 2025-12-20, approved only on 2026-01-05.
  { date: '2025-12-20', do: 'extend', by: 'jiangyin-sthj', list: 'task', seq: 11, due: '2025-12-31', to: '2026-06-30', approveOn: '2026-01-05' },
];

export const JIANGYIN_ROWS: OracleRow[] = [
  // ── Task 19: "到2023年" → 2023-12-31, "到2025年" → 2025-12-31.
  { list: 'task', seq: 19, due: '2023-12-31', asOf: '2023-12-04', expect: { dueDate: '2023-12-31', baselineDate: '2023-12-31', overdue: false, light: 'yellow' }, why: 'R4/R7: approval is on 12-05; 429/457 = 94% elapsed, 0% → yellow' },
  { list: 'task', seq: 19, due: '2023-12-31', asOf: '2024-01-02', expect: { dueDate: '2024-03-31', baselineDate: '2023-12-31', overdue: false, daysOverdue: null }, why: 'R4: moved to 2024-03-31, so not overdue on 2024-01-02 although 2023-12-31 passed' },
  { list: 'task', seq: 19, due: '2023-12-31', asOf: '2024-03-20', expect: { light: 'yellow', overdue: false }, why: 'R2: the extended date is 11 days away → yellow' },
  { list: 'task', seq: 19, due: '2023-12-31', asOf: '2024-04-01', expect: { dueDate: '2024-03-31', light: 'red', overdue: true, daysOverdue: 1 }, why: 'R1: one day after the extended date' },
  { list: 'task', seq: 19, asOf: '2024-04-01', expect: { status: 'not_started', light: 'red', overdue: true }, why: 'R2/R3: nothing reported; worst of its milestones' },
  { list: 'task', seq: 19, due: '2023-12-31', asOf: '2025-01-01', expect: { overdue: true, daysOverdue: 276 }, why: 'R1: April–December 2024 = 275 days, + 1 → 276' },
  { list: 'task', seq: 19, due: '2025-12-31', asOf: '2026-01-01', expect: { dueDate: '2025-12-31', overdue: true, daysOverdue: 1 }, why: 'R1: the 2025 clause, never extended' },

  // ── Task 18: no deadline → 2025-12-31; closed out 2024-05-10.
  { list: 'task', seq: 18, asOf: '2024-05-09', expect: { status: 'not_started', light: 'yellow', overdue: false }, why: 'R7: the day before; 586/1188 = 49% elapsed, 0% → yellow' },
  { list: 'task', seq: 18, asOf: '2024-05-10', expect: { status: 'closed', light: 'grey', overdue: false }, why: 'R3: its only milestone closed out that day' },
  { list: 'task', seq: 18, asOf: '2026-01-01', expect: { status: 'closed', light: 'grey', overdue: false, daysOverdue: null }, why: 'R1: closed out, never overdue' },

  // ── Task 11: due 2025-12-31, extension asked before and approved after the deadline.
  { list: 'task', seq: 11, due: '2025-12-31', asOf: '2026-01-03', expect: { dueDate: '2025-12-31', overdue: true, light: 'red', daysOverdue: 3 }, why: 'R4/R7: a pending request moves nothing; 3 days past 2025-12-31' },
  { list: 'task', seq: 11, due: '2025-12-31', asOf: '2026-01-06', expect: { dueDate: '2026-06-30', baselineDate: '2025-12-31', overdue: false, light: 'yellow', daysOverdue: null }, why: 'R4: approved 01-05 → due 2026-06-30; 1194/1369 = 87% elapsed, 0% → yellow' },

  // ── Task 12: "到2025年，畜禽粪污和秸秆综合利用率均达到95%以上" → 2025-12-31; lead 市农业农村局, nothing reported.
  { list: 'task', seq: 12, asOf: '2022-10-10', expect: { status: 'not_started', light: 'green', overdue: false }, why: 'R2: 10/1188 days elapsed → on track' },
  { list: 'task', seq: 12, asOf: '2025-12-20', expect: { light: 'yellow', overdue: false }, why: 'R2: due in 11 days' },
  { list: 'task', seq: 12, asOf: '2026-01-01', expect: { light: 'red', overdue: true, daysOverdue: 1 }, why: 'R1' },
];

/** Plan-wide overdue counts: the only deadline before 2025 in the document's 21 tasks is task 19's "到2023年". */
export const JIANGYIN_OVERDUE_COUNTS: { asOf: string; items: number; milestones?: number; byList?: Record<string, number>; why: string }[] = [
  { asOf: '2024-01-02', items: 0, milestones: 0, why: 'task 19’s 2023 clause was extended to 2024-03-31; every other clause is 到2025年 or has no date; "(2021年第25号公告)" is a citation' },
  { asOf: '2024-04-01', items: 1, milestones: 1, byList: { task: 1, project: 0, indicator: 0 }, why: 'task 19’s 2023 clause, 1 day past its extended date' },
];
