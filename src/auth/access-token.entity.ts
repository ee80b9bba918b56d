import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { User } from './user.entity.js';

export type TokenKind = 'session' | 'api';

/** A bearer token: a login's session token or a long-lived API token. Only its SHA-256 is kept. */
@Entity('access_tokens')
export class AccessToken extends BaseEntity {
  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  kind: TokenKind;

  /** What the token is for ("数据中心对接"); empty for sessions. */
  @Column({ type: 'varchar', length: 100, default: '' })
  name: string;

  /** The random handle a token is listed and revoked by; row ids are never shown. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  publicId: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, select: false })
  tokenHash: string;

  /** The first characters of the token, so a person can tell tokens apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: Date, nullable: true })
  expiresAt: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
