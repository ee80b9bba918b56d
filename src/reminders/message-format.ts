import { STATUS_NAMES } from '../status/status.js';
import type { ItemLine } from './reminder-types.js';

/** Dates written out already: a national sweep writes the same few hundred dates on 150,000 lines, twice each. */
const formattedDates = new Map<string, string>();

/** '2025-12-31' → '2025年12月31日' (anything else is returned as it is). */
export function formatDate(date: string): string {
  let formatted = formattedDates.get(date);
  if (formatted === undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return date;
    formatted = `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
    // Dates are few (a plan's days); the bound only keeps a caller with endless different ones from growing it.
    if (formattedDates.size >= 10_000) formattedDates.clear();
    formattedDates.set(date, formatted);
  }
  return formatted;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  // Most text has nothing to escape: tested first, it is returned as it is instead of copied.
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]) : text;
}

/** Text from the data on one line: line breaks and runs of spaces (spreadsheet cells) become one space. */
export function oneLine(text: string): string {
  // Already one line (no whitespace but single spaces inside): returned as it is instead of copied.
  return /[^\S ]| {2}|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** "逾期327天" / "还有7天" / "今日到期" / "无明确时限". */
export function timing(line: ItemLine): string {
  if (line.dueDate === null) return '无明确时限';
  if (line.daysOverdue > 0) return `逾期${line.daysOverdue}天`;
  return line.daysLeft === 0 ? '今日到期' : `还有${line.daysLeft}天`;
}

/** The deadline as it stands, with the phrase as written when it says something the date does not. */
export function deadline(line: ItemLine): string {
  const phrase = oneLine(line.phrase);
  if (line.dueDate === null) return phrase || '无明确时限';
  const date = formatDate(line.dueDate);
  return phrase && !phrase.includes(date) ? `${date}（原文：${phrase}）` : date;
}

/** "推进中，进度40%" / "未开始". */
export function progress(line: ItemLine): string {
  return `${STATUS_NAMES[line.status]}${line.percent !== null ? `，进度${line.percent}%` : ''}`;
}

export interface LineOptions {
  /** Name the lead units (when the reader is not the lead unit, or items of several units are listed). */
  units: boolean;
  /** 'timing': the deadline and 逾期N天/还有N天; 'closed': the day it was closed out. */
  show?: 'timing' | 'closed';
}

function facts(line: ItemLine, options: LineOptions): string[] {
  const parts =
    options.show === 'closed'
      ? [`${line.closedOn ? `${formatDate(line.closedOn)}` : ''}已销号`, `时限：${deadline(line)}`]
      : [`时限：${deadline(line)}`, timing(line), progress(line)];
  if (options.units && line.leadUnits.length) parts.push(`牵头：${line.leadUnits.join('、')}`);
  return parts;
}

/** "【请签收】" before the title of an item the unit has not signed for. */
const SIGN_MARK = '【请签收】';

/** "批示（2026年11月18日，江津区领导）：…" for each instruction listed, and how many more there are. */
export function instructionTexts(line: ItemLine): string[] {
  const notes = (line.instructions ?? []).map((i) => `批示（${formatDate(i.date)}，${oneLine(i.author)}）：${oneLine(i.content)}`);
  if (line.moreInstructions) notes.push(`……另有${line.moreInstructions}条批示，请打开事项查看`);
  return notes;
}

/** One item in plain text: code and title, then its facts, its 批示, then its link. */
export function textLine(line: ItemLine, options: LineOptions): string {
  const notes = instructionTexts(line)
    .map((n) => `\n  ${n}`)
    .join('');
  return `· ${line.code} ${line.unsigned ? SIGN_MARK : ''}${oneLine(line.title)}\n  ${facts(line, options).join('｜')}${notes}\n  ${line.link}`;
}

export const LIGHT_COLOURS: Record<ItemLine['light'], string> = { red: '#d93025', yellow: '#e8a100', green: '#188038', grey: '#80868b' };

/** A coloured dot for a traffic light, as text (no images, so it shows in every mail client). */
export function dot(light: ItemLine['light']): string {
  return `<span style="color:${LIGHT_COLOURS[light]}">●</span>`;
}

/** One item as a stacked block (no table), so it reads on a phone without scrolling sideways. */
export function htmlLine(line: ItemLine, options: LineOptions): string {
  const [first, ...rest] = facts(line, options);
  const emphasis = options.show !== 'closed' && line.daysOverdue > 0 ? 'color:#d93025;font-weight:bold' : 'font-weight:bold';
  const detail =
    options.show === 'closed'
      ? [first, ...rest].map(escapeHtml).join('｜')
      : [escapeHtml(first), `<span style="${emphasis}">${escapeHtml(rest[0])}</span>`, ...rest.slice(1).map(escapeHtml)].join('｜');
  return (
    `<div style="padding:8px 0;border-bottom:1px solid #eeeeee">` +
    `${dot(line.light)} <a href="${escapeHtml(line.link)}" style="color:#1a73e8;font-weight:bold;text-decoration:none">${escapeHtml(line.code)}</a> ` +
    `${line.unsigned ? `<span style="color:#d93025;font-weight:bold">${SIGN_MARK}</span>` : ''}${escapeHtml(oneLine(line.title))}` +
    `<div style="color:#555555;font-size:14px">${detail}</div>` +
    instructionTexts(line)
      .map((n) => `<div style="margin:4px 0 0;padding:4px 8px;border-left:3px solid #e8a100;background:#fff8e1;font-size:14px">${escapeHtml(n)}</div>`)
      .join('') +
    `</div>`
  );
}

/** Text from the data made inert in robot markdown (links, emphasis, tags). */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[[\]<>*`_]/g, (c) => ({ '[': '［', ']': '］', '<': '＜', '>': '＞', '*': '＊', '`': "'", _: '＿' })[c]!);
}

