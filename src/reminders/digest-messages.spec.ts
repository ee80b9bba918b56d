import { renderDigest } from './digest-messages.js';
import type { DigestContent, DigestSection, ItemLine } from './reminder-types.js';

const BASE = 'http://qingdan.example.org/plans/2';

function task(no: number, unit: string, over: Partial<ItemLine> = {}): ItemLine {
  return {
    itemType: 'task',
    itemId: 100 + no,
    milestoneId: 0,
    code: `任务${no}`,
    title: `推进第${no}项“无废城市”建设任务`,
    role: null,
    leadUnits: [unit],
    dueDate: '2025-12-31',
    phrase: '2025年底前',
    daysOverdue: 327,
    daysLeft: 0,
    status: 'in_progress',
    light: 'red',
    percent: 40,
    closedOn: null,
    link: `${BASE}/tasks/${100 + no}`,
    ...over,
  };
}

const JXW = '区经济信息委';
const STHJ = '区生态环境局';
const ZJW = '区住房城乡建委';

function section(over: Partial<DigestSection> = {}): DigestSection {
  return {
    planName: '江津区“无废城市”建设实施方案',
    planLink: `${BASE}/overview`,
    overdueByUnit: [],
    newlyOverdue: [],
    dueSoon: [],
    closedLastWeek: [],
    instructed: [],
    summary: [
      { itemType: 'task', total: 82, red: 3, yellow: 4, green: 60, grey: 15, closed: 12 },
      { itemType: 'project', total: 40, red: 0, yellow: 1, green: 30, grey: 9, closed: 9 },
      { itemType: 'indicator', total: 55, red: 1, yellow: 0, green: 50, grey: 4, closed: 0 },
    ],
    ...over,
  };
}

const quietSection = (over: Partial<DigestSection> = {}) =>
  section({ summary: [{ itemType: 'task', total: 82, red: 0, yellow: 0, green: 2, grey: 80, closed: 80 }], ...over });

/** A busy week, its units given out of order. */
function busySection(): DigestSection {
  return section({
    overdueByUnit: [
      { unitName: STHJ, items: [task(20, STHJ, { daysOverdue: 30 })] },
      { unitName: ZJW, items: [task(31, ZJW, { daysOverdue: 3 }), task(30, ZJW, { daysOverdue: 90 })] },
      { unitName: JXW, items: [task(5, JXW, { daysOverdue: 3 }), task(11, JXW)] },
    ],
    newlyOverdue: [task(5, JXW, { daysOverdue: 3 }), task(31, ZJW, { daysOverdue: 3 })],
    dueSoon: [task(40, STHJ, { dueDate: '2026-11-30', phrase: '2026年11月底前', daysOverdue: 0, daysLeft: 7, light: 'yellow', percent: 80 })],
    closedLastWeek: [
      task(41, JXW, { status: 'closed', light: 'grey', percent: 100, daysOverdue: 0, dueDate: '2026-12-31', phrase: '2026年底前', closedOn: '2026-11-20' }),
    ],
  });
}

function digest(sections: DigestSection[], over: Partial<DigestContent> = {}): DigestContent {
  return { leaderName: '李区长', date: '2026-11-23', weekStart: '2026-11-23', since: '2026-11-16', dueSoonDays: 14, sections, ...over };
}

const QUIET = '本周无逾期、临近到期或新销号事项。';

describe('a quiet week', () => {
  it('says so in the subject and in one line, with the counts per list', () => {
    const m = renderDigest(digest([quietSection()]));
    expect(m.subject).toBe('【逾期周报】江津区“无废城市”建设实施方案（2026年11月23日）：本周无逾期事项');
    expect(m.text.split(QUIET)).toHaveLength(2);
    expect(m.html.split(QUIET)).toHaveLength(2);
    expect(m.markdown.split(QUIET)).toHaveLength(2);
    expect(m.text).toContain('任务82项：红0、黄0、绿2、灰80，已销号80项');
    expect(m.text).not.toMatch(/逾期事项（|新增逾期（|天到期（|上周销号（/);
  });

  it('says it once for a leader of several plans, each plan with its counts', () => {
    const m = renderDigest(
      digest([quietSection(), quietSection({ planName: '佛山市“无废城市”建设试点实施方案', planLink: 'http://qingdan.example.org/plans/3/overview' })]),
    );
    expect(m.subject).toBe('【逾期周报】2个方案（2026年11月23日）：本周无逾期事项');
    expect(m.text.split(QUIET)).toHaveLength(2);
    expect(m.text).toContain('【江津区“无废城市”建设实施方案】');
    expect(m.text).toContain('【佛山市“无废城市”建设试点实施方案】');
  });

  it('is never empty, even with no plan to report on', () => {
    const m = renderDigest(digest([]));
    expect(m.subject).toBe('【逾期周报】清单（2026年11月23日）：本周无逾期事项');
    expect(m.text).toContain(QUIET);
  });

  it('with nothing overdue but items due soon, says both', () => {
    const m = renderDigest(digest([section({ dueSoon: busySection().dueSoon })]));
    expect(m.subject).toBe('【逾期周报】江津区“无废城市”建设实施方案（2026年11月23日）：本周无逾期事项，1项临近到期');
    expect(m.text).not.toContain(QUIET);
    expect(m.text).toContain('未来14天到期（1项）');
    expect(m.text).not.toContain('逾期事项（');
  });
});

