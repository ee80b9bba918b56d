import { Column, Entity, Index } from 'typeorm';
import { ListItemEntity } from '../../database/list-item.entity.js';

/** One numbered task of a plan's task list (任务清单). */
@Entity('tasks')
@Index(['planId', 'seq'], { unique: true })
export class Task extends ListItemEntity {
  /** The chapter heading as written ("二、推广源头减量工艺，促进工业产业升级"). */
  @Column({ type: 'varchar', length: 300, default: '' })
  chapter: string;

  /** The task group as written ("强化工业固体废物环评审查"). */
  @Column({ type: 'varchar', length: 300, default: '' })
  taskGroup: string;

  @Column({ type: 'text' })
  content: string;

  /** The 完成时限 cell as written, when the table has one; otherwise deadlines come from the content. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  deadlineText: string | null;
}
