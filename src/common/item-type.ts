/**
 * The lists by key, with how each is named: the light half of the list registry, which the pure rules (reports,
 * reminders, digests) import. Everything else that varies between the lists is in lists/list-registry.ts.
 */
export const LIST_NAMING = {
  task: { name: 'tasks', itemName: '任务', title: '任务清单' },
  project: { name: 'projects', itemName: '项目', title: '项目清单' },
  indicator: { name: 'indicators', itemName: '指标', title: '目标清单' },
} as const;

/** The lists that have responsible units (目标、任务、项目), in the order they are shown, exported and reported. */
export type ListType = keyof typeof LIST_NAMING;
export const LIST_TYPES = Object.keys(LIST_NAMING) as ListType[];

/** A list's name in URLs (/plans/:planId/tasks), tables, seed files (tasks.csv), imports and the web app. */
export type ListName = (typeof LIST_NAMING)[ListType]['name'];
export const LIST_NAMES: ListName[] = LIST_TYPES.map((t) => LIST_NAMING[t].name);

/** The kinds of item that carry milestones: the lists' items and a plan's work steps (工作步骤), which have no units. */
export type ItemType = ListType | 'stage';
export const ITEM_TYPES: readonly ItemType[] = [...LIST_TYPES, 'stage'];

/** Chinese names of the item kinds, for messages shown to users: 任务11. */
export const ITEM_TYPE_NAMES = {
  ...(Object.fromEntries(LIST_TYPES.map((t) => [t, LIST_NAMING[t].itemName])) as Record<ListType, string>),
  stage: '工作步骤',
} as Record<ItemType, string>;

/** Lists' titles (任务清单 …). */
export const LIST_TITLES = Object.fromEntries(LIST_TYPES.map((t) => [t, LIST_NAMING[t].title])) as Record<ListType, string>;
