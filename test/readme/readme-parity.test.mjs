// The README's English half says what the Chinese half says: the same headings in the same order, the same settings and
// the same API paths and app routes named, nothing about the project's past; and the first screen of each half shows
// what Qingdan is for, a screenshot and the two quick-start commands, with the account to try first for each role.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PAST_TENSE, headings, pathsNamed, readmeHalves, settingsNamed, splitFences } from './readme-markdown.mjs';

/**
 * Each Chinese heading (## and ###) and the English one that stands for it (### and ####), in the README's order.
 * A heading added to one half needs its translation here and in the other half.
 */
const HEADINGS = [
  ['快速开始', 'Quick start'],
  ['演示账号', 'Demo accounts'],
  ['谁用清单、做什么', 'Who uses Qingdan, and for what'],
  ['网页', 'The web app'],
  ['配置', 'Configuration'],
  ['部署到 PostgreSQL', 'Deploying on PostgreSQL'],
  ['导入与导出（Excel / CSV）', 'Import and export (Excel / CSV)'],
  ['网页中的导入向导（无废办、系统管理员）', 'The import wizard in the web app (office, admin)'],
  ['账号、角色与权限', 'Accounts, roles and permissions'],
  ['安全', 'Security'],
  ['进展填报、审核与销号', 'Progress reports, review and close-out'],
  ['催办与逾期周报', 'Reminders and the weekly overdue digest'],
  ['领导批示与单位签收', "Leaders' instructions (批示) and units signing for items (签收)"],
  ['报告：进展、逾期、责任清单与考核', 'Reports: progress, overdue, responsibilities and assessment'],
  ['状态与红黄绿灯', 'Status and traffic lights'],
  ['周期性事项（每年、每半年、每季度、每月）', 'Recurring items (yearly, half-yearly, quarterly, monthly)'],
  ['同时修改', 'Concurrent edits'],
  ['接口一览（均在 `/api/v1` 下）', 'The API at a glance (all under `/api/v1`)'],
  ['时限的读法', 'How deadlines are read'],
  ['开发者说明', 'For engineers'],
];

/** How many lines make the first screen of a half. */
const FIRST_SCREEN = 30;

const { chinese, english } = readmeHalves();

/** Items of `a` not in `b`, sorted. */
const missing = (a, b) => [...a].filter((x) => !b.has(x)).sort();

describe('README: the English half says what the Chinese half says', () => {
  it('has the same headings, in the same order, one level down under "## English"', () => {
    const zh = headings(chinese).filter((h) => h.level >= 2);
    const en = headings(english);
    const translation = new Map(HEADINGS);
    for (const h of zh) assert.ok(translation.has(h.title), `README.md:${h.number}: "${h.title}" has no English heading in HEADINGS`);
    assert.deepEqual(
      en.map((h) => `${'#'.repeat(h.level)} ${h.title}`),
      zh.map((h) => `${'#'.repeat(h.level + 1)} ${translation.get(h.title)}`),
    );
  });

  it('names the same settings', () => {
    const zh = settingsNamed(chinese);
    const en = settingsNamed(english);
    assert.deepEqual({ onlyChinese: missing(zh, en), onlyEnglish: missing(en, zh) }, { onlyChinese: [], onlyEnglish: [] });
  });

  it('names the same API paths and app routes, with the same methods', () => {
    const zh = pathsNamed(chinese);
    const en = pathsNamed(english);
    assert.ok(zh.size > 50, `only ${zh.size} paths found in the Chinese half`);
    assert.deepEqual({ onlyChinese: missing(zh, en), onlyEnglish: missing(en, zh) }, { onlyChinese: [], onlyEnglish: [] });
  });

  it('describes what the service does, not its past', () => {
    for (const half of [chinese, english]) {
      for (const line of splitFences(half).prose) {
        for (const pattern of PAST_TENSE) assert.doesNotMatch(line.text, pattern, `README.md:${line.number}`);
      }
    }
  });
});

describe('README: the first screen', () => {
  for (const half of [chinese, english]) {
    it(`of the ${half.name} half says what Qingdan is for, shows the app and the two quick-start commands`, () => {
      const screen = half.lines.slice(0, FIRST_SCREEN).map((l) => l.text);
      const text = screen.join('\n');
      const prose = screen.find((l) => /^\*\*\S.{40,}/.test(l));
      assert.ok(prose, 'a bold opening sentence saying what Qingdan is for');
      const images = [...text.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(images.length > 0, 'a screenshot');
      for (const image of images) assert.ok(existsSync(image), `${image} exists`);
      assert.match(text, /^npm ci && npm start\b/m);
      assert.match(text, /^npm ci && npm test\b/m);
      for (const account of ['jiangjin-leader', 'jiangjin-jxw', 'jiangjin-office']) assert.ok(text.includes(`\`${account}\``), `${account} to try first`);
    });
  }

  it('the demo accounts say which account to try first for each role, in both halves', () => {
    for (const [half, header] of [
      [chinese, '| 角色 | 先试 |'],
      [english, '| role | try first |'],
    ]) {
      const lines = splitFences(half).prose.map((l) => l.text);
      const start = lines.findIndex((l) => l.startsWith(header));
      assert.ok(start >= 0, `the ${half.name} demo accounts table (${header})`);
      const rows = lines.slice(start + 2).filter((l, i, all) => all.slice(0, i + 1).every((r) => r.startsWith('|')));
      const firstOf = Object.fromEntries(rows.map((r) => r.split('|').map((c) => c.trim())).map(([, role, first]) => [/`(\w+)`/.exec(role)[1], first]));
      assert.match(firstOf.leader, /^`jiangjin-leader`/);
      assert.match(firstOf.unit, /^`jiangjin-jxw`/);
      assert.match(firstOf.office, /^`jiangjin-office`/);
    }
  });
});
