import type { Extension, Milestone, Notice } from '../api/models.js';
import { canAnswer, canRequestExtension, extensionsOf, extensionSummary, tooEarly } from './item-oversight.js';

const milestone = (over: Partial<Milestone> = {}): Milestone => ({
  id: 1,
  phrase: '到2023年',
  dueDate: '2023-12-31',
  baselineDate: '2023-12-31',
  kind: 'dated',
  quantity: '3个',
  certain: true,
  note: null,
  status: 'not_started',
  overdue: true,
  light: 'red',
  percent: null,
  closedOn: null,
  occurrence: null,
  missedOccurrences: 0,
  ...over,
});

const request = (over: Partial<Extension> = {}): Extension => ({
  id: 1,
  milestoneId: 1,
  occurrence: null,
  unit: { id: 7, name: '区经济信息委' },
  currentDueDate: '2023-12-31',
  requestedDueDate: '2027-06-30',
  reason: '设备到货推迟',
  status: 'pending',
  decisionComment: null,
  decidedDate: null,
  ...over,
});

const notice = (over: Partial<Notice> = {}): Notice => ({
  id: 3,
  itemType: 'task',
  itemId: 11,
  unit: { id: 7, name: '区经济信息委' },
  content: '请说明进度滞后的原因',
  answerBy: null,
  issuedDate: '2026-11-20',
  status: 'open',
  answer: null,
  answeredDate: null,
  ...over,
});

describe('answering a notice', () => {
  it('is for a user of the addressed unit while the notice is open', () => {
    expect(canAnswer(notice(), 7)).toBe(true);
    expect(canAnswer(notice(), 8)).toBe(false);
    expect(canAnswer(notice({ status: 'answered' }), 7)).toBe(false);
    expect(canAnswer(notice(), null)).toBe(false);
    expect(canAnswer(notice(), undefined)).toBe(false);
  });
});

describe('asking for an extension', () => {
  it('is for the lead unit, on a dated milestone still open, with no request waiting', () => {
    expect(canRequestExtension(milestone(), [], true)).toBe(true);
    expect(canRequestExtension(milestone(), [], false)).toBe(false);
    expect(canRequestExtension(milestone({ dueDate: null, kind: 'ongoing' }), [], true)).toBe(false);
    expect(canRequestExtension(milestone({ status: 'closed' }), [], true)).toBe(false);
    expect(canRequestExtension(milestone({ status: 'suspended' }), [], true)).toBe(false);
    expect(canRequestExtension(milestone(), [request()], true)).toBe(false);
    expect(canRequestExtension(milestone(), [request({ status: 'refused' })], true)).toBe(true);
    expect(canRequestExtension(milestone(), [request({ milestoneId: 2 })], true)).toBe(true);
  });

  it("lists a milestone's requests newest first; of a recurring one those of the occurrence shown", () => {
    const all = [request({ id: 1, status: 'refused' }), request({ id: 2 }), request({ id: 3, milestoneId: 2 })];
    expect(extensionsOf(milestone(), all).map((x) => x.id)).toEqual([2, 1]);
    const yearly = milestone({ id: 2, kind: 'recurring', occurrence: { key: '2026-12-31', label: '2026年度' } });
    const byYear = [request({ id: 4, milestoneId: 2, occurrence: '2025-12-31' }), request({ id: 5, milestoneId: 2, occurrence: '2026-12-31' })];
    expect(extensionsOf(yearly, byYear).map((x) => x.id)).toEqual([5]);
  });

  it('reads as the new date, the original one and the decision', () => {
    expect(extensionSummary(request())).toBe('申请延至2027年6月30日（原定2023年12月31日） · 待审批');
    expect(extensionSummary(request({ status: 'approved', currentDueDate: null }))).toBe('申请延至2027年6月30日 · 已同意');
  });

  it('offers only days after the current due date', () => {
    expect(tooEarly(new Date(2023, 11, 31), '2023-12-31')).toBe(true);
    expect(tooEarly(new Date(2024, 0, 1), '2023-12-31')).toBe(false);
  });
});
