import type { Milestone } from '../api/models.js';
import { evidenceKinds, evidenceProblem, formatSize, messagesByField, milestoneOptions } from './progress-form.js';

const milestone = (over: Partial<Milestone>): Milestone => ({
  id: 1,
  phrase: '到2023年',
  dueDate: '2023-12-31',
  baselineDate: '2023-12-31',
  kind: 'dated',
  quantity: '3个',
  certain: true,
  note: null,
  status: 'in_progress',
  overdue: false,
  light: 'green',
  percent: null,
  closedOn: null,
  occurrence: null,
  missedOccurrences: 0,
  ...over,
});

describe('progress form', () => {
  it('checks evidence by extension and size before upload', () => {
    expect(evidenceProblem('认定文件.PDF', 2048)).toBeNull();
    expect(evidenceProblem('照片.jpeg', 1)).toBeNull();
    expect(evidenceProblem('报告.ofd', 1)).toBeNull();
    expect(evidenceProblem('脚本.exe', 10)).toBe('“脚本.exe”的类型不支持，可上传 PDF、JPG、PNG、Word、Excel、PPT、OFD、ZIP 文件');
    expect(evidenceProblem('无扩展名', 10)).toBe('“无扩展名”的类型不支持，可上传 PDF、JPG、PNG、Word、Excel、PPT、OFD、ZIP 文件');
    expect(evidenceProblem('空.pdf', 0)).toBe('“空.pdf”是空文件');
    expect(evidenceProblem('大.zip', 21 * 1024 * 1024)).toBe('“大.zip”有21 MB，超过20 MB的上限');
    expect(evidenceProblem('刚好.zip', 20 * 1024 * 1024)).toBeNull();
  });

  it('checks against the limit and kinds the service is configured with (GET /evidence/rules)', () => {
    const small = { maxBytes: 1024, extensions: ['.pdf', '.jpg', '.jpeg'] };
    expect(evidenceProblem('小上限.pdf', 2048, small)).toBe('“小上限.pdf”有2 KB，超过1 KB的上限');
    expect(evidenceProblem('小上限.pdf', 1024, small)).toBeNull();
    expect(evidenceProblem('表格.xlsx', 10, small)).toBe('“表格.xlsx”的类型不支持，可上传 PDF、JPG 文件');
    const larger = { maxBytes: 50 * 1024 * 1024, extensions: ['.pdf'] };
    expect(evidenceProblem('大.pdf', 21 * 1024 * 1024, larger)).toBeNull();
  });

  it('names the accepted kinds as people say them, an unknown extension by itself', () => {
    expect(evidenceKinds(['.pdf', '.docx', '.doc', '.png'])).toBe('PDF、PNG、Word');
    expect(evidenceKinds(['.pdf', '.tif'])).toBe('PDF、TIF');
  });

  it('writes sizes as people read them', () => {
    expect(formatSize(900)).toBe('900 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(20971520)).toBe('20 MB');
  });

  it('offers open milestones with their quantity, recurring ones with their occurrence, closed ones disabled', () => {
    const options = milestoneOptions([
      milestone({ id: 7, status: 'closed' }),
      milestone({ id: 8, phrase: '到2025年', quantity: '10个', status: 'in_progress' }),
      milestone({ id: 9, phrase: '每年', kind: 'recurring', quantity: null, status: 'not_started', occurrence: { key: '2026-12-31', label: '2026年度' } }),
      milestone({ id: 10, phrase: '', quantity: null, status: 'suspended' }),
    ]);
    expect(options).toEqual([
      { value: '7', milestoneId: 7, occurrence: null, label: '到2023年 · 3个 · 已销号', quantity: '3个', disabled: true },
      { value: '8', milestoneId: 8, occurrence: null, label: '到2025年 · 10个', quantity: '10个', disabled: false },
      { value: '9@2026-12-31', milestoneId: 9, occurrence: '2026-12-31', label: '每年（2026年度）', quantity: null, disabled: false },
      { value: '10', milestoneId: 10, occurrence: null, label: '未写时限 · 已暂停', quantity: null, disabled: true },
    ]);
  });

  it('places the service errors beside the fields they name', () => {
    const known = ['narrative', 'percent', 'quantityDone'];
    expect(
      messagesByField(
        [
          { field: 'narrative', message: '提交前请填写进展情况' },
          { field: 'state', message: '状态为已完成（done），但完成百分比只有40%' },
          { field: 'percent', message: '已完成时应为100%（或完成数量达到目标数量）' },
          { field: 'percent', message: '完成百分比40%与完成数量2/3（67%）不符' },
        ],
        known,
      ),
    ).toEqual({
      narrative: '提交前请填写进展情况',
      '': '状态为已完成（done），但完成百分比只有40%',
      percent: '已完成时应为100%（或完成数量达到目标数量）；完成百分比40%与完成数量2/3（67%）不符',
    });
  });
});
