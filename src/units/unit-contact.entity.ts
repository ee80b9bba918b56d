import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from './unit.entity.js';

/**
 * Who hears for a unit: liaison (联络员) — reminders before and on the deadline, calls for reports;
 * head (负责人) — overdue reminders; leader (分管领导) — escalations after long overdue;
 * group — the unit's chat group, which hears everything the unit does.
 */
export type ContactRole = 'liaison' | 'head' | 'leader' | 'group';
export const CONTACT_ROLES: readonly ContactRole[] = ['liaison', 'head', 'leader', 'group'];

/** Email, or a chat-group robot's webhook in the WeCom (企业微信) or DingTalk (钉钉) format. */
export type Channel = 'email' | 'wecom' | 'dingtalk';
export const CHANNELS: readonly Channel[] = ['email', 'wecom', 'dingtalk'];

/** One address a unit's messages go to (beside the liaison and head emails kept on the unit itself). */
@Entity('unit_contacts')
@Index(['unitId', 'role', 'channel', 'address'], { unique: true })
@Index(['planId'])
export class UnitContact extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'integer' })
  unitId: number;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unitId' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 16 })
  role: ContactRole;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 50, default: '' })
  name: string;

  /** An email address, or the robot's webhook URL. */
  @Column({ type: 'varchar', length: 500 })
  address: string;
}
