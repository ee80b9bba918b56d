import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';
import { numericTransformer } from '../database/numeric.transformer.js';
import { Plan } from '../plans/plan.entity.js';

/** One project of a plan's project list (项目清单). */
@Entity('projects')
@Index(['planId', 'seq'], { unique: true })
export class Project extends BaseEntity {
  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Plan;

  @Column({ type: 'integer' })
  seq: number;

  /** 工程项目, 能力建设 … as written in the table's category row. */
  @Column({ type: 'varchar', length: 200, default: '' })
  category: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'text', default: '' })
  content: string;

  /** Total investment in 万元, or null when the table gives none. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericTransformer })
  investment: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  fundingSource: string;

  /** The 完成时限 cell as written ("2025"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  deadlineText: string | null;

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
