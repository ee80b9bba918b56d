import { recurringStatus } from '../status/status.js';
import { remindedStates } from './reminder-planner.js';

/** A yearly duty of a 2021-2025 plan whose 2021 occurrence was closed out and whose 2022 one was missed. */
const schedule = [2021, 2022, 2023].map((y) => ({
  key: `${y}-12-31`,
  start: `${y}-01-01`,
  label: `${y}年度`,
  events: y === 2021 ? [{ kind: 'closed' as const, date: '2021-12-20', seq: 1 }] : [],
  progress: [],
}));

describe('what reminders speak of for a recurring milestone', () => {
  it('is the missed occurrence and, beside it, the current one so its own reminders before the deadline still go out', () => {
    const status = recurringStatus(schedule, { asOf: '2023-12-01', dueSoonDays: 14 });
    const states = remindedStates({ id: 7, phrase: '每年', status }, '2023-12-01');
    expect(states.map((s) => [s.status.occurrence?.label, s.status.dueDate, s.status.overdue])).toEqual([
      ['2022年度', '2022-12-31', true],
      ['2023年度', '2023-12-31', false],
    ]);
  });

  it('is the milestone alone when nothing is missed, or when it does not recur', () => {
    const onTime = recurringStatus(schedule.slice(0, 1).concat({ ...schedule[1], events: [{ kind: 'closed', date: '2022-12-01', seq: 2 }] }, schedule[2]), {
      asOf: '2023-06-01',
      dueSoonDays: 14,
    });
    expect(remindedStates({ id: 7, phrase: '每年', status: onTime }, '2023-06-01').map((s) => s.status.occurrence?.label)).toEqual(['2023年度']);
    const dated = {
      status: 'not_started' as const,
      overdue: false,
      light: 'green' as const,
      dueDate: '2023-12-31',
      baselineDate: '2023-12-31',
      percent: null,
      closedOn: null,
      suspendedReason: null,
    };
    expect(remindedStates({ id: 8, phrase: '2023年底前', status: dated }, '2023-06-01')).toHaveLength(1);
  });
});
