import { Column } from 'typeorm';
import { BaseEntity } from './base.entity.js';

/** What a task, a project and an indicator (the three lists' items) keep besides their own fields. */
export abstract class ListItemEntity extends BaseEntity {
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
