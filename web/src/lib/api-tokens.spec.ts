import { expiryOf, lastDayOf, tokenProblems, tokenState } from './api-tokens.js';

describe('API tokens on the tokens page', () => {
  const now = new Date('2026-11-23T01:30:00Z');
  it('says whether a token still works: revoked before expired, no expiry means valid until revoked', () => {
    expect(tokenState({ expiresAt: null, revokedAt: null }, now)).toBe('active');
    expect(tokenState({ expiresAt: '2026-11-23T01:30:01Z', revokedAt: null }, now)).toBe('active');
    expect(tokenState({ expiresAt: '2026-11-23T01:30:00Z', revokedAt: null }, now)).toBe('expired');
    expect(tokenState({ expiresAt: '2026-01-01T00:00:00Z', revokedAt: '2025-12-01T00:00:00Z' }, now)).toBe('revoked');
  });
  it('lets a token last to the end of its last day in Beijing time', () => {
    expect(expiryOf('2027-06-30')).toBe('2027-06-30T23:59:59+08:00');
    expect(expiryOf(null)).toBeUndefined();
    // …and shows that day again, as the service answers it in UTC.
    expect(lastDayOf('2027-06-30T15:59:59.000Z')).toBe('2027-06-30');
    expect(lastDayOf('2027-06-30T16:00:00.000Z')).toBe('2027-07-01');
  });
  it('names what is missing or wrong before anything is sent', () => {
    expect(tokenProblems({ name: ' 市数据中心对接 ', lastDay: '2026-11-23' }, '2026-11-23')).toEqual({});
    expect(tokenProblems({ name: ' ', lastDay: '2026-11-22' }, '2026-11-23')).toEqual({
      name: '请填写令牌用途，如“市数据中心对接”',
      expiresAt: '有效期不能早于今天',
    });
    expect(tokenProblems({ name: '长'.repeat(101), lastDay: null }, '2026-11-23')).toEqual({ name: '用途最多100个字' });
  });
});
