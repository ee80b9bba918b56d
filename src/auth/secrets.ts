import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';

const ROUNDS = 10;
/** Compared against when the user does not exist, so a wrong name costs as long as a wrong password. */
const DUMMY_HASH = '$2b$10$J3Nr/jfJqMR2o70/9dDOleffuyQKWDJPNTmG486seZTAjN431IuKm';

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ROUNDS);
}

export function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  return bcrypt.compare(password, hash ?? DUMMY_HASH).then((ok) => ok && hash !== null);
}

/** A new bearer token: "qd_" and 43 url-safe characters (256 random bits). */
export function newToken(): string {
  return `qd_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are kept only as their SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
