/** Who a user is to the service. */
export type Role = 'admin' | 'office' | 'unit' | 'leader';
export const ROLES: readonly Role[] = ['admin', 'office', 'unit', 'leader'];

export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  office: '无废办',
  unit: '责任单位',
  leader: '领导',
};

/** The signed-in user behind a request. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  /** The plan an office, unit or leader user belongs to; null: every plan (admin, or an office/leader for all plans). */
  planId: number | null;
  /** The unit of a unit user. */
  unitId: number | null;
  /** The token the request came with. */
  tokenId: number;
  /** A password session, or a long-lived API token (which may not manage tokens or the password). */
  tokenKind: 'session' | 'api';
}

/** May this actor (or the public, when null) see this plan at all? */
export function canSeePlan(actor: Actor | null, plan: { id: number; published: boolean }): boolean {
  if (!actor) return plan.published;
  return actor.planId === null || actor.planId === plan.id;
}
