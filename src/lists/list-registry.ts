import type { Type } from '@nestjs/common';
import { LIST_NAMING, LIST_TYPES, type ListName, type ListType } from '../common/item-type.js';
import type { ListItemEntity } from '../database/list-item.entity.js';
import { indicatorMilestones, projectMilestones, taskMilestones } from '../deadlines/item-milestones.js';
import type { MilestoneReading } from '../deadlines/milestone-reading.js';
import type { Plan } from '../plans/plan.entity.js';
import { Indicator } from './indicators/indicator.entity.js';
import { indicatorRequestFields } from './indicators/indicator-values.js';
import { INDICATOR_TABLE, type IndicatorInput } from './indicators/indicator.table.js';
import type { ListInput, ListTable } from './list-table.js';
import { Project } from './projects/project.entity.js';
import { PROJECT_TABLE, type ProjectInput } from './projects/project.table.js';
import { Task } from './tasks/task.entity.js';
import { TASK_TABLE, type TaskInput } from './tasks/task.table.js';

/**
 * What a list is: one entry per list holding everything that varies between them. Every other part of the service
 * (the item engine, import and export, reminders, reports, responsibilities) reads the lists from here.
 *
 * Adding a list: its key and names in LIST_NAMING (common/item-type.ts, the half the pure rules read), its folder
 * here (entity, request DTOs, table layout), one entry below, its request DTOs in LIST_REQUESTS
 * (list-requests.ts), and one migration creating its table.
 */
export interface ListDefinition<E extends ListItemEntity = ListItemEntity, I extends ListInput = ListInput> {
  /** The key its items carry in every table that points at an item (milestones, assignments, progress …). */
  itemType: ListType;
  /** Its name in URLs (/plans/:planId/tasks), its table, its seed file (tasks.csv), imports and the web app. */
  name: ListName;
  /** What one item is called: "任务", so task 11 is "任务11". */
  itemName: string;
  /** The list's title: "任务清单". */
  title: string;
  entity: Type<E>;
  /** The column that names an item in messages and reports: the task text, the project's or indicator's name. */
  titleColumn: string;
  /** The heading column the `chapter` filter searches and reports group by (章节, 项目类别, 一级指标). */
  groupColumn: string;
  /** The item's fields from a request body (units and version taken out already). */
  requestFields(body: Record<string, unknown>, creating: boolean): Partial<E>;
  /** Its government table: columns, reading a row, the export layout. */
  table: ListTable<E, I>;
  /** Fields whose change means the milestones are read again (office overrides are otherwise kept). */
  rereadOn: string[];
  /** How an item's milestones are read from what it says (the row as read, when it came from a table). */
  milestones(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, item: E, input?: I): MilestoneReading[];
}

/** A deadline left out of a new item is null (none written), not missing. */
const withDeadlineText = (body: Record<string, unknown>, creating: boolean) => (creating ? { ...body, deadlineText: body.deadlineText ?? null } : body);

export const TASKS: ListDefinition<Task, TaskInput> = {
  itemType: 'task',
  ...LIST_NAMING.task,
  entity: Task,
  titleColumn: 'content' satisfies keyof Task,
  groupColumn: 'chapter' satisfies keyof Task,
  requestFields: withDeadlineText,
  table: TASK_TABLE,
  rereadOn: ['content', 'deadlineText'] satisfies (keyof Task)[],
  milestones: (plan, t) => taskMilestones(plan, t.content, t.deadlineText),
};

export const PROJECTS: ListDefinition<Project, ProjectInput> = {
  itemType: 'project',
  ...LIST_NAMING.project,
  entity: Project,
  titleColumn: 'name' satisfies keyof Project,
  groupColumn: 'category' satisfies keyof Project,
  requestFields: withDeadlineText,
  table: PROJECT_TABLE,
  rereadOn: ['deadlineText'] satisfies (keyof Project)[],
  milestones: (plan, p) => projectMilestones(plan, p.deadlineText),
};

export const INDICATORS: ListDefinition<Indicator, IndicatorInput> = {
  itemType: 'indicator',
  ...LIST_NAMING.indicator,
  entity: Indicator,
  titleColumn: 'name' satisfies keyof Indicator,
  groupColumn: 'level1' satisfies keyof Indicator,
  requestFields: indicatorRequestFields,
  table: INDICATOR_TABLE,
  rereadOn: ['targets'] satisfies (keyof Indicator)[],
  milestones: (_plan, i, input) => indicatorMilestones(i.targets, input?.targetHeaders ?? {}),
};

/** Any list, as code that serves every list sees it (column names are checked against the entities in list-registry.spec.ts). */
export type AnyList = ListDefinition;

/** The lists by item type, in the order they are shown, exported and reported. */
export const LIST_OF: Record<ListType, AnyList> = { task: TASKS, project: PROJECTS, indicator: INDICATORS };
export const LISTS: readonly AnyList[] = LIST_TYPES.map((t) => LIST_OF[t]);

/** The list of this name (tasks, projects, indicators). */
export function listNamed(name: ListName): AnyList {
  return LISTS.find((l) => l.name === name)!;
}

/** What an item says of itself in messages and reports: the task's text, the project's or indicator's name. */
export function titleOf(list: AnyList, item: ListItemEntity): string {
  const title = (item as unknown as Record<string, unknown>)[list.titleColumn];
  return typeof title === 'string' ? title : '';
}
