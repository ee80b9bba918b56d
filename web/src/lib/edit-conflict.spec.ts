import { changedKeys, changesOf, compareEdits, currentOf, defaultKeep, reapply, sameValue, type FieldSpec } from './edit-conflict.js';
import { bodyOf, displayValue, emptyForm, FIELDS, formOf, type ItemForm } from './item-form.js';

interface Form {
  content: string;
  deadlineText: string;
  leadUnitIds: number[];
}
const SPECS: FieldSpec<Form>[] = [
  { key: 'content', label: '任务内容' },
  { key: 'deadlineText', label: '完成时限' },
  { key: 'leadUnitIds', label: '牵头单位' },
];
const base: Form = { content: '推进绿色工厂建设', deadlineText: '2025年底前', leadUnitIds: [1] };

describe('sameValue', () => {
  it('compares lists and numbers by content, null and undefined alike', () => {
    expect(sameValue([1, 2], [1, 2])).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue('', null)).toBe(false);
  });
});

describe('changes of the user', () => {
  it('names only the fields typed over, and the body carries only them', () => {
    const now = { ...base, content: '推进绿色工厂和绿色园区建设' };
    expect(changedKeys(SPECS, base, now)).toEqual(['content']);
    expect(changesOf(SPECS, base, now)).toEqual({ content: '推进绿色工厂和绿色园区建设' });
  });
});

describe('compareEdits', () => {
  it('shows their change beside mine, field by field, leaving out fields nobody touched', () => {
    const theirs = { ...base, deadlineText: '2024年底前' };
    const mine = { ...base, content: '我的新内容' };
    expect(compareEdits(SPECS, base, mine, theirs)).toEqual([
      {
        key: 'content',
        label: '任务内容',
        base: base.content,
        theirs: base.content,
        mine: '我的新内容',
        theirsChanged: false,
        mineChanged: true,
        clash: false,
      },
      {
        key: 'deadlineText',
        label: '完成时限',
        base: '2025年底前',
        theirs: '2024年底前',
        mine: '2025年底前',
        theirsChanged: true,
        mineChanged: false,
        clash: false,
      },
    ]);
  });

  it('marks a clash when both changed the same field differently, and not when both typed the same', () => {
    const clash = compareEdits(SPECS, base, { ...base, content: '甲' }, { ...base, content: '乙' });
    expect(clash.map((d) => [d.key, d.clash])).toEqual([['content', true]]);
    const same = compareEdits(SPECS, base, { ...base, content: '甲' }, { ...base, content: '甲' });
    expect(same.map((d) => [d.key, d.clash])).toEqual([['content', false]]);
  });
});

describe('reapply', () => {
  it('puts my changes on the current version and keeps theirs elsewhere: nothing typed is lost', () => {
    const theirs = { ...base, deadlineText: '2024年底前', leadUnitIds: [1, 2] };
    const mine = { ...base, content: '我的新内容' };
    expect(reapply(SPECS, base, mine, theirs)).toEqual({ content: '我的新内容', deadlineText: '2024年底前', leadUnitIds: [1, 2] });
  });

  it('on a clash takes mine by default, or theirs when the user unticks the field', () => {
    const theirs = { ...base, content: '他们的', leadUnitIds: [3] };
    const mine = { ...base, content: '我的', leadUnitIds: [4] };
    const diffs = compareEdits(SPECS, base, mine, theirs);
    expect([...defaultKeep(diffs)]).toEqual(['content', 'leadUnitIds']);
    expect(reapply(SPECS, base, mine, theirs)).toEqual({ ...base, content: '我的', leadUnitIds: [4] });
    expect(reapply(SPECS, base, mine, theirs, new Set(['leadUnitIds']))).toEqual({ ...base, content: '他们的', leadUnitIds: [4] });
  });

  it('does not share arrays with the inputs', () => {
    const mine = { ...base, leadUnitIds: [5] };
    const merged = reapply(SPECS, base, mine, base);
    merged.leadUnitIds.push(6);
    expect(mine.leadUnitIds).toEqual([5]);
  });
});

describe('currentOf', () => {
  it('reads the current row from a 409 body', () => {
    expect(currentOf({ statusCode: 409, currentVersion: 3, current: { id: 1, version: 3 } })).toEqual({ id: 1, version: 3 });
    expect(currentOf({ statusCode: 409 })).toBeNull();
    expect(currentOf(null)).toBeNull();
  });
});

describe('item forms', () => {
  const task = {
    id: 7,
    seq: 7,
    version: 2,
    chapter: '第一章',
    taskGroup: null,
    content: '内容',
    deadlineText: null,
    leadUnits: [{ id: 3, name: '区经济信息委' }],
    supportingUnits: [],
  };

  it('reads an item into form values, nulls as empty fields', () => {
    const form = formOf(task);
    expect(form.chapter).toBe('第一章');
    expect(form.taskGroup).toBe('');
    expect(form.deadlineText).toBe('');
    expect(form.leadUnitIds).toEqual([3]);
  });

  it('a change of a task sends only its own changed fields', () => {
    const base = formOf(task);
    const now: ItemForm = { ...base, content: '新内容', supportingUnitIds: [4] };
    const keys = changedKeys(FIELDS.tasks, base, now);
    expect(bodyOf('tasks', now, keys)).toEqual({ content: '新内容', supportingUnitIds: [4] });
  });

  it('indicator targets without a text are left out of the body', () => {
    const form = {
      ...emptyForm(),
      targets: [
        { year: 2025, text: ' ≥95% ' },
        { year: 2023, text: '' },
      ],
    };
    expect(bodyOf('indicators', form, ['targets'])).toEqual({ targets: [{ year: 2025, text: '≥95%' }] });
    expect(bodyOf('tasks', form, ['targets'])).toEqual({});
  });

  it('shows units by name and empty values as （空）', () => {
    const name = (id: number) => ({ 3: '区经济信息委', 4: '区生态环境局' })[id] ?? `#${id}`;
    expect(displayValue('leadUnitIds', [3, 4], name)).toBe('区经济信息委、区生态环境局');
    expect(displayValue('deadlineText', '', name)).toBe('（空）');
    expect(displayValue('targets', [{ year: 2025, text: '≥95%' }], name)).toBe('2025年：≥95%');
  });
});
