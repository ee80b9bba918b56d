/**
 * Deadline phrase parser: reads the milestones out of a Chinese task text or a deadline cell
 * ("到2025年，…", "2022年底前", "“十四五”期间", "每年", "2025" …). See the README, "时限的读法".
 *
 * It works in four plain steps:
 *  1. normalize: full-width → ASCII, spaces dropped, Chinese numerals in dates → digits ("二〇二三年" → "2023年"),
 *     keeping for every character where it came from, so each `phrase` is cut from the input exactly as written;
 *  2. hide citations: book titles 《…》 and their edition notes "（2021年版）" are names, never deadlines;
 *  3. match the table of patterns below; where matches overlap, the earliest and then the longest wins;
 *  4. read each match into a milestone, give it the quantity of its clause, and drop exact duplicates.
 *
 * Deliberate choices:
 *  - a year is a deadline only with a cue (到/至/于/前/底/末/内, a verb such as 完成 right after it, or when the year
 *    is the whole cell). "2020年，江津区实现…" or "以2020年为基准年" give nothing.
 *  - "自2022年起" is a start, not a deadline: any date followed by 起/以来/开始 or preceded by 自/从 gives nothing
 *    (the clause's own deadline, if it has one, is read as usual).
 *  - likewise "2025年底以后", "3月1日之后", "6月后" name when something starts, and give nothing; "2025年底前后",
 *    "6月左右" give the time only roughly, so they are read but flagged for the office.
 *  - "截至…" states a status ("截至11月底，全市累计…"), so it gives nothing.
 *  - the past is background: a date without a cue word that lies before the reference date is skipped; one with a
 *    cue ("至2020年，…") or whose clause says what has already been done ("2020年全市已建成…") is kept but flagged.
 *    A whole cell (a 完成时限) is a deadline by construction and is never flagged for being past.
 *  - yearless phrases take the reference year; when that date is already before the reference date ("4月15日前"
 *    read against 2021-05-01) the next year is taken, flagged with a note.
 *  - a recurring duty is due at its first occurrence on or after the reference date, on the day the text states
 *    ("每月25日前") or else at the end of the period ("每季度", "每半年末"). Later occurrences are not computed here.
 *  - a period word describes rather than obliges unless it names a thing delivered or done: "年度报告",
 *    "开展年度考核" recur; "年度绩效考核指标体系", "年度指标", "每年生猪基本供应量" do not.
 */
import type { MilestoneReading } from './milestone-reading.js';

export interface ParseOptions {
  /** The date (YYYY-MM-DD) that yearless and recurring phrases are read against. */
  reference?: string;
}

type Recurrence = NonNullable<MilestoneReading['recurrence']>;
/** A reading before its phrase and quantity are known. */
type Draft = Omit<MilestoneReading, 'phrase' | 'quantity'>;
type Groups = Record<string, string | undefined>;

/** The reference date. */
interface SimpleDate {
  year: number;
  month: number;
  iso: string;
}

interface Context {
  ref: SimpleDate | null;
  /** The phrase as written in the input. */
  phrase: string;
}

const NOTE_NO_YEAR = '缺少年份，需参照日期';
const NOTE_NO_REFERENCE = '周期性要求，缺少参照日期，无法推算下一次到期日';
const noteNextYear = (ref: SimpleDate) => `未写年份，${ref.year}年的这一日期早于参照日期（${ref.iso}），暂按${ref.year + 1}年计，请确认`;
const noteBeforeReference = (phrase: string, ref: SimpleDate) => `“${phrase}”早于参照日期（${ref.iso}），可能是对已有情况的描述，不是新的期限，请确认`;
const notePastClause = (phrase: string) => `“${phrase}”所在句子写的是已完成的情况，可能不是新的期限，请确认`;
const noteRough = (written: string) => `“${written}”是大约的时间，不是确切期限，请确认`;

// ---------------------------------------------------------------------------------------------------------------
// Dates

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date, or null when the month or day does not exist. */
function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthEnd(year: number, month: number): string | null {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: isoDate checks the month again, so a month out of range gives null either way
  return month >= 1 && month <= 12 ? isoDate(year, month, lastDayOfMonth(year, month)) : null;
}

function parseReference(reference: string | undefined): SimpleDate | null {
  // Stryker disable next-line StringLiteral: a missing reference becomes some text that is not a date; any such text fails the pattern
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference ?? '');
  if (!m || !isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  return { year: Number(m[1]), month: Number(m[2]), iso: m[0] };
}

