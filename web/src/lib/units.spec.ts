import {
  cleanAliases,
  contactCreateBody,
  contactFormOf,
  contactFormProblems,
  contactPatchBody,
  fieldProblems,
  isStale,
  matchedAlias,
  matchesUnit,
  peopleFormOf,
  peoplePatchBody,
  rebasePeople,
  rebaseUnit,
  unitCreateBody,
  unitFormOf,
  unitPatchBody,
  type Contact,
  type Unit,
} from './units.js';

const UNIT: Unit = {
  id: 7,
  version: 3,
  name: '区生态环境局',
  aliases: ['江津区生态环境局'],
  kind: 'agency',
  liaisonName: '王联络',
  liaisonPhone: '023-47521234',
  liaisonEmail: 'wang@example.org',
  headName: null,
  headPhone: null,
  headEmail: null,
};

const ROBOT: Contact = {
  id: 4,
  version: 2,
  unitId: 7,
  role: 'group',
  channel: 'wecom',
  name: '环境局工作群',
  address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd…',
};
const EMAIL: Contact = { id: 5, version: 1, unitId: 7, role: 'leader', channel: 'email', name: '李局长', address: 'li@example.org' };

describe('alias tags', () => {
  it('splits a tag typed with Chinese or Latin separators, trims, and drops blanks, repeats and the name itself', () => {
    expect(cleanAliases(['江津环境局、区环保局', ' 环保局 ；', '区环保局', '区生态环境局', 'a,b\nc'], '区生态环境局')).toEqual([
      '江津环境局',
      '区环保局',
      '环保局',
      'a',
      'b',
      'c',
    ]);
    expect(cleanAliases([], 'x')).toEqual([]);
  });
});

describe('unit form → request body', () => {
  it('creates with the trimmed name, the kind and the cleaned aliases', () => {
    expect(unitCreateBody({ name: ' 区水务局 ', kind: 'agency', aliases: ['江津区水务局，水务局', '区水务局'] })).toEqual({
      name: '区水务局',
      kind: 'agency',
      aliases: ['江津区水务局', '水务局'],
    });
  });

  it('patches only what changed, with the version read; nothing changed gives no request', () => {
    const base = unitFormOf(UNIT);
    expect(unitPatchBody(base, { ...base }, 3)).toBeNull();
    expect(unitPatchBody(base, { ...base, name: '区生态环境局 ' }, 3)).toBeNull();
    expect(unitPatchBody(base, { ...base, aliases: ['江津区生态环境局', '环保局'] }, 3)).toEqual({ aliases: ['江津区生态环境局', '环保局'], version: 3 });
    expect(unitPatchBody(base, { ...base, kind: 'company', name: '区环境局' }, 3)).toEqual({ name: '区环境局', kind: 'company', version: 3 });
  });

  it('after a 409 keeps what the user changed on top of what the other person saved', () => {
    const base = unitFormOf(UNIT);
    const mine = { ...base, aliases: ['江津区生态环境局', '环保局'] };
    const current: Unit = { ...UNIT, version: 4, name: '区生态环境保护局' };
    expect(rebaseUnit(base, mine, current)).toEqual({ name: '区生态环境保护局', kind: 'agency', aliases: ['江津区生态环境局', '环保局'] });
  });
});

describe('search by name or alias', () => {
  it('finds a unit by part of its name or of an alias, ignoring case and spaces around', () => {
    expect(matchesUnit(UNIT, ' 江津区生态 ')).toBe(true);
    expect(matchesUnit(UNIT, '生态环境局')).toBe(true);
    expect(matchesUnit(UNIT, '水务')).toBe(false);
    expect(matchesUnit(UNIT, '')).toBe(true);
    expect(matchesUnit({ name: 'ABC公司', aliases: [] }, 'abc')).toBe(true);
  });

  it('names the alias that matched when the name did not', () => {
    expect(matchedAlias(UNIT, '江津区')).toBe('江津区生态环境局');
    expect(matchedAlias(UNIT, '生态')).toBeNull();
    expect(matchedAlias(UNIT, '')).toBeNull();
  });
});

