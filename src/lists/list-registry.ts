import type { ItemType } from '../common/item-type.js';
import { indicatorMilestones, projectMilestones, taskMilestones } from '../deadlines/item-milestones.js';
import type { MilestoneReading } from '../deadlines/milestone-reading.js';
import { Indicator } from './indicators/indicator.entity.js';
import type { Plan } from '../plans/plan.entity.js';
import { Project } from './projects/project.entity.js';
import { Task } from './tasks/task.entity.js';
import type { ColumnSpec } from '../tables/columns.js';
import { INDICATOR_COLUMNS, PROJECT_COLUMNS, TASK_COLUMNS } from './list-columns.js';
import {
  type IndicatorInput,
  type ListName,
  type ListRead,
  type ListReadOptions,
  type ProjectInput,
  readIndicators,
  readProjects,
  readTasks,
  type TaskInput,
  type UnitCells,
} from './list-records.js';

type Entity = { id: number; planId: number; seq: number };

/** How one list is read from a table and stored: its entity, its fields and how its milestones are read. */
export interface ListAdapter<I extends UnitCells & { row: number; seq: number }, E extends Entity> {
  itemType: ItemType;
  entity: new () => E;
  /** Chinese name of the list, for messages. */
  title: string;
  /** The heading column the `chapter` filter searches (章节, 项目类别, 一级指标). */
  chapterColumn: keyof E & string;
  read(rows: unknown[][], options?: ListReadOptions): ListRead<I>;
  /** The columns its tables have, for column mappings. */
  columns: ColumnSpec[];
  /** Whether columns headed by a year hold baseline and target values (indicator tables). */
  yearColumns: boolean;
  fields(input: I): Partial<E>;
  /** Fields whose change means the milestones are read again (office overrides are otherwise kept). */
  rereadOn: (keyof E)[];
  milestones(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, item: E, input?: I): MilestoneReading[];
}

/** The units cells as written, stored beside the parsed units. */
const unitTexts = (i: UnitCells) => ({ leadUnitsText: i.leadUnitsText, supportUnitsText: i.supportUnitsText });

export const TASKS: ListAdapter<TaskInput, Task> = {
  itemType: 'task',
  entity: Task,
  title: '任务清单',
  chapterColumn: 'chapter',
  read: readTasks,
  columns: TASK_COLUMNS,
  yearColumns: false,
  fields: (i) => ({
    seq: i.seq,
    chapter: i.chapter,
    taskGroup: i.taskGroup,
    content: i.content,
    deadlineText: i.deadlineText,
    ...unitTexts(i),
  }),
  rereadOn: ['content', 'deadlineText'],
  milestones: (plan, t) => taskMilestones(plan, t.content, t.deadlineText),
};

export const PROJECTS: ListAdapter<ProjectInput, Project> = {
  itemType: 'project',
  entity: Project,
  title: '项目清单',
  chapterColumn: 'category',
  read: readProjects,
  columns: PROJECT_COLUMNS,
  yearColumns: false,
  fields: (i) => ({
    seq: i.seq,
    category: i.category,
    name: i.name,
    content: i.content,
    investment: i.investment,
    fundingSource: i.fundingSource,
    deadlineText: i.deadlineText,
    ...unitTexts(i),
  }),
  rereadOn: ['deadlineText'],
  milestones: (plan, p) => projectMilestones(plan, p.deadlineText),
};

export const INDICATORS: ListAdapter<IndicatorInput, Indicator> = {
  itemType: 'indicator',
  entity: Indicator,
  title: '目标清单',
  chapterColumn: 'level1',
  read: readIndicators,
  columns: INDICATOR_COLUMNS,
  yearColumns: true,
  fields: (i) => ({
    seq: i.seq,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    mark: i.mark,
    unit: i.unit,
    direction: i.direction,
    baselineYear: i.baselineYear,
    baselineText: i.baselineText,
    baselineValue: i.baselineValue,
    targets: i.targets,
    definition: i.definition,
    formula: i.formula,
    dataSource: i.dataSource,
    note: i.note,
    ...unitTexts(i),
  }),
  rereadOn: ['targets'],
  milestones: (_plan, i, input) => indicatorMilestones(i.targets, input?.targetHeaders ?? {}),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyListAdapter = ListAdapter<any, any>;

export const LIST_ADAPTERS: Record<ListName, AnyListAdapter> = { tasks: TASKS, projects: PROJECTS, indicators: INDICATORS };
