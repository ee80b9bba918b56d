import { LIST_NAMING, type ListType } from '../common/item-type.js';

/**
 * Links in mail and robot messages open the web app, never the API (README, "催办与逾期周报"):
 * PUBLIC_URL + an app route. The web app owns these routes; an app route opened without a session goes
 * through sign-in and back.
 * - /plans/:planId/overview                      a plan's overview (leaders' digest, the office)
 * - /plans/:planId/tasks|projects|indicators/:id  one item, with its milestones, progress, 批示 and 签收
 * - /plans/:planId/my                            the signed-in unit's own list (what it leads and supports)
 */

function base(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

export function planOverviewLink(publicUrl: string, planId: number): string {
  return `${base(publicUrl)}/plans/${planId}/overview`;
}

export function itemLink(publicUrl: string, planId: number, itemType: ListType, itemId: number): string {
  return `${base(publicUrl)}/plans/${planId}/${LIST_NAMING[itemType].name}/${itemId}`;
}

export function myListLink(publicUrl: string, planId: number): string {
  return `${base(publicUrl)}/plans/${planId}/my`;
}