describe('a busy week', () => {
  it('counts the overdue and newly overdue items in the subject', () => {
    expect(renderDigest(digest([busySection()])).subject).toBe('【逾期周报】江津区“无废城市”建设实施方案（2026年11月23日）：逾期5项，新增逾期2项');
  });

  it('counts across plans for a leader of several', () => {
    const m = renderDigest(digest([busySection(), quietSection({ planName: '佛山市“无废城市”建设试点实施方案' })]));
    expect(m.subject).toBe('【逾期周报】2个方案（2026年11月23日）：逾期5项，新增逾期2项');
    expect(m.text).toContain('本方案无逾期、临近到期或新销号事项。');
    expect(m.text).not.toContain(QUIET);
  });

  it('starts with the counts and traffic lights of each list', () => {
    const { text } = renderDigest(digest([busySection()]));
    expect(text).toContain('任务82项：红3、黄4、绿60、灰15，已销号12项');
    expect(text).toContain('项目40项：红0、黄1、绿30、灰9，已销号9项');
    expect(text).toContain('指标55项：红1、黄0、绿50、灰4，已销号0项');
    expect(text.indexOf('任务82项')).toBeLessThan(text.indexOf('逾期事项（5项，按牵头单位）'));
  });

  it('groups overdue items by lead unit, the unit with the longest delay first, and the most overdue first within it', () => {
    const { text } = renderDigest(digest([busySection()]));
    const overdue = text.slice(text.indexOf('逾期事项（5项，按牵头单位）'), text.indexOf('本周新增逾期'));
    const order = [...overdue.matchAll(/(区\S+?)（(\d)项）|任务(\d+) /g)].map((m) => m[1] ?? `任务${m[3]}`);
    expect(order).toEqual([JXW, '任务11', '任务5', ZJW, '任务30', '任务31', STHJ, '任务20']);
    expect(overdue).toContain('逾期327天');
    expect(overdue).toContain('逾期90天');
    expect(overdue).toContain(`${BASE}/tasks/111`);
  });

  it('lists the newly overdue since the last digest, the items due soon and those closed last week', () => {
    const { text } = renderDigest(digest([busySection()]));
    const fresh = text.slice(text.indexOf('本周新增逾期（2项，2026年11月16日以来）'), text.indexOf('未来14天到期'));
    expect(fresh).toContain('任务5 ');
    expect(fresh).toContain('任务31 ');
    expect(fresh).toContain('牵头：区住房城乡建委');
    const soon = text.slice(text.indexOf('未来14天到期（1项）'), text.indexOf('上周销号'));
    expect(soon).toContain('任务40 ');
    expect(soon).toContain('时限：2026年11月30日（原文：2026年11月底前）｜还有7天｜推进中，进度80%｜牵头：区生态环境局');
    const closed = text.slice(text.indexOf('上周销号（1项）'));
    expect(closed).toContain('任务41 ');
    expect(closed).toContain('2026年11月20日已销号');
    expect(closed).not.toContain('逾期');
  });

  it('leaves empty parts out', () => {
    const { text, html } = renderDigest(digest([section({ overdueByUnit: busySection().overdueByUnit, newlyOverdue: [] })]));
    expect(text).toContain('逾期事项（5项，按牵头单位）');
    for (const part of ['本周新增逾期', '天到期（', '上周销号']) {
      expect(text).not.toContain(part);
      expect(html).not.toContain(part);
    }
  });

  it('reads as plain text: no tags or entities', () => {
    const { text } = renderDigest(digest([busySection()]));
    expect(text).not.toMatch(/<\/?[a-z]|&[a-z]+;/);
    expect(text.startsWith('李区长：您好！')).toBe(true);
  });
});

