import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcrypt';

/**
 * Password hashes are scrypt (Node's own crypto), written as
 * `$scrypt$ln=<log2 N>,r=<block size>,p=<parallelism>$<salt, base64>$<key, base64>`: the parameters and salt travel
 * with the hash, so the cost can be raised later without breaking older hashes. scrypt reads the whole password
 * (bcrypt ignores everything after 72 bytes: 24 Chinese characters). bcrypt stays only to verify hashes written by
 * earlier releases; they are replaced by scrypt at the user's next successful sign-in.
 */
export interface ScryptCost {
  /** log2 of the CPU/memory cost N (memory is 128 * N * r bytes: 32 MiB at ln=15, r=8). */
  ln: number;
  r: number;
  p: number;
}

/** The production default: N=2^15, r=8, p=1, about 100 ms and 32 MiB per hash on one core. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/;

/**
 * The cost new hashes get, set once at start from PASSWORD_HASH_COST (createApp, the CLI). Process-wide so that
 * every writer of a hash (accounts, the first admin, demo users) uses it without passing the setting around.
 */
let cost: ScryptCost = DEFAULT_SCRYPT_COST;

export function setPasswordHashCost(ln: number): void {
  cost = { ...DEFAULT_SCRYPT_COST, ln };
}

function derive(password: string, salt: Buffer, { ln, r, p }: ScryptCost): Promise<Buffer> {
  const N = 2 ** ln;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

/** Compared against when the user does not exist, so a wrong name costs as long as a wrong password. */
const dummies = new Map<number, Promise<string>>();
function dummyHash(): Promise<string> {
  if (!dummies.has(cost.ln)) dummies.set(cost.ln, hashPassword(randomBytes(12).toString('hex')));
  return dummies.get(cost.ln)!;
}

/** Whether the password matches the hash (scrypt, or a bcrypt hash of an earlier release); false without a hash. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (hash === null) {
    await verifyScrypt(password, await dummyHash());
    return false;
  }
  if (/^\$2[aby]\$\d\d\$/.test(hash)) return bcrypt.compare(password, hash);
  return verifyScrypt(password, hash);
}

async function verifyScrypt(password: string, hash: string): Promise<boolean> {
  const match = FORMAT.exec(hash);
  if (!match) return false;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 10 || ln > 20 || r < 1 || p < 1) return false;
  const expected = Buffer.from(match[5], 'base64');
  const key = await derive(password, Buffer.from(match[4], 'base64'), { ln, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A stored hash that should be rewritten at the next successful sign-in: bcrypt, or scrypt of another cost. */
export function needsRehash(hash: string): boolean {
  const match = FORMAT.exec(hash);
  return !match || Number(match[1]) !== cost.ln || Number(match[2]) !== cost.r || Number(match[3]) !== cost.p;
}

/** A new bearer token: "qd_" and 43 url-safe characters (256 random bits). */
export function newToken(): string {
  return `qd_${randomBytes(32).toString('base64url')}`;
}

/** The handle a token is listed and revoked by: 22 url-safe characters (128 random bits), not its row id. */
export function newPublicId(): string {
  return randomBytes(16).toString('base64url');
}

/** Tokens are kept only as their SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
