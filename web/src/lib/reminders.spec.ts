import { canResend, describeSettings, parseBeforeDays, settingsProblems } from './reminders.js';

const DEFAULTS = {
  enabled: true,
  beforeDays: [30, 7, 1],
  onDueDay: true,
  overdueWeekday: 1,
  escalateAfterDays: 30,
  monthlyCallDay: 25,
  nudgeAfterDays: 5,
  sendTime: '09:00',
  digestWeekday: 1,
  digestTime: '09:00',
  version: 0,
};

describe('the reminder settings form', () => {
  it('reads the days before a deadline as a clerk types them, largest first, each once', () => {
    expect(parseBeforeDays('30，7, 1')).toEqual([30, 7, 1]);
    expect(parseBeforeDays('1、7 30 7')).toEqual([30, 7, 1]);
    expect(parseBeforeDays('')).toEqual([]);
    expect(parseBeforeDays('30, 七')).toBeNull();
    expect(parseBeforeDays('0')).toBeNull();
    expect(parseBeforeDays('400')).toBeNull();
  });

  it('names each field that is wrong before anything is sent', () => {
    expect(settingsProblems({ beforeDaysText: '30,7,1', sendTime: '09:00', digestTime: '18:30', nudgeAfterDays: 5 })).toEqual({});
    expect(settingsProblems({ beforeDaysText: '30,x', sendTime: '9:00', digestTime: '24:00', nudgeAfterDays: 28 })).toEqual({
      beforeDays: '请填写1到366之间的天数，用逗号分开，如 30，7，1',
      sendTime: '请按 HH:MM 填写，如 09:00',
      digestTime: '请按 HH:MM 填写，如 09:00',
      nudgeAfterDays: '请填写0到27之间的整数',
    });
    expect(settingsProblems({ beforeDaysText: '1 2 3 4 5 6 7 8 9 10 11', sendTime: '09:00', digestTime: '09:00', nudgeAfterDays: 0 })).toEqual({
      beforeDays: '最多填写10个提前天数',
    });
  });

  it('reads the settings back in one sentence', () => {
    expect(describeSettings(DEFAULTS)).toBe(
      '到期前30、7、1天提醒联络员，到期当日提醒；逾期的每星期一催办，逾期满30天同时告知分管领导和无废办；每月25日通知填报进展，5天后仍未填报的再催；09:00发出。领导逾期周报每星期一09:00发出。',
    );
    expect(
      describeSettings({
        ...DEFAULTS,
        beforeDays: [],
        onDueDay: false,
        escalateAfterDays: 0,
        monthlyCallDay: 0,
        overdueWeekday: 5,
        digestWeekday: 7,
        digestTime: '17:00',
      }),
    ).toBe('到期前不提醒；逾期的每星期五催办；09:00发出。领导逾期周报每星期日17:00发出。');
    expect(describeSettings({ ...DEFAULTS, enabled: false })).toBe('本方案的提醒已关闭（领导逾期周报照常发送）。');
  });
});

describe('the outbox', () => {
  it('offers to send again a failed or a sent message, not one still waiting or being sent', () => {
    expect(['failed', 'sent', 'pending', 'sending'].map((status) => canResend({ status: status as never }))).toEqual([true, true, false, false]);
  });
});
