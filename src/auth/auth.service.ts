import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { Clock } from '../common/clock.js';
import { NotFoundError, UnauthenticatedError, ValidationFailedError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccessToken, type TokenKind } from './access-token.entity.js';
import { RawReader } from '../database/raw-reader.js';
import { LoginLimiter } from './login-limiter.js';
import type { Actor } from './role.js';
import { hashPassword, hashToken, needsRehash, newPublicId, newToken, verifyPassword } from './secrets.js';
import { User } from './user.entity.js';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: User['role'];
  planId: number | null;
  unitId: number | null;
  email: string | null;
  active: boolean;
  version: number;
}

export interface TokenView {
  /** A random handle (not the row id): what GET lists and DELETE /auth/tokens/:id takes. */
  id: string;
  kind: TokenKind;
  name: string;
  prefix: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  userId: number;
}

interface TokenRow {
  tokenId: number;
  kind: TokenKind;
  expiresAt: unknown;
  userId: number;
  username: string;
  role: User['role'];
  planId: number | null;
  unitId: number | null;
  /** 1/0 on SQLite, true/false on PostgreSQL. */
  active: boolean | number;
}

/** A live token's user, by the token's SHA-256. */
const TOKEN_SQL = `SELECT t.id AS "tokenId", t.kind, t."expiresAt", u.id AS "userId", u.username, u.role, u."planId", u."unitId", u.active
  FROM access_tokens t JOIN users u ON u.id = t."userId"
  WHERE t."tokenHash" = ? AND t."revokedAt" IS NULL`;

export function toUserView(user: User): UserView {
  const { id, username, displayName, role, planId, unitId, email, active, version } = user;
  return { id, username, displayName, role, planId, unitId, email, active, version };
}

function toTokenView(token: AccessToken): TokenView {
  const { publicId, kind, name, prefix, expiresAt, revokedAt, createdAt, userId } = token;
  return { id: publicId, kind, name, prefix, expiresAt, revokedAt, createdAt, userId };
}

/** Password login, bearer tokens (sessions and long-lived API tokens), and who a token belongs to. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  /** The token's expiry column, looked up once (every request reads it). */
  private expiresAt: ColumnMetadata | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly limiter: LoginLimiter,
    private readonly reader: RawReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, address: string) {
    // Counted before the password is checked, so concurrent guesses cannot all slip past the limit.
    const attempt = await this.limiter.begin(username, address);
    let succeeded: boolean | null = null;
    try {
      const user = await this.dataSource
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('LOWER(u.username) = LOWER(:username)', { username })
        .getOne();
      succeeded = (await verifyPassword(password, user?.active ? user.passwordHash : null)) && !!user;
      if (!user || !succeeded) {
        this.logger.warn(`Failed login for "${username}" from ${address}`);
        throw new UnauthenticatedError('用户名或密码错误');
      }
      // A bcrypt hash of an earlier release (or scrypt of another cost) is rewritten now that the password is known.
      if (needsRehash(user.passwordHash)) {
        await this.dataSource.getRepository(User).update({ id: user.id }, { passwordHash: await hashPassword(password) });
        this.logger.log(`Password hash of "${user.username}" upgraded to scrypt`);
      }
      const expiresAt = new Date(this.clock.now().getTime() + this.config.sessionHours * 3600 * 1000);
      const { token } = await this.issue(user.id, 'session', '', expiresAt);
      this.logger.log(`User "${user.username}" signed in`);
      return { token, tokenType: 'Bearer', expiresAt, user: toUserView(user) };
    } finally {
      await this.limiter.finish(attempt, username, address, succeeded);
    }
  }

  /** The actor behind a bearer token, or null when the token is unknown, revoked, expired or its user inactive. */
  async authenticate(token: string): Promise<Actor | null> {
    if (!/^qd_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    // Every request asks this: one prepared read of plain columns, no entities built.
    const [row] = await this.reader.all<TokenRow>(TOKEN_SQL, [hashToken(token)]);
    if (!row?.active) return null;
    if (row.expiresAt !== null && this.instant(row.expiresAt).getTime() <= this.clock.now().getTime()) return null;
    return { userId: row.userId, username: row.username, role: row.role, planId: row.planId, unitId: row.unitId, tokenId: row.tokenId, tokenKind: row.kind };
  }

  /** A stored instant as a Date, read as TypeORM reads the column on either engine. */
  private instant(stored: unknown): Date {
    this.expiresAt ??= this.dataSource.getMetadata(AccessToken).findColumnWithPropertyName('expiresAt')!;
    return this.dataSource.driver.prepareHydratedValue(stored, this.expiresAt) as Date;
  }

  async me(actor: Actor): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.userId });
    if (!user) throw new UnauthenticatedError();
    return toUserView(user);
  }

  async logout(actor: Actor): Promise<void> {
    await this.revokeRow(await this.tokenRow(actor.tokenId));
  }

  /** A long-lived token for an integration; the token itself is shown only in this answer. */
  async createApiToken(actor: Actor, name: string, expiresAt: string | undefined) {
    const expiry = expiresAt ? new Date(expiresAt) : null;
    if (expiry && expiry.getTime() <= this.clock.now().getTime()) {
      throw new ValidationFailedError([{ field: 'expiresAt', value: expiresAt, message: '到期时间不能早于当前时间' }]);
    }
    const { token, row } = await this.issue(actor.userId, 'api', name, expiry);
    this.logger.log(`API token "${name}" (${row.prefix}…) created for user ${actor.username}`);
    return { token, ...toTokenView(row) };
  }

  /** The caller's own API tokens (an admin's too: nobody lists or revokes another user's tokens). */
  async listTokens(actor: Actor): Promise<TokenView[]> {
    const rows = await this.dataSource.getRepository(AccessToken).find({ where: { userId: actor.userId, kind: 'api' }, order: { id: 'ASC' } });
    return rows.map(toTokenView);
  }

  /** Revokes one of the caller's API tokens by its public id; any other id, another user's too, is 404. */
  async revoke(actor: Actor, publicId: string): Promise<void> {
    const row = /^[A-Za-z0-9_-]{22}$/.test(publicId)
      ? await this.dataSource.getRepository(AccessToken).findOneBy({ publicId, userId: actor.userId, kind: 'api' })
      : null;
    if (!row) throw new NotFoundError('令牌', publicId);
    await this.revokeRow(row);
    this.logger.log(`API token "${row.name}" (${row.prefix}…) of user ${actor.username} revoked`);
  }

  private async tokenRow(id: number): Promise<AccessToken> {
    const row = await this.dataSource.getRepository(AccessToken).findOneBy({ id });
    if (!row) throw new NotFoundError('令牌', id);
    return row;
  }

  private async revokeRow(row: AccessToken): Promise<void> {
    if (row.revokedAt) return;
    row.revokedAt = this.clock.now();
    await this.dataSource.getRepository(AccessToken).save(row);
  }

  private async issue(userId: number, kind: TokenKind, name: string, expiresAt: Date | null) {
    const token = newToken();
    const row = await this.dataSource.getRepository(AccessToken).save({
      userId,
      kind,
      name,
      publicId: newPublicId(),
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      expiresAt,
      revokedAt: null,
    });
    return { token, row };
  }
}
