import {
  accountChanges,
  accountProblems,
  asksPlan,
  createBody,
  creatableRoles,
  emptyAccountForm,
  filterAccounts,
  mayCreatePlan,
  mayEditPlan,
  mayToggle,
  planChanges,
  planCreateBody,
  planProblems,
  suggestPassword,
  type AccountRow,
} from './accounts.js';

const jiangjinOffice = { role: 'office' as const, planId: 2 };
const admin = { role: 'admin' as const, planId: null };

const row = (over: Partial<AccountRow> = {}): AccountRow => ({
  id: 7,
  username: 'jiangjin-jxw',
  displayName: '区经济信息委联络员',
  role: 'unit',
  planId: 2,
  unitId: 11,
  email: null,
  active: true,
  version: 3,
  ...over,
});

describe('who may be created', () => {
  it('lets an office create unit and leader accounts only, and the admin every role', () => {
    expect(creatableRoles(jiangjinOffice)).toEqual(['unit', 'leader']);
    expect(creatableRoles(admin)).toEqual(['unit', 'leader', 'office', 'admin']);
    expect(creatableRoles({ role: 'leader', planId: 2 })).toEqual([]);
  });
  it('asks the admin for a plan except for an admin account, and never an office bound to its plan', () => {
    expect(asksPlan(admin, 'leader')).toBe(true);
    expect(asksPlan(admin, 'admin')).toBe(false);
    expect(asksPlan(jiangjinOffice, 'leader')).toBe(false);
  });
});

describe('the account form', () => {
  it('finds what the service would refuse, beside the field', () => {
    const form = { ...emptyAccountForm(jiangjinOffice), username: 'a b', password: 'short' };
    expect(accountProblems(form, jiangjinOffice)).toEqual({
      username: '用户名只能用字母、数字和 . _ @ -（2-64个字符）',
      password: '密码至少8个字符',
      unitId: '责任单位账号必须指定所属单位',
    });
    expect(accountProblems({ ...form, role: 'office', username: 'ok', password: '12345678' }, jiangjinOffice)).toEqual({
      role: '无废办只能建立责任单位和领导账号',
    });
    expect(accountProblems({ ...emptyAccountForm(admin), username: 'x1', password: '12345678' }, admin)).toEqual({
      unitId: '责任单位账号必须指定所属单位',
      planId: '请先选择方案，再选择单位',
    });
  });
  it('sends a unit account its unit, an office of one plan no plan, and an admin account neither', () => {
    const unit = { ...emptyAccountForm(jiangjinOffice), username: ' jxw-2 ', password: 'qingdan-2026', unitId: 11, displayName: ' 联络员 ' };
    expect(createBody(unit, jiangjinOffice)).toEqual({ username: 'jxw-2', password: 'qingdan-2026', role: 'unit', unitId: 11, displayName: '联络员' });
    const leader = { ...unit, role: 'leader' as const, unitId: null, displayName: '' };
    expect(createBody(leader, jiangjinOffice)).toEqual({ username: 'jxw-2', password: 'qingdan-2026', role: 'leader' });
    expect(createBody({ ...leader, planId: 3 }, admin)).toEqual({ username: 'jxw-2', password: 'qingdan-2026', role: 'leader', planId: 3 });
    expect(createBody({ ...leader, role: 'admin', planId: 3, email: 'a@b.cn' }, admin)).toEqual({
      username: 'jxw-2',
      password: 'qingdan-2026',
      role: 'admin',
      email: 'a@b.cn',
    });
  });
  it('patches only what an edit changed, with the version read', () => {
    expect(accountChanges(row(), { displayName: '区经济信息委联络员', email: '' })).toBeNull();
    expect(accountChanges(row(), { displayName: ' 张三 ', email: 'zs@jj.gov.cn' })).toEqual({ version: 3, displayName: '张三', email: 'zs@jj.gov.cn' });
  });
  it('never lets a manager switch off their own account', () => {
    expect(mayToggle(row({ id: 1 }), 1)).toBe(false);
    expect(mayToggle(row({ id: 7 }), 1)).toBe(true);
  });
  it('filters by role, state and a keyword in either name', () => {
    const rows = [
      row(),
      row({ id: 8, username: 'jiangjin-leader', displayName: '分管副区长', role: 'leader', unitId: null }),
      row({ id: 9, username: 'old', active: false }),
    ];
    expect(filterAccounts(rows, { role: 'unit', keyword: '', active: '' }).map((r) => r.id)).toEqual([7, 9]);
    expect(filterAccounts(rows, { role: '', keyword: '副区长', active: '' }).map((r) => r.id)).toEqual([8]);
    expect(filterAccounts(rows, { role: '', keyword: 'JIANGJIN', active: 'active' }).map((r) => r.id)).toEqual([7, 8]);
    expect(filterAccounts(rows, { role: '', keyword: '', active: 'inactive' }).map((r) => r.id)).toEqual([9]);
  });
  it('suggests passwords long enough, without look-alike characters', () => {
    expect(suggestPassword(() => 0)).toBe('AAAAAAAAAAAA');
    expect(suggestPassword(() => 0.999999)).toHaveLength(12);
    expect(suggestPassword(() => 0.999999)).toMatch(/^9+$/);
  });
});

describe('the plan form', () => {
  const plan = {
    name: '江津方案',
    region: '重庆市江津区',
    periodStart: '2021-01-01',
    periodEnd: '2025-12-31',
    baseYear: 2020,
    timeZone: 'Asia/Shanghai',
    source: null,
    version: 4,
  };
  it('lets only the admin or an office of all plans start one, and an office edit its own', () => {
    expect(mayCreatePlan(admin)).toBe(true);
    expect(mayCreatePlan(jiangjinOffice)).toBe(false);
    expect(mayCreatePlan({ role: 'office', planId: null })).toBe(true);
    expect(mayEditPlan(jiangjinOffice, 2)).toBe(true);
    expect(mayEditPlan(jiangjinOffice, 3)).toBe(false);
    expect(mayEditPlan({ role: 'leader', planId: 2 }, 2)).toBe(false);
  });
  it('names the missing fields and a period that ends before it starts', () => {
    expect(
      planProblems({ name: ' ', region: '', periodStart: '2026-01-01', periodEnd: '2025-12-31', baseYear: 1980, timeZone: 'Asia/Shanghai', source: '' }),
    ).toEqual({
      name: '请填写方案名称',
      region: '请填写地区',
      periodEnd: '规划期结束日期2025-12-31早于开始日期2026-01-01',
      baseYear: '基准年应在1990至2100之间',
    });
  });
  it('creates with the fields filled and patches only the changed ones', () => {
    expect(
      planCreateBody({
        name: ' 新方案 ',
        region: '江阴市',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        baseYear: null,
        timeZone: 'Asia/Shanghai',
        source: '',
      }),
    ).toEqual({
      name: '新方案',
      region: '江阴市',
      periodStart: '2026-01-01',
      periodEnd: '2030-12-31',
      timeZone: 'Asia/Shanghai',
    });
    const same = { ...plan, source: '' };
    expect(planChanges(plan, same)).toBeNull();
    expect(planChanges(plan, { ...same, periodEnd: '2026-12-31', baseYear: null })).toEqual({ version: 4, periodEnd: '2026-12-31', baseYear: null });
  });
});
