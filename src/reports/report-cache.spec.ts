import { ReportCache } from './report-cache.js';

const json = (text: string) => Buffer.from(text);

describe('ReportCache', () => {
  it('answers what was set under the same key, and nothing under another', () => {
    const cache = new ReportCache(100);
    cache.set('overdue|1|r3', json('{"a":1}'));
    expect(cache.get('overdue|1|r3')?.toString()).toBe('{"a":1}');
    expect(cache.get('overdue|1|r4')).toBeUndefined();
  });

  it('lets the least recently used go once the budget is spent', () => {
    const cache = new ReportCache(10);
    cache.set('a', json('1234'));
    cache.set('b', json('1234'));
    cache.get('a');
    cache.set('c', json('1234'));
    expect([cache.get('a') !== undefined, cache.get('b') !== undefined, cache.get('c') !== undefined]).toEqual([true, false, true]);
  });

  it('keeps nothing larger than the whole budget', () => {
    const cache = new ReportCache(4);
    cache.set('big', json('12345'));
    expect(cache.get('big')).toBeUndefined();
  });

  it('counts a replaced entry once', () => {
    const cache = new ReportCache(8);
    cache.set('a', json('1234'));
    cache.set('a', json('1234'));
    cache.set('b', json('1234'));
    expect([cache.get('a') !== undefined, cache.get('b') !== undefined]).toEqual([true, true]);
  });
});
