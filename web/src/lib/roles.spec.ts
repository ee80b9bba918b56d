import { menuFor, menuTree, ROLE_NAMES } from './roles.js';

describe('menus by role', () => {
  it('shows a leader the overview of the plan, its reports and the password page only', () => {
    expect(menuFor('leader', 2)).toEqual([
      { key: 'overview', title: '驾驶舱', path: '/plans/2/overview' },
      { key: 'overdue', title: '逾期事项', path: '/plans/2/overview#overdue' },
      { key: 'reports', title: '报告', path: '/plans/2/reports' },
      { key: 'password', title: '修改密码', path: '/password' },
    ]);
    expect(ROLE_NAMES.leader).toBe('领导');
  });
  it('gives a unit its own responsibility list first', () => {
    expect(menuFor('unit', 2).map((m) => m.path)).toEqual(['/plans/2/my', '/plans/2/overview', '/plans/2/overview#overdue', '/password']);
  });
  it('leaves plan pages out for an account bound to no plan', () => {
    expect(menuFor('admin', null).map((m) => m.key)).toEqual(['reports-all', 'plans', 'accounts', 'audit-all', 'tokens', 'password']);
  });
  it("gathers the office's many pages in sub-menus, and leaves a one-entry group at the top level", () => {
    const titles = (nodes: ReturnType<typeof menuTree>) =>
      nodes.map((n) => ('group' in n ? `${n.group}: ${n.children.map((c) => c.title).join(' ')}` : n.title));
    expect(titles(menuTree('office', 2))).toEqual([
      '驾驶舱',
      '逾期事项',
      '清单管理: 任务清单 项目清单 目标清单 责任清单 导入导出 单位与联系人',
      '督办: 审核进展 督办通知 延期申请 签收情况 领导批示 催办提醒',
      '报告',
      '系统: 建设方案 账号管理 审计日志 对接令牌 修改密码',
    ]);
    expect(titles(menuTree('leader', 2))).toEqual(['驾驶舱', '逾期事项', '报告', '修改密码']);
    expect(titles(menuTree('admin', null))).toEqual(['各方案汇总', '系统: 建设方案 账号管理 审计日志（全部） 对接令牌 修改密码']);
  });
});
