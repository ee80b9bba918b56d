import { ITEM_TYPE_NAMES } from '../common/item-type.js';
import {
  dot,
  escapeHtml,
  fitMarkdown,
  formatDate,
  htmlHeading,
  htmlLine,
  HTML_PAGE_END,
  htmlPageStart,
  htmlParagraph,
  type LineOptions,
  markdownLine,
  type MarkdownEntry,
  markdownText,
  textLine,
} from './message-format.js';
import type { DigestContent, DigestSection, ItemLine, ListSummary, RenderedMessage } from './reminder-types.js';

const QUIET = '本周无逾期、临近到期或新销号事项。';
const QUIET_PLAN = '本方案无逾期、临近到期或新销号事项。';
const FOOTER = '本周报由清单系统每周自动发送，请勿直接回复。点击事项编号或链接可登录清单系统查看详情。';

function summaryText(s: ListSummary): string {
  return `${ITEM_TYPE_NAMES[s.itemType]}${s.total}项：红${s.red}、黄${s.yellow}、绿${s.green}、灰${s.grey}，已销号${s.closed}项`;
}

function summaryHtml(s: ListSummary): string {
  const light = (l: ItemLine['light'], name: string, n: number) => `${dot(l)}${name}${n}`;
  return (
    `<div style="padding:2px 0"><b>${ITEM_TYPE_NAMES[s.itemType]}${s.total}项</b>：` +
    `${[light('red', '红', s.red), light('yellow', '黄', s.yellow), light('green', '绿', s.green), light('grey', '灰', s.grey)].join(' ')}` +
    `，已销号${s.closed}项</div>`
  );
}

function overdueCount(section: DigestSection): number {
  return section.overdueByUnit.reduce((n, u) => n + u.items.length, 0);
}

function isQuiet(section: DigestSection): boolean {
  return !overdueCount(section) && !section.newlyOverdue.length && !section.dueSoon.length && !section.closedLastWeek.length && !section.instructed.length;
}

/** Units with the most overdue item first; in each unit, the most overdue first (ties keep their order). */
function byUnit(section: DigestSection): DigestSection['overdueByUnit'] {
  const worst = (items: ItemLine[]) => Math.max(0, ...items.map((l) => l.daysOverdue));
  return section.overdueByUnit
    .filter((u) => u.items.length)
    .map((u) => ({ unitName: u.unitName, items: [...u.items].sort((a, b) => b.daysOverdue - a.daysOverdue) }))
    .sort((a, b) => worst(b.items) - worst(a.items) || b.items.length - a.items.length);
}

/** A block of a section: a heading and its items (the overdue block has one sub-heading per unit). */
interface Block {
  title: string;
  colour?: string;
  groups: { name: string | null; lines: ItemLine[] }[];
  options: LineOptions;
}

function blocks(section: DigestSection, content: DigestContent): Block[] {
  const units = byUnit(section);
  const overdue = overdueCount(section);
  const all: Block[] = [
    {
      title: `逾期事项（${overdue}项，按牵头单位）`,
      colour: '#d93025',
      groups: units.map((u) => ({ name: `${u.unitName}（${u.items.length}项）`, lines: u.items })),
      options: { units: false },
    },
    // Each line carries its 批示 of the week (message-format's instructionTexts).
    {
      title: `本周领导批示（${section.instructed.length}项）`,
      colour: '#b26a00',
      groups: [{ name: null, lines: section.instructed }],
      options: { units: true },
    },
    {
      title: `本周新增逾期（${section.newlyOverdue.length}项，${formatDate(content.since)}以来）`,
      groups: [{ name: null, lines: section.newlyOverdue }],
      options: { units: true },
    },
    { title: `未来${content.dueSoonDays}天到期（${section.dueSoon.length}项）`, groups: [{ name: null, lines: section.dueSoon }], options: { units: true } },
    {
      title: `上周销号（${section.closedLastWeek.length}项）`,
      groups: [{ name: null, lines: section.closedLastWeek }],
      options: { units: true, show: 'closed' },
    },
  ];
  return all.filter((b) => b.groups.some((g) => g.lines.length));
}

function sectionText(section: DigestSection, content: DigestContent, titled: boolean, quietDigest: boolean): string[] {
  const out: string[] = [];
  if (titled) out.push(`【${section.planName}】`);
  out.push(...section.summary.map(summaryText));
  if (!quietDigest && isQuiet(section)) out.push(QUIET_PLAN);
  for (const block of blocks(section, content)) {
    out.push('', block.title);
    for (const group of block.groups) {
      if (group.name) out.push(group.name);
      out.push(...group.lines.map((l) => textLine(l, block.options)));
    }
  }
  return [...out, '', `打开方案：${section.planLink}`];
}

function sectionHtml(section: DigestSection, content: DigestContent, titled: boolean, quietDigest: boolean): string {
  let html = titled
    ? `<div style="font-size:18px;font-weight:bold;margin:24px 0 8px;padding-top:12px;border-top:2px solid #dddddd">${escapeHtml(section.planName)}</div>`
    : '';
  html += `<div style="background:#f5f6f7;padding:8px 10px;border-radius:6px;font-size:14px">${section.summary.map(summaryHtml).join('')}</div>`;
  if (!quietDigest && isQuiet(section)) html += htmlParagraph(QUIET_PLAN, 'margin-top:12px');
  for (const block of blocks(section, content)) {
    html += htmlHeading(block.title, block.colour);
    for (const group of block.groups) {
      if (group.name) html += `<div style="margin:10px 0 0;font-weight:bold;color:#444444">${escapeHtml(group.name)}</div>`;
      html += group.lines.map((l) => htmlLine(l, block.options)).join('');
    }
  }
  return `${html}<p style="margin:12px 0 0"><a href="${escapeHtml(section.planLink)}" style="color:#1a73e8">打开方案</a></p>`;
}

