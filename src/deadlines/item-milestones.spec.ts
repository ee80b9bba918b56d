import { indicatorMilestones, projectMilestones, stageMilestones, taskMilestones } from './item-milestones.js';

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

  it('dates a task that only says 适时 at the end of the plan, flagged for the office', () => {
    expect(taskMilestones(plan, '加快江津综合保税区建设，适时调整优化江津工业园区未来发展重心。', null)).toEqual([
      {
        dueDate: '2025-12-31',
        kind: 'period',
        periodStart: '2021-01-01',
        recurrence: null,
        quantity: null,
        phrase: '适时',
        certain: false,
        note: '“适时”未给出具体期限，暂按规划期末（2025-12-31）计，请确认',
      },
    ]);
  });

  it('dates a 完成时限 of 尽快 at the end of the plan, flagged', () => {
    expect(projectMilestones(plan, '尽快')).toEqual([
      expect.objectContaining({ dueDate: '2025-12-31', phrase: '尽快', certain: false, note: '“尽快”未给出具体期限，暂按规划期末（2025-12-31）计，请确认' }),
    ]);
  });

  it('dates a task that only describes a yearly quantity at the end of the plan, as other undated tasks', () => {
    const [reading] = taskMilestones(plan, '建设高端食品园区，保障佛山市每年生猪基本供应量，进一步提升畜禽粪污综合利用率。', null);
    expect(reading).toMatchObject({ dueDate: '2025-12-31', kind: 'period', recurrence: null, certain: true, phrase: '' });
    expect(reading.note).toContain('原文未写时限');
  });

  it('gives a task that states a yearly duty a recurring milestone due at the end of the first year', () => {
    expect(taskMilestones(plan, '每年定期组织召开全区固体废物环境管理工作会，加强对生态环境保护督察发现问题的整改。', null)).toEqual([
      expect.objectContaining({ dueDate: '2021-12-31', kind: 'recurring', recurrence: 'yearly', phrase: '每年', certain: true }),
    ]);
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

describe('indicator targets as written', () => {
  it('keeps targets scoped with a colon as the cell wrote them', () => {
    const readings = indicatorMilestones(
      [
        { year: 2023, text: '产生单位：98', value: 98, scope: '产生单位' },
        { year: 2023, text: '经营单位：100', value: 100, scope: '经营单位' },
      ],
      { 2023: '阶段目标（2023年）' },
    );
    expect(readings.map((r) => r.quantity)).toEqual(['产生单位：98；经营单位：100']);
  });

  it('keeps a comparator in the target', () => {
    const readings = indicatorMilestones([{ year: 2025, text: '≤0.48吨/万元', value: 0.48, scope: null }], {});
    expect(readings.map((r) => [r.dueDate, r.quantity, r.phrase])).toEqual([['2025-12-31', '≤0.48吨/万元', '2025年']]);
  });
});

describe('a 完成时限 the parser cannot read', () => {
  it('is kept as written and flagged for the office, not dropped', () => {
    expect(projectMilestones(plan, '视情况而定')).toEqual([
      expect.objectContaining({ dueDate: null, phrase: '视情况而定', certain: false, note: '无法识别的时限“视情况而定”，请无废办确认' }),
    ]);
  });

  it('flags a work step whose deadline cannot be read, keeping it as written', () => {
    expect(stageMilestones(plan, '视上级部署安排')).toEqual([
      expect.objectContaining({ dueDate: null, phrase: '视上级部署安排', certain: false, note: '无法识别的时限“视上级部署安排”，请无废办确认' }),
    ]);
  });
});
