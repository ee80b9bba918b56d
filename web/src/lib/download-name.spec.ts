import { fileNameOf } from './download-name.js';

describe('the name a download is saved under', () => {
  it('decodes the UTF-8 name the service sends for Chinese file names', () => {
    expect(fileNameOf(`attachment; filename*=UTF-8''${encodeURIComponent('逾期清单-2026-11-23.csv')}`, 'x')).toBe('逾期清单-2026-11-23.csv');
  });
  it('takes a plain quoted or bare name', () => {
    expect(fileNameOf('attachment; filename="tasks.xlsx"', 'x')).toBe('tasks.xlsx');
    expect(fileNameOf('attachment; filename=tasks.csv', 'x')).toBe('tasks.csv');
  });
  it('falls back when there is no header, no name, or a broken escape', () => {
    expect(fileNameOf(null, '报告.csv')).toBe('报告.csv');
    expect(fileNameOf('inline', '报告.csv')).toBe('报告.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''%E9%80", '报告.csv')).toBe('报告.csv');
  });
});
