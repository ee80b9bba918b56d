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
}

export const MENU: readonly MenuEntry[] = [
  { key: 'my', title: '我的责任清单', path: '/plans/:planId/my', roles: ['unit'], needsPlan: true },
  { key: 'overview', title: '驾驶舱', path: '/plans/:planId/overview', roles: ['leader', 'office', 'unit', 'admin'], needsPlan: true },
  { key: 'overdue', title: '逾期事项', path: '/plans/:planId/overview#overdue', roles: ['leader', 'office', 'unit', 'admin'], needsPlan: true },
  { key: 'review', title: '审核进展', path: '/plans/:planId/review', roles: ['office', 'admin'], needsPlan: true },
  { key: 'notices', title: '督办通知', path: '/plans/:planId/notices', roles: ['office', 'admin'], needsPlan: true },
  { key: 'extensions', title: '延期申请', path: '/plans/:planId/extensions', roles: ['office', 'admin'], needsPlan: true },
  { key: 'signatures', title: '签收情况', path: '/plans/:planId/signatures', roles: ['office', 'admin'], needsPlan: true },
  { key: 'instructions', title: '领导批示', path: '/plans/:planId/instructions', roles: ['office', 'admin'], needsPlan: true },
  { key: 'list-tasks', title: '任务清单', path: '/plans/:planId/lists/tasks', roles: ['office', 'admin'], needsPlan: true },
  { key: 'list-projects', title: '项目清单', path: '/plans/:planId/lists/projects', roles: ['office', 'admin'], needsPlan: true },
  { key: 'list-indicators', title: '目标清单', path: '/plans/:planId/lists/indicators', roles: ['office', 'admin'], needsPlan: true },
  { key: 'list-responsibilities', title: '责任清单', path: '/plans/:planId/lists/responsibilities', roles: ['office', 'admin'], needsPlan: true },
  { key: 'plans', title: '建设方案', path: '/plans', roles: ['office', 'admin'], needsPlan: false },
  { key: 'import', title: '导入导出', path: '/plans/:planId/import', roles: ['office', 'admin'], needsPlan: true },
  { key: 'reports', title: '报告', path: '/plans/:planId/reports', roles: ['office', 'leader', 'admin'], needsPlan: true },
  { key: 'reminders', title: '催办提醒', path: '/plans/:planId/reminders', roles: ['office'], needsPlan: true },
  { key: 'audit', title: '审计日志', path: '/plans/:planId/audit', roles: ['office'], needsPlan: true },
  { key: 'audit-all', title: '审计日志（全部）', path: '/audit', roles: ['admin'], needsPlan: false },
  { key: 'password', title: '修改密码', path: '/password', roles: ['leader', 'office', 'unit', 'admin'], needsPlan: false },
];

/** The menu of a role, its routes filled with the plan (entries needing a plan left out when there is none). */
export function menuFor(role: Role, planId: number | null): { key: string; title: string; path: string }[] {
  return MENU.filter((m) => m.roles.includes(role) && (planId !== null || !m.needsPlan)).map((m) => ({
    key: m.key,
    title: m.title,
    path: m.path.replace(':planId', String(planId)),
  }));
}
