import { filterMyLines, type MyLine, sortMyLines } from './my-list.js';

const line = (code: string, over: Partial<MyLine>): MyLine => ({
  itemType: 'task',
  itemId: Number(code.replace(/\D/g, '')),
  code,
  role: 'lead',
  light: 'green',
  overdue: false,
  nextDue: null,
  ...over,
});

describe('my responsibility list', () => {
  const lines = [
    line('任务10', { nextDue: { dueDate: '2027-03-31', phrase: '' } }),
    line('任务2', { nextDue: { dueDate: '2027-03-31', phrase: '' }, role: 'support' }),
    line('任务7', {}),
    line('任务11', { overdue: true, light: 'red', nextDue: { dueDate: '2023-12-31', phrase: '到2023年' } }),
    line('项目3', { itemType: 'project', nextDue: { dueDate: '2026-12-04', phrase: '' }, light: 'yellow' }),
  ];

  it('puts overdue items first, then the nearest deadline, items without one last', () => {
    expect(sortMyLines(lines).map((l) => l.code)).toEqual(['任务11', '项目3', '任务2', '任务10', '任务7']);
  });

  it('filters by role and by light', () => {
    expect(filterMyLines(lines, 'support', 'all').map((l) => l.code)).toEqual(['任务2']);
    expect(filterMyLines(lines, 'lead', 'red').map((l) => l.code)).toEqual(['任务11']);
    expect(filterMyLines(lines, 'all', 'grey')).toEqual([]);
  });
});