describe('liaison and head on the unit', () => {
  it('sends the changed fields only, a cleared one as null', () => {
    const base = peopleFormOf(UNIT);
    expect(base.headName).toBe('');
    expect(peoplePatchBody(base, { ...base }, 3)).toBeNull();
    expect(peoplePatchBody(base, { ...base, liaisonPhone: ' 13800000000 ', liaisonEmail: '' }, 3)).toEqual({
      liaisonPhone: '13800000000',
      liaisonEmail: null,
      version: 3,
    });
  });

  it('after a 409 keeps the user’s phone and takes the other person’s head', () => {
    const base = peopleFormOf(UNIT);
    const current: Unit = { ...UNIT, version: 4, headName: '赵局长' };
    expect(rebasePeople(base, { ...base, liaisonPhone: '139' }, current)).toMatchObject({
      liaisonPhone: '139',
      headName: '赵局长',
      liaisonEmail: 'wang@example.org',
    });
  });
});

describe('contacts', () => {
  it('a robot’s form starts without its address; an email’s keeps it', () => {
    expect(contactFormOf(ROBOT).address).toBe('');
    expect(contactFormOf(EMAIL).address).toBe('li@example.org');
  });

  it('creating leaves out a blank name', () => {
    expect(contactCreateBody({ role: 'liaison', channel: 'email', name: ' ', address: ' a@b.cn ' })).toEqual({
      role: 'liaison',
      channel: 'email',
      address: 'a@b.cn',
    });
  });

  it('editing a robot’s name does not send (or need) its key', () => {
    expect(contactPatchBody(ROBOT, { ...contactFormOf(ROBOT), name: '新群名' })).toEqual({ version: 2, name: '新群名' });
    expect(contactPatchBody(ROBOT, contactFormOf(ROBOT))).toBeNull();
    expect(contactPatchBody(ROBOT, { ...contactFormOf(ROBOT), address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=new' })).toEqual({
      version: 2,
      address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=new',
    });
    expect(contactFormProblems(contactFormOf(ROBOT), ROBOT)).toEqual({});
  });

  it('an email contact sends its address only when it changed', () => {
    expect(contactPatchBody(EMAIL, { ...contactFormOf(EMAIL), role: 'head' })).toEqual({ version: 1, role: 'head' });
    expect(contactPatchBody(EMAIL, { ...contactFormOf(EMAIL), address: 'zhao@example.org' })).toEqual({ version: 1, address: 'zhao@example.org' });
  });

  it('asks for an address when there is none to keep', () => {
    expect(contactFormProblems({ role: 'group', channel: 'dingtalk', name: '', address: '' }, null)).toEqual({ address: '请填写群机器人的 webhook 地址' });
    expect(contactFormProblems({ role: 'liaison', channel: 'email', name: '', address: ' ' }, null)).toEqual({ address: '请填写邮箱地址' });
    // Switching a WeCom robot to DingTalk needs the new robot's address.
    expect(contactFormProblems({ ...contactFormOf(ROBOT), channel: 'dingtalk' }, ROBOT)).toEqual({ address: '请填写群机器人的 webhook 地址' });
  });
});

describe('the service’s errors beside the fields', () => {
  it('puts each field’s message beside it and the rest above the form', () => {
    expect(fieldProblems([{ field: 'liaisonEmail', message: '应为邮箱地址' }], ['liaisonEmail'], '参数校验失败')).toEqual({ liaisonEmail: '应为邮箱地址' });
    expect(fieldProblems([{ field: 'aliases.1', message: '名称已存在' }], ['name', 'aliases'], 'x')).toEqual({ aliases: '名称已存在' });
    expect(fieldProblems([{ field: 'id', message: '仍有3项分工' }], ['name'], '单位“甲”仍承担3项')).toEqual({ _: '单位“甲”仍承担3项' });
    expect(fieldProblems([], ['name'], '服务暂时不可用')).toEqual({ _: '服务暂时不可用' });
    // A clash names the other unit in its whole message: that goes beside the field.
    expect(fieldProblems([{ field: 'aliases', message: '名称已存在' }], ['aliases'], '名称“环保局”已被单位“区生态环境局”（id 1）使用', 409)).toEqual({
      aliases: '名称“环保局”已被单位“区生态环境局”（id 1）使用',
    });
  });

  it('tells a stale version from a clash of names', () => {
    expect(isStale(409, [{ field: 'version' }])).toBe(true);
    expect(isStale(409, [{ field: 'name' }])).toBe(false);
    expect(isStale(400, [{ field: 'version' }])).toBe(false);
  });
});