function sectionMarkdown(section: DigestSection, content: DigestContent, titled: boolean): MarkdownEntry[] {
  const entries: MarkdownEntry[] = [];
  for (const block of blocks(section, content)) {
    entries.push({ text: `**${titled ? `${markdownText(section.planName)} · ` : ''}${block.title}**`, item: false });
    for (const group of block.groups) {
      if (group.name) entries.push({ text: markdownText(group.name), item: false });
      entries.push(...group.lines.map((l) => ({ text: markdownLine(l, block.options), item: true })));
    }
  }
  return entries;
}

/** What a section renders to; the same for every leader who gets it (one plan, one week). */
interface RenderedSection {
  text: string[];
  html: string;
  markdown: MarkdownEntry[];
}

const renderedSections = new WeakMap<DigestSection, Map<string, RenderedSection>>();

/** Renders a section once per section object and framing: a plan's leaders share it (digest.service.ts passes the same object). */
function renderSection(section: DigestSection, content: DigestContent, titled: boolean, quietDigest: boolean): RenderedSection {
  const key = `${titled}|${quietDigest}|${content.since}|${content.dueSoonDays}`;
  let forSection = renderedSections.get(section);
  if (!forSection) renderedSections.set(section, (forSection = new Map<string, RenderedSection>()));
  let rendered = forSection.get(key);
  if (!rendered) {
    rendered = {
      text: sectionText(section, content, titled, quietDigest),
      html: sectionHtml(section, content, titled, quietDigest),
      markdown: sectionMarkdown(section, content, titled),
    };
    forSection.set(key, rendered);
  }
  return rendered;
}

function subjectOf(content: DigestContent): string {
  const { sections } = content;
  const scope = sections.length === 1 ? sections[0].planName : sections.length ? `${sections.length}个方案` : '清单';
  const overdue = sections.reduce((n, s) => n + overdueCount(s), 0);
  const fresh = sections.reduce((n, s) => n + s.newlyOverdue.length, 0);
  const soon = sections.reduce((n, s) => n + s.dueSoon.length, 0);
  const head = `【逾期周报】${scope}（${formatDate(content.date)}）`;
  if (overdue > 0) return `${head}：逾期${overdue}项，新增逾期${fresh}项`;
  return soon > 0 ? `${head}：本周无逾期事项，${soon}项临近到期` : `${head}：本周无逾期事项`;
}

/**
 * The leaders' weekly overdue digest (逾期周报). Per plan: the lists' counts, then the overdue items by
 * lead unit, the newly overdue, those due soon and those closed out; empty parts are left out. Never
 * empty: a quiet week says so in one line, with the counts.
 */
export function renderDigest(content: DigestContent): RenderedDigest {
  const own = digestOwnPart(content);
  const shared = digestSharedPart(content);
  const { titled, quiet, sections } = framed(content);
  const summaries = content.sections.flatMap((s) => [...(titled ? [`**${markdownText(s.planName)}**`] : []), ...s.summary.map(summaryText)]);
  const markdown = fitMarkdown(
    [`**${markdownText(own.subject)}**`, ...summaries, ...(quiet ? [QUIET] : [])],
    sections.flatMap((s) => s.markdown),
    content.sections.map((s) => `[${titled ? `打开${markdownText(s.planName)}` : '打开方案'}](${s.planLink})`),
  );
  return {
    subject: own.subject,
    text: own.text + shared.text,
    html: own.html + shared.html,
    markdown,
    own: { text: own.text, html: own.html },
    shared,
  };
}

/** The leader's own beginning of a digest: the subject and the greeting. */
export function digestOwnPart(content: DigestContent): { subject: string; text: string; html: string } {
  const subject = subjectOf(content);
  const greeting = `${content.leaderName || '领导'}：您好！以下是截至${formatDate(content.date)}的“无废城市”建设清单执行情况。`;
  const html =
    htmlPageStart(subject) +
    `<div style="font-size:20px;font-weight:bold;margin:0 0 8px">${escapeHtml(subject.replace('【逾期周报】', '逾期周报 · '))}</div>` +
    htmlParagraph(greeting);
  return { subject, text: `${greeting}\n`, html };
}

/** The rest of a digest, the same for every leader who gets these plans' sections this week (email: text and HTML). */
export function digestSharedPart(content: DigestContent): { text: string; html: string } {
  const { quiet, sections } = framed(content);
  const text = ['', ...(quiet ? [QUIET, ''] : []), ...sections.flatMap((s) => [...s.text, '']), FOOTER].join('\n');
  const html =
    (quiet ? htmlParagraph(QUIET, 'font-weight:bold') : '') +
    sections.map((s) => s.html).join('') +
    `<p style="color:#888888;font-size:13px;margin:20px 0 0">${escapeHtml(FOOTER)}</p>` +
    HTML_PAGE_END;
  return { text, html };
}

/** How a digest frames its sections: titled by plan when there are several, quiet when none has anything to say. */
function framed(content: DigestContent): { titled: boolean; quiet: boolean; sections: RenderedSection[] } {
  const titled = content.sections.length > 1;
  const quiet = content.sections.every(isQuiet);
  return { titled, quiet, sections: content.sections.map((s) => renderSection(s, content, titled, quiet)) };
}

/**
 * A digest, and the same split in two: what is the leader's own (the subject and the greeting) and what every leader
 * who gets this plan's digest this week reads word for word after it (kept once in the outbox).
 */
export interface RenderedDigest extends RenderedMessage {
  own: { text: string; html: string };
  shared: { text: string; html: string };
}
