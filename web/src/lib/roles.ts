// Roles in Chinese and the menu each role sees.

export type Role = 'admin' | 'office' | 'unit' | 'leader';

export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  office: '无废办',
  unit: '责任单位',
  leader: '领导',
};

export interface MenuEntry {
  key: string;
  title: string;
  /** The app route; :planId is filled with the user's plan. */
  path: string;
  roles: readonly Role[];
  /** Needs a plan to open (users bound to no plan choose one first). */
  needsPlan: boolean;
  /** The sub-menu it sits in (RuoYi's left menu); none: at the top level. */
  group?: string;
}

export const MENU: readonly MenuEntry[] = [
  { key: 'my', title: '我的责任清单', path: '/plans/:planId/my', roles: ['unit'], needsPlan: true },
  { key: 'overview', title: '驾驶舱', path: '/plans/:planId/overview', roles: ['leader', 'office', 'unit', 'admin'], needsPlan: true },
  { key: 'overdue', title: '逾期事项', path: '/plans/:planId/overview#overdue', roles: ['leader', 'office', 'unit', 'admin'], needsPlan: true },
  { key: 'list-tasks', title: '任务清单', path: '/plans/:planId/lists/tasks', roles: ['office', 'admin'], needsPlan: true, group: '清单管理' },
  { key: 'list-projects', title: '项目清单', path: '/plans/:planId/lists/projects', roles: ['office', 'admin'], needsPlan: true, group: '清单管理' },
  { key: 'list-indicators', title: '目标清单', path: '/plans/:planId/lists/indicators', roles: ['office', 'admin'], needsPlan: true, group: '清单管理' },
  {
    key: 'list-responsibilities',
    title: '责任清单',
    path: '/plans/:planId/lists/responsibilities',
    roles: ['office', 'admin'],
    needsPlan: true,
    group: '清单管理',
  },
  { key: 'import', title: '导入导出', path: '/plans/:planId/import', roles: ['office', 'admin'], needsPlan: true, group: '清单管理' },
  { key: 'units', title: '单位与联系人', path: '/plans/:planId/units', roles: ['office', 'admin'], needsPlan: true, group: '清单管理' },
  { key: 'review', title: '审核进展', path: '/plans/:planId/review', roles: ['office', 'admin'], needsPlan: true, group: '督办' },
  { key: 'notices', title: '督办通知', path: '/plans/:planId/notices', roles: ['office', 'admin'], needsPlan: true, group: '督办' },
  { key: 'extensions', title: '延期申请', path: '/plans/:planId/extensions', roles: ['office', 'admin'], needsPlan: true, group: '督办' },
  { key: 'signatures', title: '签收情况', path: '/plans/:planId/signatures', roles: ['office', 'admin'], needsPlan: true, group: '督办' },
  { key: 'instructions', title: '领导批示', path: '/plans/:planId/instructions', roles: ['office', 'admin'], needsPlan: true, group: '督办' },
  { key: 'reminders', title: '催办提醒', path: '/plans/:planId/reminders', roles: ['office'], needsPlan: true, group: '督办' },
  { key: 'reports', title: '报告', path: '/plans/:planId/reports', roles: ['office', 'leader', 'admin'], needsPlan: true },
  { key: 'reports-all', title: '各方案汇总', path: '/reports', roles: ['admin'], needsPlan: false },
  { key: 'plans', title: '建设方案', path: '/plans', roles: ['office', 'admin'], needsPlan: false, group: '系统' },
  { key: 'accounts', title: '账号管理', path: '/accounts', roles: ['office', 'admin'], needsPlan: false, group: '系统' },
  { key: 'audit', title: '审计日志', path: '/plans/:planId/audit', roles: ['office'], needsPlan: true, group: '系统' },
  { key: 'audit-all', title: '审计日志（全部）', path: '/audit', roles: ['admin'], needsPlan: false, group: '系统' },
  { key: 'tokens', title: '对接令牌', path: '/tokens', roles: ['office', 'admin'], needsPlan: false, group: '系统' },
  { key: 'password', title: '修改密码', path: '/password', roles: ['leader', 'office', 'unit', 'admin'], needsPlan: false, group: '系统' },
];

/** The menu of a role, its routes filled with the plan (entries needing a plan left out when there is none). */
export function menuFor(role: Role, planId: number | null): { key: string; title: string; path: string }[] {
  return entriesFor(role, planId).map(({ key, title, path }) => ({ key, title, path }));
}

function entriesFor(role: Role, planId: number | null): { key: string; title: string; path: string; group?: string }[] {
  return MENU.filter((m) => m.roles.includes(role) && (planId !== null || !m.needsPlan)).map((m) => ({
    key: m.key,
    title: m.title,
    path: m.path.replace(':planId', String(planId)),
    group: m.group,
  }));
}

export type MenuNode = { key: string; title: string; path: string } | { group: string; children: { key: string; title: string; path: string }[] };

/**
 * The menu as the left bar shows it: entries of a group gathered in a sub-menu where the group first appears; a group
 * the role would see with one entry only (a leader's 修改密码) stays at the top level.
 */
export function menuTree(role: Role, planId: number | null): MenuNode[] {
  const entries = entriesFor(role, planId);
  const sizes = new Map<string, number>();
  for (const e of entries) if (e.group) sizes.set(e.group, (sizes.get(e.group) ?? 0) + 1);
  const nodes: MenuNode[] = [];
  const groups = new Map<string, { key: string; title: string; path: string }[]>();
  for (const { group, ...entry } of entries) {
    if (!group || (sizes.get(group) ?? 0) < 2) {
      nodes.push(entry);
      continue;
    }
    let children = groups.get(group);
    if (!children) {
      children = [];
      groups.set(group, children);
      nodes.push({ group, children });
    }
    children.push(entry);
  }
  return nodes;
}
