import { STATUS_NAMES } from '../status/status.js';
import type { ItemLine } from './reminder-types.js';

/** '2025-12-31' → '2025年12月31日' */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "逾期327天" / "还有7天" / "今日到期" / "无截止日期". */
export function timing(line: ItemLine): string {
  if (line.dueDate === null) return '无截止日期';
  if (line.daysOverdue > 0) return `逾期${line.daysOverdue}天`;
  return line.daysLeft === 0 ? '今日到期' : `还有${line.daysLeft}天`;
}

/** The deadline as it stands, with the phrase as written when it says more. */
export function deadline(line: ItemLine): string {
  if (line.dueDate === null) return line.phrase || '长期';
  return line.phrase ? `${formatDate(line.dueDate)}（原文：${line.phrase}）` : formatDate(line.dueDate);
}

function progress(line: ItemLine): string {
  return `${STATUS_NAMES[line.status]}${line.percent !== null ? ` ${line.percent}%` : ''}`;
}

/** One line of plain text per item. */
export function textLine(line: ItemLine, withUnits = true): string {
  const units = withUnits && line.leadUnits.length ? `｜牵头：${line.leadUnits.join('、')}` : '';
  return `- ${line.code} ${line.title}\n  时限：${deadline(line)}｜${timing(line)}｜${progress(line)}${units}\n  ${line.link}`;
}

const LIGHT_COLOURS: Record<ItemLine['light'], string> = { red: '#d93025', yellow: '#e8a100', green: '#188038', grey: '#80868b' };

/** One stacked block per item: reads on a phone without sideways scrolling. */
export function htmlLine(line: ItemLine, withUnits = true): string {
  const units = withUnits && line.leadUnits.length ? `<br>牵头：${escapeHtml(line.leadUnits.join('、'))}` : '';
  return (
    `<div style="padding:8px 0;border-bottom:1px solid #eee">` +
    `<span style="color:${LIGHT_COLOURS[line.light]}">●</span> <a href="${escapeHtml(line.link)}" style="color:#1a73e8;font-weight:bold">${escapeHtml(line.code)}</a> ${escapeHtml(line.title)}` +
    `<div style="color:#555;font-size:14px">时限：${escapeHtml(deadline(line))}｜<b>${escapeHtml(timing(line))}</b>｜${escapeHtml(progress(line))}${units}</div></div>`
  );
}

export function markdownLine(line: ItemLine): string {
  return `- [${line.code}](${line.link}) ${line.title.replace(/[[\]]/g, '')}｜${timing(line)}`;
}

/** Wraps the body of an HTML email: one column, at most 640px wide, system fonts, inline styles only. */
export function htmlPage(title: string, body: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f6f6f6"><div style="max-width:640px;margin:0 auto;padding:16px;background:#fff;font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei',sans-serif;font-size:16px;line-height:1.6;color:#222">` +
    `${body}</div></body></html>`
  );
}

const MARKDOWN_LIMIT = 4000;

/** Markdown lines joined, cut to fit the robots' limit (UTF-8 bytes) with a line saying how many were left out. */
export function fitMarkdown(head: string[], lines: string[], tail: string[]): string {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const fixed = [...head, ...tail].join('\n');
  const kept: string[] = [];
  let size = bytes(fixed) + 60;
  for (const [i, line] of lines.entries()) {
    if (size + bytes(line) + 1 > MARKDOWN_LIMIT) {
      kept.push(`……另有${lines.length - i}项，请打开链接查看`);
      break;
    }
    kept.push(line);
    size += bytes(line) + 1;
  }
  return [...head, ...kept, ...tail].join('\n');
}
