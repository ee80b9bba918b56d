import { escapeHtml } from '../reminders/message-format.js';

export interface Segment {
  label: string;
  colour: string;
}

export interface BarRow {
  label: string;
  /** One value per segment, in the legend's order. */
  values: number[];
  /** Shown after the bar ("逾期3"), red. */
  note?: string;
}

const WIDTH = 680;
const LABEL = 220;
const BAR_AREA = 380;
const ROW = 22;
const TOP = 30;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A horizontal stacked bar chart as inline SVG: one bar per row, scaled to the largest total, with a legend
 * on top. Plain shapes and text, so it prints sharply and needs no script.
 */
export function stackedBarChart(title: string, legend: Segment[], rows: BarRow[]): string {
  const height = TOP + rows.length * ROW + 10;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const parts: string[] = [];
  let x = 0;
  legend.forEach((segment) => {
    parts.push(`<rect x="${x}" y="4" width="12" height="12" fill="${segment.colour}"/><text x="${x + 16}" y="14" font-size="12">${escapeHtml(segment.label)}</text>`);
    x += 24 + segment.label.length * 13;
  });
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    parts.push(`<text x="${LABEL - 6}" y="${y + 14}" font-size="12" text-anchor="end">${escapeHtml(cut(row.label, 17))}</text>`);
    let left = LABEL;
    row.values.forEach((value, s) => {
      if (value <= 0) return;
      const w = (value / max) * BAR_AREA;
      parts.push(`<rect x="${left.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${legend[s].colour}"><title>${escapeHtml(`${row.label} ${legend[s].label} ${value}`)}</title></rect>`);
      left += w;
    });
    const total = row.values.reduce((a, b) => a + b, 0);
    parts.push(`<text x="${(left + 4).toFixed(1)}" y="${y + 14}" font-size="11">${total}</text>`);
    if (row.note) parts.push(`<text x="${(left + 30).toFixed(1)}" y="${y + 14}" font-size="11" fill="#c62828">${escapeHtml(row.note)}</text>`);
  });
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">${parts.join('')}</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}
