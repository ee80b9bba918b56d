// Items (tasks, projects, indicators) the oversight screens name: fetched once per screen and kept, since a queue or
// a list of notices often names the same item several times.
import { api, expectJson } from './client.js';
import type { Indicator, ItemBase, ItemType, Project, Task, UnitListEntry } from './models.js';

export type AnyItem = ItemBase & Partial<Task & Project & Indicator>;

export function fetchItem(planId: number, itemType: ItemType, id: number): Promise<AnyItem> {
  const params = { path: { planId, id } };
  if (itemType === 'task') return expectJson<AnyItem>(api.GET('/api/v1/plans/{planId}/tasks/{id}', { params }));
  if (itemType === 'project') return expectJson<AnyItem>(api.GET('/api/v1/plans/{planId}/projects/{id}', { params }));
  return expectJson<AnyItem>(api.GET('/api/v1/plans/{planId}/indicators/{id}', { params }));
}

/** A cache of items by "type:id" for one plan. */
export function itemCache(planId: () => number) {
  const cache = new Map<string, Promise<AnyItem>>();
  return {
    get(itemType: ItemType, id: number): Promise<AnyItem> {
      const key = `${planId()}:${itemType}:${id}`;
      let found = cache.get(key);
      if (!found) {
        found = fetchItem(planId(), itemType, id);
        found.catch(() => cache.delete(key));
        cache.set(key, found);
      }
      return found;
    },
    /** Forget one item (after its status changed). */
    drop(itemType: ItemType, id: number) {
      cache.delete(`${planId()}:${itemType}:${id}`);
    },
  };
}

/** "task:11": how the oversight screens key an item. */
export const itemKey = (r: { itemType: string; itemId: number }) => `${r.itemType}:${r.itemId}`;

/** The items some rows name, each fetched once through the cache, by itemKey. */
export async function itemsOf(cache: ReturnType<typeof itemCache>, rows: readonly { itemType: string; itemId: number }[]): Promise<Record<string, AnyItem>> {
  const wanted = [...new Map(rows.map((r) => [itemKey(r), r])).values()];
  return Object.fromEntries(await Promise.all(wanted.map((r) => cache.get(r.itemType as ItemType, r.itemId).then((it) => [itemKey(r), it] as const))));
}

/** The short title of an item: the task's content, the project's or indicator's name, cut to a line. */
export function itemTitle(item: AnyItem | null | undefined, max = 40): string {
  if (!item) return '';
  const text = (item.name ?? item.content ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Every item of one list, for choosing one (tasks 82, projects 13 … in Jiangjin; the API gives up to 1000 a page). */
export async function listItems(planId: number, itemType: ItemType): Promise<AnyItem[]> {
  const params = { path: { planId }, query: { limit: 1000 } };
  const call =
    itemType === 'task'
      ? api.GET('/api/v1/plans/{planId}/tasks', { params } as never)
      : itemType === 'project'
        ? api.GET('/api/v1/plans/{planId}/projects', { params } as never)
        : api.GET('/api/v1/plans/{planId}/indicators', { params } as never);
  return (await expectJson<{ items: AnyItem[] }>(call)).items;
}

export async function listUnits(planId: number): Promise<UnitListEntry[]> {
  return (await expectJson<{ items: UnitListEntry[] }>(api.GET('/api/v1/plans/{planId}/units', { params: { path: { planId } } }))).items;
}