/** One item in robot markdown: the code links to the item. */
export function markdownLine(line: ItemLine, options: LineOptions): string {
  const what = options.show === 'closed' ? `${line.closedOn ? formatDate(line.closedOn) : ''}已销号` : timing(line);
  const units = options.units && line.leadUnits.length ? `｜牵头：${markdownText(line.leadUnits.join('、'))}` : '';
  const notes = instructionTexts(line)
    .map((n) => `\n> ${markdownText(n)}`)
    .join('');
  return `- [${markdownText(line.code)}](${line.link}) ${line.unsigned ? SIGN_MARK : ''}${markdownText(line.title)}｜${what}${units}${notes}`;
}

/** Wraps the body of an HTML email: one column, at most 640px wide, system fonts, inline styles only. */
export function htmlPage(title: string, body: string): string {
  return htmlPageStart(title) + body + HTML_PAGE_END;
}

/** An HTML email up to where its body begins (htmlPage). */
export function htmlPageStart(title: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f6f6f6">` +
    `<div style="max-width:640px;margin:0 auto;padding:16px;background:#ffffff;font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif;font-size:16px;line-height:1.6;color:#222222;word-break:break-word">`
  );
}

/** What closes an HTML email after its body (htmlPage). */
export const HTML_PAGE_END = '</div></body></html>';

export function htmlHeading(text: string, colour = '#222222'): string {
  return `<div style="font-size:16px;font-weight:bold;margin:18px 0 4px;color:${colour}">${escapeHtml(text)}</div>`;
}

export function htmlParagraph(text: string, style = ''): string {
  return `<p style="margin:0 0 12px;${style}">${escapeHtml(text)}</p>`;
}

/** The robots' limit is 4096 bytes of UTF-8; this leaves room for the channel's own wrapping. */
export const MARKDOWN_LIMIT = 4000;

/** A markdown entry between head and tail: an item line (counted when left out) or a heading. */
export interface MarkdownEntry {
  text: string;
  item: boolean;
}

export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function cutLine(left: number): string {
  return `……另有${left}项，请打开链接查看`;
}

/**
 * Head, entries and tail joined by line breaks, at most MARKDOWN_LIMIT UTF-8 bytes. When the entries do
 * not all fit, as many as fit are kept and a line says how many items were left out; a heading is never
 * left hanging without an item under it.
 */
export function fitMarkdown(head: string[], entries: MarkdownEntry[], tail: string[]): string {
  const whole = [...head, ...entries.map((e) => e.text), ...tail].join('\n');
  if (bytes(whole) <= MARKDOWN_LIMIT) return whole;
  const items = entries.filter((e) => e.item).length;
  const fixed = [...head, ...tail].join('\n');
  let size = bytes(fixed) + 1 + bytes(cutLine(items));
  const kept: MarkdownEntry[] = [];
  for (const entry of entries) {
    const grown = size + 1 + bytes(entry.text);
    if (grown > MARKDOWN_LIMIT) break;
    kept.push(entry);
    size = grown;
  }
  while (kept.length && !kept[kept.length - 1].item) kept.pop();
  const left = items - kept.filter((e) => e.item).length;
  return [...head, ...kept.map((e) => e.text), cutLine(left), ...tail].join('\n');
}
