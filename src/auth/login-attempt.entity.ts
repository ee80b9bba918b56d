import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';

/**
 * One login attempt the limiter counts, kept in the database so that every instance of the service counts the same
 * attempts: while its password is being checked it is `trying`; a wrong password makes it `failed` for 15 minutes.
 * Each attempt has two rows, one under its name + address and one under its address alone.
 */
@Entity('login_attempts')
@Index(['attemptKey', 'at'])
export class LoginAttempt extends BaseEntity {
  /** `name@address` (the name in lower case) or `@address`. */
  @Column({ type: 'varchar', length: 320 })
  attemptKey: string;

  @Column({ type: 'varchar', length: 8 })
  state: 'trying' | 'failed';

  /** When it started (trying) or failed. */
  @Column({ type: Date })
  at: Date;
}
