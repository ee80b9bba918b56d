import { groupByLeadUnit, itemRoute, NO_LEAD_UNIT } from './overdue.js';

const row = (itemId: number, daysOverdue: number, leadUnits: string[]) => ({
  itemType: 'task' as const,
  itemId,
  milestoneId: itemId * 10,
  daysOverdue,
  leadUnits,
});

describe('overdue rows by lead unit', () => {
  it('groups by each lead unit, longest overdue unit first, rows in report order', () => {
    const groups = groupByLeadUnit([
      row(1, 300, ['区生态环境局']),
      row(2, 200, ['区经济信息委', '区生态环境局']),
      row(3, 400, []),
      row(4, 10, ['区经济信息委']),
    ]);
    expect(groups.map((g) => [g.unit, g.rows.map((r) => r.itemId), g.maxDays])).toEqual([
      [NO_LEAD_UNIT, [3], 400],
      ['区生态环境局', [1, 2], 300],
      ['区经济信息委', [2, 4], 200],
    ]);
  });
  it('gives nothing for no rows', () => {
    expect(groupByLeadUnit([])).toEqual([]);
  });
  it('links items to their app routes', () => {
    expect(itemRoute(2, 'task', 65)).toBe('/plans/2/tasks/65');
    expect(itemRoute(2, 'project', 1)).toBe('/plans/2/projects/1');
    expect(itemRoute(2, 'indicator', 61)).toBe('/plans/2/indicators/61');
  });
});
