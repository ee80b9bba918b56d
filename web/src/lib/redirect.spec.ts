import { safeRedirect } from './redirect.js';

describe('redirect after sign-in', () => {
  it('returns to an app path', () => {
    expect(safeRedirect('/plans/2/tasks/65')).toBe('/plans/2/tasks/65');
    expect(safeRedirect('/plans/2/overview?asOf=2026-11-23#overdue')).toBe('/plans/2/overview?asOf=2026-11-23#overdue');
  });
  it('never leaves the app or loops back to sign-in', () => {
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect('//evil.example/')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect('/login?redirect=/x')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect(['/a'])).toBe('/');
  });
});
