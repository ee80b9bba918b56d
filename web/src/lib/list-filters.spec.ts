import { activeFilterCount, apiQuery, dateRangeProblem, emptyFilters, filtersFromQuery, filtersToQuery } from './list-filters.js';

describe('filters in the address bar', () => {
  it('round-trips what is set and leaves out the defaults', () => {
    const f = { ...emptyFilters(), leadUnit: '12', light: 'red' as const, asOf: '2025-06-30', page: 3 };
    const query = filtersToQuery(f);
    expect(query).toEqual({ leadUnit: '12', light: 'red', asOf: '2025-06-30', page: '3' });
    expect(filtersFromQuery(query)).toEqual(f);
  });

  it('drops malformed values instead of sending them on', () => {
    const f = filtersFromQuery({ leadUnit: 'abc', status: 'done', light: 'blue', overdue: 'yes', asOf: '2025-6-30', page: '-1', size: '33' });
    expect(f).toEqual(emptyFilters());
  });

  it('takes the first of repeated parameters', () => {
    expect(filtersFromQuery({ status: ['closed', 'in_progress'] }).status).toBe('closed');
  });
});

describe('apiQuery', () => {
  it('turns the page into limit/offset and overdue into a boolean', () => {
    const f = { ...emptyFilters(), page: 2, size: 50, overdue: 'true' as const, chapter: ' 工业 ', dueBefore: '2025-12-31' };
    expect(apiQuery(f)).toEqual({ limit: 50, offset: 50, overdue: true, chapter: '工业', dueBefore: '2025-12-31' });
  });

  it('sends overdue=false when asked for items not overdue', () => {
    expect(apiQuery({ ...emptyFilters(), overdue: 'false' }).overdue).toBe(false);
  });
});

describe('hints', () => {
  it('counts the filters set, not the page or the day', () => {
    expect(activeFilterCount({ ...emptyFilters(), asOf: '2025-01-01', page: 4 })).toBe(0);
    expect(activeFilterCount({ ...emptyFilters(), leadUnit: '3', status: 'closed' })).toBe(2);
  });

  it('names a due range that cannot match', () => {
    expect(dateRangeProblem({ ...emptyFilters(), dueAfter: '2025-12-31', dueBefore: '2025-01-01' })).toContain('晚于');
    expect(dateRangeProblem({ ...emptyFilters(), dueAfter: '2025-01-01', dueBefore: '2025-12-31' })).toBe('');
  });
});
