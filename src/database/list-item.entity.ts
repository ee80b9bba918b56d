import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { Plan } from '../plans/plan.entity.js';
import { BaseEntity } from './base.entity.js';

/** What an item of any list (a task, a project, an indicator) keeps besides its own fields. */
export abstract class ListItemEntity extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  /** 序号, unique within the plan's list. */
  @Column({ type: 'integer' })
  seq: number;

  /** The lead-units cell as the document wrote it ("市生态环境局、市城管局等"); null when the item was entered by hand. */
  @Column({ type: 'text', nullable: true })
  leadUnitsText: string | null;

  /** The supporting-units cell as the document wrote it; null when the item was entered by hand. */
  @Column({ type: 'text', nullable: true })
  supportUnitsText: string | null;

  /** The day the office withdrew (撤销) the item; null: in force. A withdrawn item leaves lists, reminders and reports from that day. */
  @Column({ type: 'date', nullable: true })
  withdrawnOn: string | null;

  /** Why it was withdrawn, as the office wrote it. */
  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;
}
