import { acceptOutcome, daysBetween, groupUnsigned, isLate, itemCode, lateUnits, milestoneActions, pageOf, remindSummary } from './oversight.js';

describe('oversight screens', () => {
  it('names items as the lists do', () => {
    expect(itemCode('task', 11)).toBe('任务11');
    expect(itemCode('project', 3)).toBe('项目3');
    expect(itemCode('indicator', null)).toBe('指标');
  });

  it('accepting closes out only the lead unit’s “done”', () => {
    expect(acceptOutcome({ role: 'lead', state: 'done' })).toMatchObject({ label: '通过并销号', closes: true });
    expect(acceptOutcome({ role: 'lead', state: 'in_progress' })).toMatchObject({ label: '通过', closes: false });
    expect(acceptOutcome({ role: 'support', state: 'done' }).hint).toContain('配合单位');
  });

  it('pages rows from 1', () => {
    const rows = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(pageOf(rows, 1, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pageOf(rows, 3, 10)).toEqual([21, 22, 23, 24, 25]);
    expect(pageOf(rows, 0, 10)).toHaveLength(10);
    expect(pageOf(rows, 4, 10)).toEqual([]);
  });

  it('offers the close-out actions the service allows in each status', () => {
    expect(milestoneActions({ status: 'closed', kind: 'dated' })).toEqual(['reopen']);
    expect(milestoneActions({ status: 'in_progress', kind: 'dated' })).toEqual(['suspend']);
    expect(milestoneActions({ status: 'submitted', kind: 'recurring' })).toEqual(['suspend', 'waive']);
    expect(milestoneActions({ status: 'suspended', kind: 'recurring' })).toEqual(['resume', 'waive']);
    expect(milestoneActions({ status: 'closed', kind: 'recurring' })).toEqual(['reopen']);
    expect(milestoneActions({ status: 'not_started', kind: 'ongoing' })).toEqual(['suspend']);
  });

  it('counts a notice late once its answer date has passed unanswered', () => {
    const a = { id: 1, name: '区经济信息委' };
    const b = { id: 2, name: '区生态环境局' };
    const notices = [
      { status: 'open', answerBy: '2026-11-20', unit: a },
      { status: 'open', answerBy: '2026-11-23', unit: b },
      { status: 'answered', answerBy: '2026-11-01', unit: b },
      { status: 'open', answerBy: null, unit: b },
      { status: 'open', answerBy: '2026-11-22', unit: a },
    ];
    expect(isLate(notices[0], '2026-11-23')).toBe(true);
    expect(isLate(notices[1], '2026-11-23')).toBe(false);
    expect(isLate(notices[2], '2026-11-23')).toBe(false);
    expect(isLate(notices[3], '2026-11-23')).toBe(false);
    expect(lateUnits(notices, '2026-11-23')).toEqual([{ unit: a, count: 2 }]);
    expect(lateUnits(notices, '2026-11-24')).toEqual([
      { unit: a, count: 2 },
      { unit: b, count: 1 },
    ]);
    expect(daysBetween('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('groups what is not signed for by unit, most first', () => {
    const a = { id: 1, name: '区经济信息委' };
    const b = { id: 2, name: '区城市管理局' };
    const c = { id: 3, name: '区住房城乡建委' };
    const row = (unit: typeof a, code: string, role: 'lead' | 'support', signed = false) => ({
      unit,
      itemType: 'task',
      itemId: Number(code.slice(2)),
      code,
      role,
      signed,
    });
    const groups = groupUnsigned([
      row(a, '任务1', 'lead'),
      row(a, '任务2', 'support', true),
      row(b, '任务3', 'support'),
      row(b, '任务4', 'lead'),
      row(c, '任务5', 'lead'),
      row(c, '任务6', 'lead', true),
    ]);
    expect(groups.map((g) => [g.unit.name, g.rows.map((r) => r.code), g.lead])).toEqual([
      ['区城市管理局', ['任务3', '任务4'], 1],
      ['区经济信息委', ['任务1'], 1],
      ['区住房城乡建委', ['任务5'], 1],
    ]);
  });

  it('tells the office what a reminder did', () => {
    expect(
      remindSummary({
        queued: 3,
        units: [
          { queued: 2, alreadyToday: 0 },
          { queued: 1, alreadyToday: 0 },
          { queued: 0, alreadyToday: 1 },
        ],
        unreachable: [{ name: '珞璜工业园' }],
      }),
    ).toBe('已向2个单位发出3条签收提醒；1个单位今天已提醒过；珞璜工业园没有联络员邮箱或工作群，无法提醒');
    expect(remindSummary({ queued: 0, units: [{ queued: 0, alreadyToday: 2 }], unreachable: [] })).toBe('没有发出新的提醒；1个单位今天已提醒过');
  });
});