const MONTHS_PER_PERIOD: Record<Recurrence, number> = { yearly: 12, 'half-yearly': 6, quarterly: 3, monthly: 1 };

/** Where in each period a recurring duty falls: the month within the period (1 = its first) and the day of that month. */
interface InPeriod {
  month?: number;
  day?: number;
}

/**
 * The first due date on or after the reference: in each period, the stated month (else the period's last) and the
 * stated day (else, or past the month's end, the month's last day). Null when the month is not in the period.
 */
function firstDue(recurrence: Recurrence, ref: SimpleDate, at: InPeriod): string | null {
  const length = MONTHS_PER_PERIOD[recurrence];
  const monthInPeriod = at.month ?? length;
  if (monthInPeriod < 1 || monthInPeriod > length || (at.day !== undefined && (at.day < 1 || at.day > 31))) return null;
  for (const year of [ref.year, ref.year + 1]) {
    for (let periodStart = 1; periodStart <= 12; periodStart += length) {
      const month = periodStart + monthInPeriod - 1;
      const day = Math.min(at.day ?? 31, lastDayOfMonth(year, month));
      const due = isoDate(year, month, day)!;
      if (due >= ref.iso) return due;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts

function dated(dueDate: string | null): Draft | null {
  return dueDate ? { dueDate, kind: 'dated', periodStart: null, recurrence: null, certain: true, note: null } : null;
}

function period(start: string | null, end: string | null): Draft | null {
  if (!start || !end || start > end) return null;
  return { dueDate: end, kind: 'period', periodStart: start, recurrence: null, certain: true, note: null };
}

function unsure(dueDate: string | null, note: string): Draft {
  return { dueDate, kind: 'dated', periodStart: null, recurrence: null, certain: false, note };
}

function flag(draft: Draft, note: string): Draft {
  return { ...draft, certain: false, note };
}

function recurring(recurrence: Recurrence, ref: SimpleDate | null, at: InPeriod = {}): Draft | null {
  if (!ref) return { dueDate: null, kind: 'recurring', periodStart: null, recurrence, certain: false, note: NOTE_NO_REFERENCE };
  const dueDate = firstDue(recurrence, ref, at);
  return dueDate ? { dueDate, kind: 'recurring', periodStart: null, recurrence, certain: true, note: null } : null;
}

const ONGOING: Draft = { dueDate: null, kind: 'ongoing', periodStart: null, recurrence: null, certain: true, note: null };

/**
 * Resolves the year of a phrase ("2023", "今", "明", or none) and builds the draft; flags it when no year is known,
 * and takes the next year (flagged) when a yearless date is already before the reference date.
 */
function inYear(token: string | undefined, ctx: Context, build: (year: number) => Draft | null): Draft | null {
  // Stryker disable next-line Regex: the year group is four digits or 今/明 (see YEAR), so the anchors change nothing
  if (token && /^\d{4}$/.test(token)) return build(Number(token));
  if (!ctx.ref) return unsure(null, NOTE_NO_YEAR);
  if (token === '今' || token === '明') return build(token === '明' ? ctx.ref.year + 1 : ctx.ref.year);
  const draft = build(ctx.ref.year);
  if (!draft?.dueDate || draft.dueDate >= ctx.ref.iso) return draft;
  const next = build(ctx.ref.year + 1);
  return next && flag(next, noteNextYear(ctx.ref));
}

// ---------------------------------------------------------------------------------------------------------------
// The table of patterns (matched on the normalized text)

/**
 * How a row counts as a deadline:
 * - 'inherent': its wording is a deadline in itself (底/前/末, 十四五期间, 每年, 持续推进 …);
 * - 'optional': a date that counts as written, but without a cue word (到/至/于/在/底/前) a date already past
 *   the reference date is read as a past description and skipped (with one, or for other rows, it is flagged);
 * - 'required': a yearless month ("7月") counts only with a cue word ("7月底前", "到12月") or as a whole cell.
 */
type CueRule = 'inherent' | 'optional' | 'required';

interface PatternRow {
  name: string;
  regex: RegExp;
  cue: CueRule;
  /** Ranges may follow 自/从 ("从2021年到2025年"); for other rows 自/从 marks a start, not a deadline. */
  range?: boolean;
  /** When the text right after the match fits this, the match describes rather than sets a deadline. */
  unless?: RegExp;
  read: (g: Groups, ctx: Context) => Draft | null;
}

type Reader = PatternRow['read'];

// Building blocks of the patterns
const CUE = '(?<cue>截至|截止到|截止|到|至|于|在)?';
const YYYY = '(?:19|20)\\d{2}';
const YEAR = `(?<!\\d)(?<year>${YYYY}|今|明)年(?!度)`;
const MONTH = '(?<month>\\d{1,2})月';
const DAY = '(?<day>\\d{1,2})[日号]';
const BEFORE = '(?<before>前|之前|以前)?';
const TO = '(?:至|到|[-—–~]{1,2})';
const WHOLE_CELL = (source: string) => `(?<=^\\s*)${source}(?=\\s*$)`;
/** "10月8日—11月9日", "10月8—10月9日", "10月8-9日": from a day of a month to a later day. */
const DAY_RANGE = `${MONTH}(?<day>\\d{1,2})[日号]?${TO}(?:(?<year2>${YYYY})年)?(?:(?<month2>\\d{1,2})月)?(?<day2>\\d{1,2})[日号]${BEFORE}`;
/** "9月—12月", "9-12月", "9月至2022年6月底": from the start of a month to the end of a later one. */
const MONTH_RANGE = `(?<month>\\d{1,2})月?${TO}(?:(?<year2>${YYYY})年)?(?<month2>\\d{1,2})月(?:底|末)?${BEFORE}`;
/** Where a clause ends: what a description after a period word may not run past. */
const CLAUSE_END = ',.;:!?、()\\n。';
/** "首月", "第一个月", "第2个月", "末月": the month within a quarter. */
const MONTH_IN_QUARTER = '(?<inQuarter>首月|初|末月|第[1-3一二三]个?月)';
/** "…结束后10日内", "次月5日前": due that many days into the next period, i.e. on that day of a period's first month. */
const AFTER_PERIOD = '(?:结束后|次月)(?<after>\\d{1,2})(?:日|天|号)(?:内)?';
/** Verbs of a duty: after 每年 they make it one ("每年完成2件"), before a quantity noun they do not describe an amount. */
const DUTY_VERBS = '开展|组织|召开|完成|报送|提交|上报|编制|制定|形成|发布|公布|更新|进行|核查|检查|评估|培训|督查|考核|统计|监测';
/** Verbs that make a period word a thing done each period: "开展年度考核", "编制年度计划" (not "完成年度目标"). */
const PERIODIC_VERBS = '开展|组织|进行|编制|制定|形成|报送|提交|上报|发布|公布|召开';
/** What a period word names when it is a thing delivered each period: "年度报告", "季度调度". */
const DELIVERABLES = '报告|总结|自评|自查|评估|报表|盘点|调度|通报|述职|考评';
/** After 每年: an amount ("每年生猪基本供应量", "每年可处理…", "每年约…"), not a duty. */
const AMOUNT_AFTER = new RegExp(`^(?:可|约|大约|平均|(?:(?!${DUTY_VERBS})[^${CLAUSE_END}]){0,12}?(?:量|产值|规模|能力|总额)(?!化))`);
/** Words that say a thing has been done: "2020年全市已建成…" describes the past ("已有" is just "existing"). */
const PAST_MARKER = '已(?:经)?(?![有知])';

/** "年度", "半年度", "季度", "月度" as a duty: after a verb of doing, or naming a deliverable; not of a given period. */
function periodWord(unit: string): string {
  const word = `(?<![\\d本上下当今明去该全每一二三四第半])${unit}度`;
  return `(?<=(?:${PERIODIC_VERBS}))${word}|${word}(?=(?:工作)?(?:${DELIVERABLES}))`;
}

const CHINESE_QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
/** The month within a period, from "首月", "初", "末月", "第二个月", "第2个月" or a month number ("6"). */
const MONTH_WORDS: Record<string, number> = { 首: 1, 初: 1, 末: 3, 一: 1, 二: 2, 三: 3 };
const monthWithin = (word: string) => {
  // Stryker disable next-line Regex: 第 can only start and 月 only end a MONTH_IN_QUARTER word, so the anchors change nothing
  const key = word.replace(/^第|个?月$/g, '');
  return MONTH_WORDS[key] ?? Number(key);
};
const FIVE_YEAR_PLAN_START: Record<string, number> = { 三: 2016, 四: 2021, 五: 2026, 六: 2031 };

// How the matched groups become a draft
const endOfYear: Reader = (g, ctx) => inYear(g.year, ctx, (year) => dated(isoDate(year, 12, 31)));
const endOfMonth: Reader = (g, ctx) => inYear(g.year, ctx, (year) => dated(monthEnd(year, Number(g.month))));
const onDay: Reader = (g, ctx) => inYear(g.year, ctx, (year) => dated(isoDate(year, Number(g.month), Number(g.day))));
const endOfHalf: Reader = (g, ctx) => inYear(g.year, ctx, (year) => dated(monthEnd(year, g.half === '上' ? 6 : 12)));
const endOfQuarter: Reader = (g, ctx) => {
  // Stryker disable next-line StringLiteral: the quarter group always matches (see 'quarter'), so the fallback key is never used
  const quarter = CHINESE_QUARTERS[g.quarter ?? ''] ?? Number(g.quarter);
  return inYear(g.year, ctx, (year) => dated(monthEnd(year, quarter * 3)));
};
/** "10月8日—10月9日", "2021年10月8—10月9日", "2021年10月8日—11月9日": a period due on its last day. */
const dayRange: Reader = (g, ctx) =>
  inYear(g.year, ctx, (year) => {
    const endYear = g.year2 ? Number(g.year2) : year;
    const endMonth = Number(g.month2 ?? g.month);
    // "12月28日—1月5日" without a year crosses into the next year
    const rollover = !g.year2 && endMonth < Number(g.month) ? 1 : 0;
    return period(isoDate(year, Number(g.month), Number(g.day)), isoDate(endYear + rollover, endMonth, Number(g.day2)));
  });
/** "2021年9月—12月": a period due at the end of its last month. */
const monthRange: Reader = (g, ctx) =>
  inYear(g.year, ctx, (year) => {
    const endYear = g.year2 ? Number(g.year2) : year + (Number(g.month2) < Number(g.month) ? 1 : 0);
    return period(isoDate(year, Number(g.month), 1), monthEnd(endYear, Number(g.month2)));
  });
const yearRange: Reader = (g) => (Number(g.year2) > Number(g.year) ? period(`${g.year}-01-01`, `${g.year2}-12-31`) : null);
const yearBefore: Reader = (g, ctx) =>
  inYear(g.year, ctx, (year) => unsure(isoDate(year, 12, 31), `“${year}年前”可理解为${year - 1}年底或${year}年底，请确认`));
const fiveYearPlan: Reader = (g) => {
  // Stryker disable next-line StringLiteral: the plan group always matches (see 'five-year-plan'), so the fallback key is never used
  const start = FIVE_YEAR_PLAN_START[g.plan ?? ''];
  return start ? period(`${start}-01-01`, `${start + 4}-12-31`) : null;
};
const vague: Reader = (_g, ctx) => unsure(null, `“${ctx.phrase}”未给出具体期限，请确认`);
const ongoing: Reader = () => ONGOING;
/** A recurring duty, due in each period on the month and day the groups give (else at the period's end). */
const every =
  (recurrence: Recurrence): Reader =>
  (g, ctx) => {
    // "结束后10日内", "次月5日前": on that day of the first month of each period
    if (g.after) return recurring(recurrence, ctx.ref, { month: 1, day: Number(g.after) });
    const month = g.month ?? g.inQuarter;
    return recurring(recurrence, ctx.ref, {
      month: month === undefined ? undefined : monthWithin(month),
      day: g.day === undefined ? undefined : Number(g.day),
    });
  };

function row(name: string, source: string, cue: CueRule, read: Reader, extra: Pick<PatternRow, 'range' | 'unless'> = {}): PatternRow {
  return { name, regex: new RegExp(source, 'g'), cue, read, ...extra };
}

/** The patterns, each with an example in its comment. Where matches overlap, the longest wins. */
const PATTERNS: PatternRow[] = [
  // whole cells: "2025" (project tables), "十四五", "长期", "年度", "当年"
  row('cell-year', WHOLE_CELL(`(?<year>${YYYY})年?度?`), 'inherent', endOfYear),
  row('cell-plan', WHOLE_CELL('[“"]?十(?<plan>[三四五六])五[”"]?'), 'inherent', fiveYearPlan),
  row('cell-ongoing', WHOLE_CELL('(?:长期|常年|持续|长效)'), 'inherent', ongoing),
  row('cell-annual', WHOLE_CELL('(?:按)?年度'), 'inherent', every('yearly')),
  row('cell-this-year', WHOLE_CELL('(?:本|当)年度?'), 'inherent', endOfYear),
  // "2023年3月1日至3月31日", "2021年10月8—10月9日", "2021年10月8日—11月9日"
  row('day-range', `${CUE}${YEAR}${DAY_RANGE}`, 'optional', dayRange, { range: true }),
  // "10月8日—10月9日": without a year, only with a cue word or as a whole cell, like a yearless month
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: a yearless range is read only after a cue word (到/至/于/在) or as a whole cell, and no real text puts 自/从 right before such a cue, so this flag changes no reading
  row('day-range-no-year', `${CUE}(?<![\\d年月])${DAY_RANGE}`, 'required', dayRange, { range: true }),
  // "2021年9月—12月", "2021年9-12月", "2021年9月至2022年6月底"
  row('month-range', `${CUE}${YEAR}${MONTH_RANGE}`, 'optional', monthRange, { range: true }),
  // "9月—12月": without a year, only with a cue word or as a whole cell
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: a yearless range is read only after a cue word (到/至/于/在) or as a whole cell, and no real text puts 自/从 right before such a cue, so this flag changes no reading
  row('month-range-no-year', `${CUE}(?<![\\d年月])${MONTH_RANGE}`, 'required', monthRange, { range: true }),
  // "2021-2022年", "2021年至2025年"
  row('year-range', `${CUE}(?<!\\d)(?<year>${YYYY})年?${TO}(?<year2>${YYYY})年(?:期间|间|内)?`, 'optional', yearRange, { range: true }),
  // "2023-06-30", "2023/6/30"
  row('numeric-date', `(?<!\\d)(?<year>${YYYY})(?<sep>[-/.])(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})(?![\\d.])`, 'optional', onDay),
  // "2023年3月1日", "2023年3月1日前"
  row('full-date', `${CUE}${YEAR}${MONTH}${DAY}${BEFORE}`, 'optional', onDay),
  // "2023年6月", "于2022年6月底前"
  row('month', `${CUE}${YEAR}${MONTH}份?(?<end>底|末)?${BEFORE}`, 'optional', endOfMonth),
  // "上半年", "2023年下半年"
  row('half-year', `${CUE}(?:${YEAR})?(?<half>上|下)半年(?:底|末)?${BEFORE}`, 'inherent', endOfHalf),
  // "一季度", "2023年第三季度末"
  row('quarter', `${CUE}(?:${YEAR})?第?(?<quarter>[1-4一二三四])季度(?:末|底)?${BEFORE}`, 'inherent', endOfQuarter),
  // "2022年底前", "于2025年底", "今年年底", "2023年内", "今年内"
  row('year-end', `${CUE}${YEAR}(?:年底|年末|底|末|内)${BEFORE}`, 'inherent', endOfYear),
  // "年底前", "年内", "本年内", "当年底", "年度内" — the reference year ("三年内", "去年底" are not)
  row('this-year', `${CUE}(?<![\\d今明每上下去前近几多数半个余同该次翌十一二三四五六七八九百千两])(?:本|当)?年度?(?:底|末|内)${BEFORE}`, 'inherent', endOfYear),
  // "2025年前": by the end of 2024, or of 2025? The later reading is kept, flagged for the office.
  row('year-before', `${CUE}${YEAR}(?:前|之前|以前)(?!后)`, 'inherent', yearBefore),
  // "到2025年", "至2025年"
  row('year-to', `(?<cue>截至|截止到|截止|到|至)${YEAR}`, 'inherent', endOfYear),
  // "2025年建成…": a year followed by a verb of achievement
  row('year-verb', `(?<cue>于|在)?${YEAR}(?=完成|实现|达到|建成|投产|投运)`, 'optional', endOfYear),
  // "2020年全市已建成…": a year whose clause says what has been done (kept, but flagged as background)
  row('year-done', `${YEAR}(?=[,，]?[^${CLAUSE_END}]{0,12}?${PAST_MARKER})`, 'inherent', endOfYear),
  // "今年", "明年"
  row('relative-year', '(?<year>今|明)年(?!度)', 'inherent', endOfYear),
  // "“十四五”期间", "十四五时期", "“十四五”末"
  row('five-year-plan', '[“"]?十(?<plan>[三四五六])五[”"]?(?:期间|时期|期末|末|内)', 'inherent', fiveYearPlan),
  // "每年", "每年年底前", "每年6月底前", "每年3月15日前", "每年度" (but not "每年生猪基本供应量")
  row('every-year', `每年度?(?:${MONTH}份?(?:${DAY}|底|末)?|年底|年末|底|末)?${BEFORE}`, 'inherent', every('yearly'), { unless: AMOUNT_AFTER }),
  // "每半年", "每半年末", "每半年结束后15日内"
  row('every-half-year', `每半年度?(?:${AFTER_PERIOD}|底|末)?${BEFORE}`, 'inherent', every('half-yearly')),
  // "每季度", "按季度", "每季度末", "每季度首月15日前", "每季度第二个月", "每季度结束后10日内"
  row('every-quarter', `(?:每个?季度?|按季度?)(?:${MONTH_IN_QUARTER}(?:${DAY})?|${AFTER_PERIOD}|底|末)?${BEFORE}`, 'inherent', every('quarterly')),
  // "每月", "按月", "每月底", "每月25日前", "每月结束后5日内"
  row('every-month', `(?:每个?月|按月)(?:${DAY}|${AFTER_PERIOD}|底|末)?${BEFORE}`, 'inherent', every('monthly')),
  // "年度报告", "进行年度总结", "开展年度考核", "编制半年度报告", "季度调度", "月度通报": a thing delivered or done
  // each period; "年度绩效考核指标体系", "年度指标", "完成年度目标", "2020年度", "本年度", "一季度" are not
  row('periodic-year', periodWord('年'), 'inherent', every('yearly')),
  row('periodic-half-year', periodWord('半年'), 'inherent', every('half-yearly')),
  row('periodic-quarter', periodWord('季'), 'inherent', every('quarterly')),
  row('periodic-month', periodWord('月'), 'inherent', every('monthly')),
  // standing work: "长期坚持", "持续开展", "常态化", "长效", "常抓不懈"
  row(
    'ongoing',
    '长期(?:坚持|开展|推进|实施|执行)|持续(?:推进|推动|开展|实施)|常年(?:坚持|开展)|常态化|长效|常抓不懈|久久为功|坚持不懈|持之以恒',
    'inherent',
    ongoing,
  ),
  row('vague', '近期|尽快|尽早|及早|适时|择机', 'inherent', vague),
  // "7月底前", "到12月底", "十二月底前", "4月15日前"; a bare "12月3日" in prose is no deadline
  row('month-no-year', `${CUE}(?<![\\d年月])${MONTH}(?:${DAY})?份?(?<end>底|末)?${BEFORE}`, 'required', (g, ctx) => (g.day ? onDay : endOfMonth)(g, ctx)),
];

// ---------------------------------------------------------------------------------------------------------------
// Step 1: normalize, keeping where each character came from

interface Normalized {
  text: string;
  /** For each character of `text`: the start and end (exclusive) of its source in the input. */
  from: number[];
  to: number[];
}

const DROPPED = /[ \t\r\u00a0\u3000]/;
const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_YEAR = /[〇零○一二三四五六七八九]{4}(?=[ \u3000]*年)/y;
const CHINESE_MONTH = /(?:十[一二]?|[一二三四五六七八九])(?=[ \u3000]*月)/y;
const CHINESE_DAY = /(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=[ \u3000]*[日号])/y;
/** A Chinese month is read only after a year, a cue word or punctuation, so that "统一月报" stays as it is. */
const BEFORE_CHINESE_MONTH = /^$|[年到至于在,.;:、(。\n]/;

/** "十二" → 12, "三十一" → 31, "五" → 5. */
function chineseNumber(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return CHINESE_DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[s[0]] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (CHINESE_DIGITS[s[ten + 1]] ?? NaN);
  return tens * 10 + ones;
}

/** A Chinese year, month or day number at position i: its digits and its length in the input. */
function readChineseNumeral(input: string, i: number, previous: string): { digits: string; length: number } | null {
  const attempt = (regex: RegExp): string | null => {
    regex.lastIndex = i;
    return regex.exec(input)?.[0] ?? null;
  };
  const year = attempt(CHINESE_YEAR);
  if (year) return { digits: [...year].map((c) => CHINESE_DIGITS[c]).join(''), length: year.length };
  const month = BEFORE_CHINESE_MONTH.test(previous) ? attempt(CHINESE_MONTH) : null;
  if (month) return { digits: String(chineseNumber(month)), length: month.length };
  // a day past 31 ("五月三十九日") is read as written, so that it is no date at all, as "5月39日" is not
  // a day comes after a month ("五月三十日"), the end of a period ("每季度结束后十日内") or in a range ("八日至十日")
  const day = /[月后至到~—–-]/.test(previous) ? attempt(CHINESE_DAY) : null;
  return day ? { digits: String(chineseNumber(day)), length: day.length } : null;
}

function toHalfWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ch === '≦' ? '≤' : ch === '≧' ? '≥' : ch;
}

function normalize(input: string): Normalized {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < input.length;) {
    if (DROPPED.test(input[i])) {
      i += 1;
      continue;
    }
    const numeral = readChineseNumeral(input, i, out[out.length - 1] ?? '');
    const length = numeral?.length ?? 1;
    for (const ch of numeral?.digits ?? toHalfWidth(input[i])) {
      out.push(ch);
      from.push(i);
      to.push(i + length);
    }
    i += length;
  }
  return { text: out.join(''), from, to };
}

// ---------------------------------------------------------------------------------------------------------------
// Step 2: hide citations

const HIDDEN = '□';
/** Parenthesised notes that name an edition or a standard: "（2021年版）", "（2020年修订稿）", "（GB/T39198-2020）". */
const EDITION_NOTE = /版|修订|公告|号|GB|HJ|试行|征求意见/;

/** Book titles 《…》 and their edition notes are names, not deadlines: they are blanked out (same length). */
function hideCitations(text: string): string {
  const chars = text.split('');
  const blank = (start: number, length: number) => chars.fill(HIDDEN, start, start + length);
  for (const m of text.matchAll(/\([^()]*\)/g)) {
    if (text[m.index - 1] === '》' || EDITION_NOTE.test(m[0])) blank(m.index, m[0].length);
  }
  for (const m of text.matchAll(/《[^《》]*》/g)) blank(m.index, m[0].length);
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Step 3: match, and resolve overlaps

/** Where a pattern row matched the normalized text, with its named groups. */
interface Match {
  row: PatternRow;
  start: number;
  end: number;
  groups: Groups;
}

/** All matches of all rows; where they overlap, the earliest and then the longest is kept. */
function findMatches(text: string): Match[] {
  const all: Match[] = [];
  PATTERNS.forEach((row) => {
    for (const m of text.matchAll(row.regex)) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: no pattern can match the empty string (each needs at least one character such as 年, 月, 每 or 度)
      if (m[0].length > 0) all.push({ row, start: m.index, end: m.index + m[0].length, groups: m.groups ?? {} });
    }
  });
  all.sort((a, b) => a.start - b.start || b.end - a.end || PATTERNS.indexOf(a.row) - PATTERNS.indexOf(b.row));
  const chosen: Match[] = [];
  for (const match of all) {
    const last = chosen[chosen.length - 1];
    if (!last || match.start >= last.end) chosen.push(match);
  }
  return chosen;
}

// ---------------------------------------------------------------------------------------------------------------
// Step 4: read matches into milestones

const SENTENCE_END = /[。;!?\n]/g;
const UNITS = '平方米|立方米|公里|万元|亿元|公斤|千克|元|吨|亩|个|座|家|件|条|项|处|所|台|套|辆|人|次|户|批|只|张|类|种|米';
/** Comparators are part of a quantity as written: "不低于60%", "≤0.48吨/万元", "95%以上", "100吨及以上". */
const COMPARATOR_BEFORE = '不少于|不小于|不低于|不高于|不大于|不超过|不多于|低于|高于|少于|多于|小于|大于|超过|≤|≥|<|>';
const COMPARATOR_AFTER = '及以上|及以下|以上|以下|以内|左右';
/** A number with its unit ("3个", "100万吨/年") or a percentage ("88%"), with its comparators. */
const ONE_QUANTITY =
  `(?:${COMPARATOR_BEFORE})?(?<![\\d.])\\d+(?:\\.\\d+)?` + `(?:%|‰|(?:余|多)?[万亿千百]?(?:${UNITS})(?:/(?:年|万元|天|日|月|人|吨))?)(?:${COMPARATOR_AFTER})?`;
/** The scope a quantity applies to, in brackets after it: "95%（产废单位）". */
const SCOPE = '\\([^()]{1,15}\\)';
/** One quantity, or one per scope: "95%（产废单位）、100%（经营单位）" is kept whole. */
const QUANTITY = new RegExp(`${ONE_QUANTITY}(?:${SCOPE}(?:[、,和及]${ONE_QUANTITY}${SCOPE})*)?`);
const DONE = new RegExp(PAST_MARKER);

/**
 * A start ("自2022年起", "从…开始", "2023年以来", "2025年底以后", "3月1日之后", "6月后") or a status ("截至11月底"),
 * not a deadline. ("…前后" is "about then", not a start: see `roughly`.)
 */
function isStartOrStatus(text: string, match: Match): boolean {
  if (match.groups.cue === '截至') return true;
  const after = text.slice(match.end, match.end + 2);
  if (/^(?:起|以来|开始|以后|之后)/.test(after) || (after[0] === '后' && !match.groups.before)) return true;
  // Stryker disable next-line StringLiteral: with nothing before the match, any fallback text without 自/从 gives the same answer
  return !match.row.range && /[自从]/.test(text[match.start - 1] ?? '');
}

/** The word that makes a date only rough ("2025年底前后", "到2025年前后", "6月左右"), or null. */
function roughly(text: string, match: Match): string | null {
  const after = text.slice(match.end, match.end + 2);
  if (after === '左右' || after === '前后') return after;
  return match.groups.before && after[0] === '后' ? '后' : null;
}

/** A reading, flagged when the text gives its time only roughly: "about the end of 2025" is no firm deadline. */
function readMatch(match: Match, text: string, ref: SimpleDate | null, phrase: string): Draft | null {
  const draft = readDraft(match, text, ref, phrase);
  const word = draft?.certain ? roughly(text, match) : null;
  return draft && word ? flag(draft, noteRough(`${phrase}${word}`)) : draft;
}

function readDraft(match: Match, text: string, ref: SimpleDate | null, phrase: string): Draft | null {
  if (isStartOrStatus(text, match)) return null;
  if (match.row.unless?.test(text.slice(match.end))) return null;
  const g = match.groups;
  const wholeText = text.trim() === text.slice(match.start, match.end);
  const cued = Boolean(g.cue || g.end || g.before);
  if (match.row.cue === 'required' && !cued && !wholeText) return null;
  const draft = match.row.read(g, { ref, phrase });
  if (!draft || !ref || draft.dueDate === null || draft.dueDate >= ref.iso || wholeText) return draft;
  // Before the reference date: background prose, skipped without a cue word, flagged with one.
  if (match.row.cue === 'optional' && !cued) return null;
  return draft.certain ? flag(draft, noteBeforeReference(phrase, ref)) : draft;
}

/** Where the clause of a phrase runs: from its end to the next phrase or the end of the sentence. */
function clauseAfter(text: string, start: number, nextPhrase: number): string {
  SENTENCE_END.lastIndex = start;
  const sentenceEnd = SENTENCE_END.exec(text)?.index ?? text.length;
  return text.slice(start, Math.min(sentenceEnd, nextPhrase));
}

/** Identical readings count once; unresolved dated ones are told apart by their phrase. */
function dedupe(readings: MilestoneReading[]): MilestoneReading[] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const when = r.dueDate ?? (r.kind === 'dated' ? `?${r.phrase}` : '');
    // Stryker disable next-line StringLiteral: the fields have fixed shapes (dates, kind and recurrence words, true/false), so no two different readings join to the same key without a separator
    const key = [when, r.kind, r.periodStart, r.recurrence, r.quantity, r.certain].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads the milestones of a deadline phrase or a whole task text, in order of appearance. Never throws. */
export function parseDeadlines(text: string, options: ParseOptions = {}): MilestoneReading[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const ref = parseReference(options?.reference);
  const normalized = normalize(text);
  const visible = hideCitations(normalized.text);
  const slice = (start: number, end: number) => text.slice(normalized.from[start], normalized.to[end - 1]);

  const accepted: { match: Match; phrase: string; draft: Draft }[] = [];
  for (const match of findMatches(visible)) {
    const phrase = slice(match.start, match.end);
    const draft = readMatch(match, visible, ref, phrase);
    if (draft) accepted.push({ match, phrase, draft });
  }
  const readings = accepted.map(({ match, phrase, draft }, i) => {
    const clause = clauseAfter(visible, match.end, accepted[i + 1]?.match.start ?? visible.length);
    const quantity = QUANTITY.exec(clause);
    const start = match.end + (quantity?.index ?? 0);
    // "至2020年，全市已建成…": a date whose clause says what has been done is background, not a deadline
    const done = draft.certain && draft.dueDate !== null && draft.kind !== 'recurring' && DONE.test(clause);
    return {
      ...(done ? flag(draft, notePastClause(phrase)) : draft),
      phrase,
      quantity: quantity ? slice(start, start + quantity[0].length) : null,
    };
  });
  return dedupe(readings);
}
