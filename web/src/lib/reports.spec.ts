import { NO_REPORT_FILTERS, reportQuery, ruleProblems } from './reports.js';

describe('report queries', () => {
  it('sends each report only the filters it takes', () => {
    const filters = { asOf: '2025-12-31', unitId: 7 as const, list: 'task' as const, year: 2025 as const };
    expect(reportQuery('progress', filters)).toEqual({ asOf: '2025-12-31' });
    expect(reportQuery('overdue', filters)).toEqual({ asOf: '2025-12-31', unitId: 7, list: 'task' });
    expect(reportQuery('units', filters)).toEqual({ asOf: '2025-12-31', unitId: 7 });
    expect(reportQuery('assessment', filters, 'xlsx')).toEqual({ asOf: '2025-12-31', year: 2025, format: 'xlsx' });
  });
  it('leaves the date out for today, so the service answers in the plan time zone', () => {
    expect(reportQuery('overdue', NO_REPORT_FILTERS, 'csv')).toEqual({ format: 'csv' });
  });
});

describe('the assessment rule', () => {
  it('accepts whole weights from 0 to 100 with at least one of the three parts counted', () => {
    expect(ruleProblems({ onTimeWeight: 50, reportingWeight: 30, noticesWeight: 20, silencePenalty: 2 })).toEqual({});
    expect(ruleProblems({ onTimeWeight: 0, reportingWeight: 0, noticesWeight: 1, silencePenalty: 0 })).toEqual({});
  });
  it('names the field that is wrong', () => {
    expect(ruleProblems({ onTimeWeight: 50, reportingWeight: 101, noticesWeight: 2.5, silencePenalty: -1 })).toEqual({
      reportingWeight: '请填写0到100之间的整数',
      noticesWeight: '请填写0到100之间的整数',
      silencePenalty: '请填写0到100之间的整数',
    });
    expect(ruleProblems({ onTimeWeight: 0, reportingWeight: 0, noticesWeight: 0, silencePenalty: 5 })).toEqual({
      onTimeWeight: '按期销号、按月填报、督办回复三项权重不能都为0',
    });
  });
});
