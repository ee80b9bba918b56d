import { ITEM_TYPE_NAMES } from '../common/item-type.js';
import { escapeHtml, formatDate, htmlLine, htmlPage, textLine } from './message-format.js';
import type { DigestContent, DigestSection, ItemLine, ListSummary, RenderedMessage } from './reminder-types.js';

const QUIET = '本周无逾期、临近到期或新销号事项。';

function summaryText(s: ListSummary): string {
  return `${ITEM_TYPE_NAMES[s.itemType]}${s.total}项：红${s.red}、黄${s.yellow}、绿${s.green}、灰${s.grey}，已销号${s.closed}`;
}

function summaryHtml(s: ListSummary): string {
  const dot = (colour: string, n: number, name: string) => `<span style="color:${colour}">●</span>${name}${n} `;
  return `<div>${ITEM_TYPE_NAMES[s.itemType]}${s.total}项：${dot('#d93025', s.red, '红')}${dot('#e8a100', s.yellow, '黄')}${dot('#188038', s.green, '绿')}${dot('#80868b', s.grey, '灰')}，已销号${s.closed}</div>`;
}

function overdueCount(section: DigestSection): number {
  return section.overdueByUnit.reduce((n, u) => n + u.items.length, 0);
}

function isQuiet(section: DigestSection): boolean {
  return !overdueCount(section) && !section.newlyOverdue.length && !section.dueSoon.length && !section.closedLastWeek.length;
}

interface Part {
  title: string;
  lines: ItemLine[];
}

function parts(section: DigestSection, content: DigestContent): Part[] {
  return [
    { title: `本周新增逾期（${section.newlyOverdue.length}项，${formatDate(content.since)}以来）`, lines: section.newlyOverdue },
    { title: `未来${content.dueSoonDays}天到期（${section.dueSoon.length}项）`, lines: section.dueSoon },
    { title: `上周销号（${section.closedLastWeek.length}项）`, lines: section.closedLastWeek },
  ].filter((p) => p.lines.length);
}

function sectionText(section: DigestSection, content: DigestContent, titled: boolean): string[] {
  const out: string[] = [];
  if (titled) out.push(`【${section.planName}】`);
  out.push(...section.summary.map(summaryText));
  if (isQuiet(section)) return [...out, QUIET, `方案：${section.planLink}`, ''];
  if (overdueCount(section)) {
    out.push('', `逾期事项（${overdueCount(section)}项，按牵头单位）`);
    for (const unit of section.overdueByUnit) out.push(`${unit.unitName}（${unit.items.length}项）`, ...unit.items.map((l) => textLine(l, false)));
  }
  for (const part of parts(section, content)) out.push('', part.title, ...part.lines.map((l) => textLine(l)));
  return [...out, '', `方案：${section.planLink}`, ''];
}

function sectionHtml(section: DigestSection, content: DigestContent, titled: boolean): string {
  let html = titled ? `<h2 style="font-size:18px;margin:20px 0 8px">${escapeHtml(section.planName)}</h2>` : '';
  html += `<div style="background:#f8f9fa;padding:8px;border-radius:6px;font-size:14px">${section.summary.map(summaryHtml).join('')}</div>`;
  if (isQuiet(section)) return `${html}<p>${QUIET}</p>`;
  if (overdueCount(section)) {
    html += `<h3 style="font-size:16px;margin:16px 0 4px;color:#d93025">逾期事项（${overdueCount(section)}项，按牵头单位）</h3>`;
    for (const unit of section.overdueByUnit) {
      html += `<div style="margin-top:8px;font-weight:bold">${escapeHtml(unit.unitName)}（${unit.items.length}项）</div>${unit.items.map((l) => htmlLine(l, false)).join('')}`;
    }
  }
  for (const part of parts(section, content)) html += `<h3 style="font-size:16px;margin:16px 0 4px">${escapeHtml(part.title)}</h3>${part.lines.map((l) => htmlLine(l)).join('')}`;
  return `${html}<p><a href="${escapeHtml(section.planLink)}" style="color:#1a73e8">打开方案</a></p>`;
}

/** The leaders' weekly overdue digest (逾期周报). Never empty: a quiet week says so in one line. */
export function renderDigest(content: DigestContent): RenderedMessage {
  const overdue = content.sections.reduce((n, s) => n + overdueCount(s), 0);
  const fresh = content.sections.reduce((n, s) => n + s.newlyOverdue.length, 0);
  const scope = content.sections.length === 1 ? content.sections[0].planName : `${content.sections.length}个方案`;
  const quiet = content.sections.every(isQuiet);
  const subject = quiet
    ? `【逾期周报】${scope}（${formatDate(content.date)}）：本周无逾期事项`
    : `【逾期周报】${scope}（${formatDate(content.date)}）：逾期${overdue}项，新增逾期${fresh}项`;
  const greeting = `${content.leaderName}：您好！以下是截至${formatDate(content.date)}的无废城市建设清单执行情况。`;
  const footer = '此周报由清单系统每周自动发送，请勿直接回复。';
  const titled = content.sections.length > 1;
  const text = content.sections.length
    ? [greeting, '', ...content.sections.flatMap((s) => sectionText(s, content, titled)), footer].join('\n')
    : [greeting, '', QUIET, '', footer].join('\n');
  const html = htmlPage(
    subject,
    `<h1 style="font-size:20px;margin:0 0 8px">${escapeHtml(subject.replace('【逾期周报】', '逾期周报 · '))}</h1><p>${escapeHtml(greeting)}</p>` +
      (content.sections.length ? content.sections.map((s) => sectionHtml(s, content, titled)).join('') : `<p>${QUIET}</p>`) +
      `<p style="color:#888;font-size:13px;margin-top:16px">${escapeHtml(footer)}</p>`,
  );
  return { subject, text, html, markdown: text };
}
