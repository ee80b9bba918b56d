import { actorLabel, auditQuery, objectLabel, fieldChanges, filtersFromQuery, formatInstant, itemLink, NO_FILTERS } from './audit-log.js';

describe('the audit log in Chinese', () => {
  it('writes the moment of a change in the plan time zone, not UTC', () => {
    // 01:30 UTC is 09:30 in Shanghai; 20:15 UTC on the 22nd is already the 23rd there.
    expect(formatInstant('2026-11-23T01:30:05.000Z')).toBe('2026年11月23日 09:30:05');
    expect(formatInstant('2026-11-22T20:15:00.000Z')).toBe('2026年11月23日 04:15:00');
    expect(formatInstant('2026-11-22T20:15:00.000Z', 'Asia/Urumqi')).toBe('2026年11月23日 02:15:00');
  });

  it('lists the fields an update changed, before and after, leaving bookkeeping columns out', () => {
    const changes = fieldChanges({
      before: { content: '旧文字', version: 3, updatedAt: 'x', leadUnitsText: null },
      after: { content: '新文字', version: 4, updatedAt: 'y', leadUnitsText: '区经济信息委' },
      changed: ['content', 'version', 'updatedAt', 'leadUnitsText'],
    });
    expect(changes).toEqual([
      { field: 'content', before: '旧文字', after: '新文字' },
      { field: 'leadUnitsText', before: '—', after: '区经济信息委' },
    ]);
  });

  it('finds the differing fields itself when an entry does not name them, and shows an insert field by field', () => {
    expect(fieldChanges({ before: { a: 1, b: [1, 2] }, after: { a: 1, b: [1, 3] } })).toEqual([{ field: 'b', before: '[1,2]', after: '[1,3]' }]);
    expect(fieldChanges({ before: null, after: { id: 9, name: '区水利局' } })).toEqual([{ field: 'name', before: '—', after: '区水利局' }]);
  });

  it("names changes made outside a request (seeds, the command line) as the system's", () => {
    expect(actorLabel('system')).toBe('系统（初始化或命令行）');
    expect(actorLabel('jiangjin-office')).toBe('jiangjin-office');
  });

  it('names a task, project or indicator by its 序号 in the plan, other rows by table and number', () => {
    expect(objectLabel({ entityType: 'tasks', entityId: 56, before: { seq: 7 }, after: { seq: 7 } })).toBe('任务7');
    expect(objectLabel({ entityType: 'projects', entityId: 3, before: { seq: 2 }, after: null })).toBe('项目2');
    expect(objectLabel({ entityType: 'units', entityId: 62, before: null, after: { name: 'x' } })).toBe('责任单位 #62');
    expect(objectLabel({ entityType: 'plans', entityId: null, before: null, after: null })).toBe('建设方案');
  });

  it('links entries about tasks, projects and indicators to their pages, and nothing else', () => {
    expect(itemLink(2, 'tasks', 11)).toBe('/plans/2/tasks/11');
    expect(itemLink(2, 'indicators', 3)).toBe('/plans/2/indicators/3');
    expect(itemLink(2, 'units', 3)).toBeNull();
    expect(itemLink(null, 'tasks', 3)).toBeNull();
  });

  it('turns the filter bar into the API query, leaving empty filters out', () => {
    expect(auditQuery(NO_FILTERS, 1, 20)).toEqual({ limit: 20, offset: 0 });
    expect(
      auditQuery({ actor: ' jiangjin-office ', entityType: 'tasks', entityId: '11', action: 'update', days: ['2026-11-01', '2026-11-23'] }, 3, 20),
    ).toEqual({
      limit: 20,
      offset: 40,
      actor: 'jiangjin-office',
      entityType: 'tasks',
      entityId: 11,
      action: 'update',
      from: '2026-11-01',
      to: '2026-11-23',
    });
    expect(auditQuery({ ...NO_FILTERS, entityId: 'abc' }, 1, 20)).toEqual({ limit: 20, offset: 0 });
  });

  it('reads the filters an item page link puts in the address', () => {
    expect(filtersFromQuery({ entityType: 'tasks', entityId: '11' })).toEqual({ ...NO_FILTERS, entityType: 'tasks', entityId: '11' });
    expect(filtersFromQuery({ from: '2026-11-01', to: '2026-11-23', actor: ['x'] })).toEqual({ ...NO_FILTERS, days: ['2026-11-01', '2026-11-23'] });
  });
});
