/** The kinds of item that carry milestones and responsibilities. */
export type ItemType = 'task' | 'project' | 'indicator' | 'stage';

/** Chinese names of the item kinds, for messages shown to users. */
export const ITEM_TYPE_NAMES: Record<ItemType, string> = {
  task: '任务',
  project: '项目',
  indicator: '指标',
  stage: '工作步骤',
};

/** The three item lists that have responsible units (目标、任务、项目); work steps have none. */
export const LIST_TYPES = ['task', 'project', 'indicator'] as const satisfies readonly ItemType[];
export type ListType = (typeof LIST_TYPES)[number];