describe('digest HTML and markdown', () => {
  it('lays out for a phone: one column at most 640px wide, inline styles only, no tables, system fonts', () => {
    const { html } = renderDigest(digest([busySection()]));
    expect(html).toContain('max-width:640px');
    expect(html).toContain('name="viewport"');
    expect(html).toContain('-apple-system');
    expect(html).not.toMatch(/<style|<table|<link |class=/);
  });

  it('shows traffic lights as coloured dots and links each item code', () => {
    const { html } = renderDigest(digest([busySection()]));
    expect(html).toContain('<span style="color:#d93025">●</span>红3');
    expect(html).toContain('<span style="color:#e8a100">●</span>黄4');
    expect(html).toContain('<span style="color:#188038">●</span>绿60');
    expect(html).toMatch(new RegExp(`<a href="${BASE}/tasks/111"[^>]*>任务11</a>`));
    expect(html.indexOf(`${JXW}（2项）`)).toBeLessThan(html.indexOf(`${ZJW}（2项）`));
  });

  it('escapes text from the data', () => {
    const evil = section({
      planName: '<b>方案</b>',
      overdueByUnit: [{ unitName: 'A&B<i>', items: [task(1, 'A&B<i>', { title: '<script>alert(1)</script>' })] }],
    });
    const { html } = renderDigest(digest([evil, quietSection()]));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>方案');
    expect(html).not.toContain('A&B<i>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A&amp;B&lt;i&gt;');
  });

  it('keeps the markdown of 300 overdue items under 4000 UTF-8 bytes and says how many were left out', () => {
    const units = [JXW, STHJ, ZJW];
    const overdueByUnit = units.map((unit, u) => ({
      unitName: unit,
      items: Array.from({ length: 100 }, (_, i) => task(u * 100 + i + 1, unit, { daysOverdue: 300 - u * 100 - i })),
    }));
    const m = renderDigest(digest([section({ overdueByUnit })]));
    expect(Buffer.byteLength(m.markdown, 'utf8')).toBeLessThanOrEqual(4000);
    const shown = (m.markdown.match(/\[任务\d+\]\(/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(m.markdown).toContain(`……另有${300 - shown}项，请打开链接查看`);
    expect(m.markdown).toContain('任务82项：红3');
    expect(m.text.match(/任务\d+ /g)).toHaveLength(300);
  });
});

describe("the leaders' 批示 of the week in the digest", () => {
  const instructed = task(11, JXW, {
    instructions: [{ date: '2026-11-18', author: '江津区领导（演示）', content: '绿色工厂创建要对标2025年目标，\n请月底前报送推进计划。' }],
    moreInstructions: 1,
  });

  it('lists the items given a 批示 after the overdue ones, each 批示 on one line under its item, in text, HTML and markdown', () => {
    const m = renderDigest(digest([section({ overdueByUnit: [{ unitName: STHJ, items: [task(20, STHJ)] }], instructed: [instructed] })]));
    const text = m.text;
    expect(text).toContain('\n本周领导批示（1项）\n');
    expect(text.indexOf('本周领导批示')).toBeGreaterThan(text.indexOf('逾期事项（1项'));
    expect(text).toContain('  批示（2026年11月18日，江津区领导（演示））：绿色工厂创建要对标2025年目标， 请月底前报送推进计划。\n');
    expect(text).toContain('  ……另有1条批示，请打开事项查看\n');
    expect(m.html).toContain('本周领导批示（1项）');
    expect(m.html).toContain('批示（2026年11月18日，江津区领导（演示））：绿色工厂创建要对标2025年目标， 请月底前报送推进计划。</div>');
    expect(m.markdown).toContain('**本周领导批示（1项）**');
    expect(m.markdown).toContain('> 批示（2026年11月18日，江津区领导（演示））：绿色工厂创建要对标2025年目标， 请月底前报送推进计划。');
  });

  it('makes a week with only 批示 not a quiet one, and leaves the block out when there are none', () => {
    const only = renderDigest(digest([quietSection({ instructed: [instructed] })]));
    expect(only.text).not.toContain(QUIET);
    expect(only.text).toContain('本周领导批示（1项）');
    expect(renderDigest(digest([quietSection()])).text).not.toContain('本周领导批示');
  });
});

describe('what a leaders’ chat-group robot posts (markdown), word for word', () => {
  it('the counts, then overdue by unit, newly overdue, due soon and closed out, each code a link', () => {
    const week = section({
      summary: [{ itemType: 'task', total: 82, red: 2, yellow: 1, green: 64, grey: 15, closed: 12 }],
      // Given in the wrong order: the unit with the longest delay comes first.
      overdueByUnit: [
        { unitName: STHJ, items: [task(20, STHJ, { daysOverdue: 30 })] },
        { unitName: JXW, items: [task(11, JXW)] },
      ],
      newlyOverdue: [task(20, STHJ, { daysOverdue: 30 })],
      dueSoon: [task(40, STHJ, { dueDate: '2026-11-30', daysOverdue: 0, daysLeft: 7, light: 'yellow' })],
      closedLastWeek: [task(41, JXW, { status: 'closed', light: 'grey', daysOverdue: 0, closedOn: '2026-11-20' })],
    });
    expect(renderDigest(digest([week])).markdown).toBe(
      [
        '**【逾期周报】江津区“无废城市”建设实施方案（2026年11月23日）：逾期2项，新增逾期1项**',
        '任务82项：红2、黄1、绿64、灰15，已销号12项',
        '**逾期事项（2项，按牵头单位）**',
        '区经济信息委（1项）',
        `- [任务11](${BASE}/tasks/111) 推进第11项“无废城市”建设任务｜逾期327天`,
        '区生态环境局（1项）',
        `- [任务20](${BASE}/tasks/120) 推进第20项“无废城市”建设任务｜逾期30天`,
        '**本周新增逾期（1项，2026年11月16日以来）**',
        `- [任务20](${BASE}/tasks/120) 推进第20项“无废城市”建设任务｜逾期30天｜牵头：区生态环境局`,
        '**未来14天到期（1项）**',
        `- [任务40](${BASE}/tasks/140) 推进第40项“无废城市”建设任务｜还有7天｜牵头：区生态环境局`,
        '**上周销号（1项）**',
        `- [任务41](${BASE}/tasks/141) 推进第41项“无废城市”建设任务｜2026年11月20日已销号｜牵头：区经济信息委`,
        `[打开方案](${BASE}/overview)`,
      ].join('\n'),
    );
  });

  it('a quiet week for a leader of two plans: each plan named with its counts, one quiet line, a link to each plan', () => {
    const foshan = quietSection({
      planName: '佛山市“无废城市”建设试点实施方案',
      planLink: 'http://qingdan.example.org/plans/3/overview',
      summary: [{ itemType: 'project', total: 40, red: 0, yellow: 0, green: 31, grey: 9, closed: 9 }],
    });
    expect(renderDigest(digest([quietSection(), foshan])).markdown).toBe(
      [
        '**【逾期周报】2个方案（2026年11月23日）：本周无逾期事项**',
        '**江津区“无废城市”建设实施方案**',
        '任务82项：红0、黄0、绿2、灰80，已销号80项',
        '**佛山市“无废城市”建设试点实施方案**',
        '项目40项：红0、黄0、绿31、灰9，已销号9项',
        QUIET,
        `[打开江津区“无废城市”建设实施方案](${BASE}/overview)`,
        '[打开佛山市“无废城市”建设试点实施方案](http://qingdan.example.org/plans/3/overview)',
      ].join('\n'),
    );
  });

  it('the 批示 block of a leader of two plans carries the plan’s name in its heading', () => {
    const instructed = task(11, JXW, { instructions: [{ date: '2026-11-18', author: '李区长', content: '请月底前报送推进计划' }], moreInstructions: 0 });
    const md = renderDigest(digest([quietSection({ instructed: [instructed] }), quietSection({ planName: '佛山市方案' })])).markdown;
    expect(md).toContain(
      [
        '**江津区“无废城市”建设实施方案 · 本周领导批示（1项）**',
        `- [任务11](${BASE}/tasks/111) 推进第11项“无废城市”建设任务｜逾期327天｜牵头：区经济信息委`,
        '> 批示（2026年11月18日，李区长）：请月底前报送推进计划',
      ].join('\n'),
    );
  });
});

describe('a digest in two parts: the leader’s own beginning and what the plan’s leaders share', () => {
  it('the two parts make up the whole digest, and only the beginning names the leader', () => {
    const rendered = renderDigest(digest([busySection()]));
    expect(rendered.own.text + rendered.shared.text).toBe(rendered.text);
    expect(rendered.own.html + rendered.shared.html).toBe(rendered.html);
    expect(rendered.own.text).toBe('李区长：您好！以下是截至2026年11月23日的“无废城市”建设清单执行情况。\n');
    expect(rendered.own.html).toContain('李区长：您好！');
    expect(rendered.shared.text + rendered.shared.html).not.toContain('李区长');
    expect(rendered.shared.html.endsWith('</div></body></html>')).toBe(true);
  });

  it('two leaders of the same plan share the second part word for word', () => {
    const shared = busySection();
    const li = renderDigest(digest([shared]));
    const wang = renderDigest(digest([shared], { leaderName: '王副区长' }));
    expect(wang.shared).toEqual(li.shared);
    expect(wang.own.text).toContain('王副区长');
    expect(wang.text).not.toBe(li.text);
  });

  it('a quiet week says so in the shared part', () => {
    const rendered = renderDigest(digest([quietSection()]));
    expect(rendered.shared.text).toContain(QUIET);
    expect(rendered.shared.html).toContain(QUIET);
  });
});
