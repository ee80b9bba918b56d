// Long-lived API tokens for integrations (对接令牌), as the tokens page shows them.

/** A token as GET /auth/tokens answers it (dates as ISO strings in JSON). */
export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export type TokenState = 'active' | 'revoked' | 'expired';

export const TOKEN_STATES: Record<TokenState, { name: string; tag: 'success' | 'info' | 'warning' }> = {
  active: { name: '有效', tag: 'success' },
  revoked: { name: '已吊销', tag: 'info' },
  expired: { name: '已过期', tag: 'warning' },
};

/** Revoked beats expired: a revoked token says so even after its expiry. */
export function tokenState(token: Pick<TokenRow, 'expiresAt' | 'revokedAt'>, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/**
 * The expiry the API takes for a last valid day chosen in the form: the end of that day in the plan's time zone
 * (Asia/Shanghai, UTC+8, no daylight saving), or none (valid until revoked).
 */
export function expiryOf(lastDay: string | null): string | undefined {
  if (!lastDay) return undefined;
  return `${lastDay}T23:59:59+08:00`;
}

/** The last day a token works, in Beijing time: "2027-06-30T15:59:59.000Z" → "2027-06-30". */
export function lastDayOf(expiresAt: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(expiresAt));
}

/** What is wrong with the form before it is sent, by field. */
export function tokenProblems(form: { name: string; lastDay: string | null }, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = '请填写令牌用途，如“市数据中心对接”';
  else if (form.name.trim().length > 100) problems.name = '用途最多100个字';
  if (form.lastDay && form.lastDay < today) problems.expiresAt = '有效期不能早于今天';
  return problems;
}
