import { menuFor, ROLE_NAMES } from './roles.js';

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
    expect(menuFor('admin', null).map((m) => m.key)).toEqual(['plans', 'audit-all', 'password']);
  });
});
