import { indicatorMilestones, projectMilestones, taskMilestones } from './item-milestones.js';

const plan = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };

describe('milestones of items', () => {
  it('reads a task’s dated clauses from its text', () => {
    const readings = taskMilestones(plan, '到2022年底前，完成10座其他生产矿山绿色建设。', null);
    expect(readings.map((r) => r.dueDate)).toEqual(['2022-12-31']);
  });

  it('prefers the 完成时限 cell over the text when the table has one', () => {
    const readings = taskMilestones(plan, '到2025年，完成全部任务。', '2023年6月底前');
    expect(readings.map((r) => r.dueDate)).toEqual(['2023-06-30']);
  });

  it('dates a task with no time in its text at the end of the plan, and says why', () => {
    const [reading] = taskMilestones(plan, '健全企业环境信用信息共享。', null);
    expect(reading).toMatchObject({ dueDate: '2025-12-31', kind: 'period', periodStart: '2021-01-01', phrase: '' });
    expect(reading.note).toContain('原文未写时限');
  });

  it('reads a bare project year as its last day', () => {
    expect(projectMilestones(plan, '2022').map((r) => r.dueDate)).toEqual(['2022-12-31']);
  });

  it('gives an indicator one milestone per target year with the targets as quantity', () => {
    const readings = indicatorMilestones(
      [
        { year: 2025, text: '95%（产废单位）', value: 95, scope: '产废单位' },
        { year: 2025, text: '100% （经营单位）', value: 100, scope: '经营单位' },
      ],
      { 2025: '规划目标（2025年）' },
    );
    expect(readings).toEqual([
      expect.objectContaining({ dueDate: '2025-12-31', quantity: '95%（产废单位）、100% （经营单位）', phrase: '规划目标（2025年）' }),
    ]);
  });
});

describe('a 完成时限 the parser cannot read', () => {
  it('is kept as written and flagged for the office, not dropped', () => {
    expect(projectMilestones(plan, '视情况而定')).toEqual([
      expect.objectContaining({ dueDate: null, phrase: '视情况而定', certain: false, note: '无法识别的时限“视情况而定”，请无废办确认' }),
    ]);
  });
});
