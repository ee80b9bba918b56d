/** A column of a government table: the header texts that mean it, matched leniently. */
export interface ColumnSpec {
  key: string;
  /** Header texts that mean this column (compared after normalizeHeader); the first names the column in messages. */
  headers: string[];
  required?: boolean;
  /** Blank cells take the value above (merged or carried-down categories). */
  carryDown?: boolean;
  /**
   * Headers another column claims first but that mean this one when the sheet has no column of its own for it:
   * "重点任务" is the task group beside a "任务内容" column, and the task text when it stands alone.
   */
  fallback?: string[];
  /** Cells of unit names: each name (split on 、，,；; and line breaks) must be a plain single-line text. */
  units?: boolean;
}

/** Removes spaces and line breaks, and makes brackets and colons ASCII, so "总投资（万元）" = "总投资(万元)". */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
}

/** Baseline and target columns carry their year in the header: "现状值2020年", "规划目标（2025年）", "2023年阶段目标". */
export function yearColumn(header: string): { role: 'baseline' | 'target'; year: number } | null {
  const text = normalizeHeader(header);
  const year = /(\d{4})年?/.exec(text);
  if (!year) return null;
  const role = /现状|基准|基期/.test(text) ? 'baseline' : /目标|规划|预期/.test(text) ? 'target' : null;
  if (role) return { role, year: Number(year[1]) };
  return null;
}
