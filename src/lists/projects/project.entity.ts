import { Column, Entity, Index } from 'typeorm';
import { ListItemEntity } from '../../database/list-item.entity.js';
import { numericTransformer } from '../../database/numeric.transformer.js';

/** One project of a plan's project list (项目清单). */
@Entity('projects')
@Index(['planId', 'seq'], { unique: true })
export class Project extends ListItemEntity {
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
}
