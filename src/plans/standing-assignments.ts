import type { ItemType } from '../common/item-type.js';

/**
 * A plan's standing arrangement: a sentence such as Jiangyin's "以下均需各镇人民政府、街道办事处…落实，不再列出" gives
 * these units this role on every item of one list, though no row names them. Kept on the plan, so every new item
 * and every import of that list gets them, as the seed did.
 */
export interface StandingAssignment {
  /** The sentence as the document writes it. */
  text: string;
  role: 'lead' | 'support';
  itemType: ItemType;
  unitIds: number[];
}

/**
 * The units of an item once the plan's standing arrangements are added: after the ones its row or request names,
 * in the arrangement's order; a unit named already keeps the role it was given.
 */
export function withStandingUnits<U extends { id: number }>(
  standing: readonly StandingAssignment[] | null,
  itemType: ItemType,
  held: { lead: U[]; support: U[] },
  unitOf: (id: number) => U | undefined,
): { lead: U[]; support: U[] } {
  const lead = [...held.lead];
  const support = [...held.support];
  for (const arrangement of standing ?? []) {
    if (arrangement.itemType !== itemType) continue;
    for (const id of arrangement.unitIds) {
      const unit = unitOf(id);
      if (!unit || lead.some((u) => u.id === id) || support.some((u) => u.id === id)) continue;
      (arrangement.role === 'lead' ? lead : support).push(unit);
    }
  }
  return { lead, support };
}
