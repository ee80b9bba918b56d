import fc from 'fast-check';
import { parseDeadlines } from './deadline-parser.js';
import type { MilestoneReading } from './milestone-reading.js';

// Properties of the deadline parser over generated texts. Expected dates come from the calendar worked out here by
// hand (month lengths, the Gregorian leap rule), never from the parser itself.

const RUNS = { numRuns: 100 };

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in a month, by the rhyme: thirty days have September, April, June and November; February 28, 29 in leap years. */
const daysIn = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const iso = (y: number, m: number, d: number) => `${y}-${two(m)}-${two(d)}`;

/** Is `s` a real calendar date written YYYY-MM-DD? Checked by hand, not with Date (which rolls 02-30 over). */
function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

function certainDated(phrase: string, dueDate: string): MilestoneReading {
  return { dueDate, kind: 'dated', periodStart: null, recurrence: null, quantity: null, phrase, certain: true, note: null };
}

// The parser reads years 1900–2099 ("(19|20)\d{2}").
const year = fc.integer({ min: 1900, max: 2099 });
const month = fc.integer({ min: 1, max: 12 });
const yearMonth = fc.tuple(year, month);
const yearMonthDay = yearMonth.chain(([y, m]) => fc.tuple(fc.constant(y), fc.constant(m), fc.integer({ min: 1, max: daysIn(y, m) })));

/** Prose with no digits, no Chinese numerals and no period words: nothing in it names a date. */
const FILLER = [...'推进建设完成工作全市开展的和与及对企业单位废物利用处置能力提升管理体系城市无废绿色'];
const filler = fc.string({ unit: fc.constantFrom(...FILLER), maxLength: 12 });

/** Cue and date words plus prose and ASCII, but no digit and no 十: no year can be spelled with these. */
const YEARLESS_UNITS = [
  ...FILLER,
  ...'到至于在前底末内年月日号季度半上下每按今明本当起自从截止以后来开始长期持续常态化尽快适时近一二三四首第个',
  ...'abcxyz -,.;:!?()/',
  '，',
  '。',
  '；',
  '、',
  '（',
  '）',
  '《',
  '》',
  '“',
  '”',
];
const yearlessText = fc.string({ unit: fc.constantFrom(...YEARLESS_UNITS), maxLength: 40 });

/** Any mix of date material and prose: digits, full-width digits, cue words, punctuation. */
const ANY_UNITS = [...YEARLESS_UNITS, ...'0123456789０１２３４５６７８９〇十五六七八九-/'];
const dateDenseText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...ANY_UNITS), maxLength: 40 }),
  // texts that surely contain dates: year-like numbers among the cue words
  fc
    .array(fc.oneof(fc.constantFrom(...YEARLESS_UNITS), year.map(String), fc.integer({ min: 1, max: 31 }).map(String)), {
      maxLength: 20,
    })
    .map((parts) => parts.join('')),
);

/** The digits of a normalized phrase (full-width → ASCII, Chinese year numerals → digits, spaces dropped). */
function digitsOf(phrase: string): string {
  const chinese: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  return [...phrase]
    .map((c) => (c >= '０' && c <= '９' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : (chinese[c] ?? c)))
    .join('')
    .replace(/\s/g, '');
}

describe('parseDeadlines (properties)', () => {
  describe('it never answers a certain date it did not read', () => {
    it('gives no due date at all for text that spells no year, when there is no reference date', () => {
      fc.assert(
        fc.property(yearlessText, (text) => {
          for (const r of parseDeadlines(text)) {
            expect(r.dueDate).toBeNull();
          }
        }),
        RUNS,
      );
    });

    it('ties every certain date, without a reference date, to a year written in its own phrase', () => {
      fc.assert(
        fc.property(dateDenseText, (text) => {
          for (const r of parseDeadlines(text)) {
            if (!r.certain || r.dueDate === null) continue;
            const dueYear = r.dueDate.slice(0, 4);
            const fiveYearPlan = r.kind === 'period' && /十[三四五六]五/.test(r.phrase);
            if (!fiveYearPlan) expect(digitsOf(r.phrase)).toContain(dueYear);
          }
        }),
        RUNS,
      );
    });

    it('keeps every phrase as written in the input, and answers only real calendar dates, each period starting before it ends', () => {
      fc.assert(
        fc.property(
          dateDenseText,
          fc.option(
            yearMonthDay.map(([y, m, d]) => iso(y, m, d)),
            { nil: undefined },
          ),
          (text, reference) => {
            for (const r of parseDeadlines(text, { reference })) {
              expect(text).toContain(r.phrase);
              expect(r.phrase.length).toBeGreaterThan(0);
              if (r.dueDate !== null) expect(isCalendarDate(r.dueDate)).toBe(true);
              if (r.periodStart !== null) {
                expect(isCalendarDate(r.periodStart)).toBe(true);
                expect(r.periodStart <= (r.dueDate ?? '')).toBe(true);
              }
              // a reading is certain exactly when it has no note for the office
              expect(r.certain).toBe(r.note === null);
            }
          },
        ),
        RUNS,
      );
    });

    it('never reads a date followed by 以后/之后/后/起/以来/开始 (a start, not a deadline) as a milestone on that date', () => {
      const phrase = fc.oneof(
        year.map((y) => ({ text: `${y}年底`, due: iso(y, 12, 31) })),
        yearMonth.map(([y, m]) => ({ text: `${y}年${m}月底`, due: iso(y, m, daysIn(y, m)) })),
        yearMonthDay.map(([y, m, d]) => ({ text: `${y}年${m}月${d}日`, due: iso(y, m, d) })),
        year.map((y) => ({ text: `到${y}年`, due: iso(y, 12, 31) })),
      );
      const start = fc.constantFrom('以后', '之后', '后', '起', '以来', '开始');
      fc.assert(
        fc.property(filler, phrase, start, filler, (before, p, word, after) => {
          const readings = parseDeadlines(`${before}${p.text}${word}${after}`);
          expect(readings.filter((r) => r.dueDate === p.due)).toEqual([]);
        }),
        RUNS,
      );
    });

    it('never reads a date followed by 前后/左右 ("about then") as a certain deadline', () => {
      const phrase = fc.oneof(
        year.map((y) => ({ text: `${y}年底`, due: iso(y, 12, 31) })),
        yearMonth.map(([y, m]) => ({ text: `${y}年${m}月底`, due: iso(y, m, daysIn(y, m)) })),
        yearMonthDay.map(([y, m, d]) => ({ text: `${y}年${m}月${d}日`, due: iso(y, m, d) })),
        year.map((y) => ({ text: `到${y}年`, due: iso(y, 12, 31) })),
      );
      fc.assert(
        fc.property(filler, phrase, fc.constantFrom('前后', '左右'), filler, (before, p, word, after) => {
          const readings = parseDeadlines(`${before}${p.text}${word}${after}`);
          expect(readings.filter((r) => r.dueDate === p.due && r.certain)).toEqual([]);
        }),
        RUNS,
      );
    });

    it('reads a known phrase the same way whatever prose follows it after a comma', () => {
      fc.assert(
        fc.property(year, filler, (y, after) => {
          expect(parseDeadlines(`${y}年底前，${after}`)[0]).toEqual(certainDated(`${y}年底前`, iso(y, 12, 31)));
        }),
        RUNS,
      );
    });
  });

  describe('year and month ends', () => {
    it('reads "YYYY年底前" as the 31st of December of that year, with certainty, the phrase kept', () => {
      fc.assert(
        fc.property(year, (y) => {
          expect(parseDeadlines(`${y}年底前`)).toEqual([certainDated(`${y}年底前`, `${y}-12-31`)]);
        }),
        RUNS,
      );
    });

    it('reads "YYYY年底前" in a task text as the end of that year even when written with full-width digits and spaces', () => {
      const fullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
      fc.assert(
        fc.property(year, fc.boolean(), fc.constantFrom('', ' ', '　'), filler, (y, wide, space, rest) => {
          const written = `${wide ? fullWidth(String(y)) : y}${space}年底前`;
          expect(parseDeadlines(`${written}${rest}`)).toEqual([certainDated(written, `${y}-12-31`)]);
        }),
        RUNS,
      );
    });

    it('reads "YYYY年M月底前" as the last day of that month, 29 February in leap years only', () => {
      fc.assert(
        fc.property(yearMonth, ([y, m]) => {
          expect(parseDeadlines(`${y}年${m}月底前`)).toEqual([certainDated(`${y}年${m}月底前`, iso(y, m, daysIn(y, m)))]);
        }),
        RUNS,
      );
    });

    it('reads the end of February by the Gregorian leap rule (1900 no, 2000 yes, 2023 no, 2024 yes)', () => {
      expect(parseDeadlines('1900年2月底前')[0].dueDate).toBe('1900-02-28');
      expect(parseDeadlines('2000年2月底前')[0].dueDate).toBe('2000-02-29');
      expect(parseDeadlines('2024年2月底前')[0].dueDate).toBe('2024-02-29');
      expect(parseDeadlines('2023年2月底前')[0].dueDate).toBe('2023-02-28');
    });

    it('reads "YYYY年M月D日前" as that day when it exists and as nothing when it does not', () => {
      fc.assert(
        fc.property(yearMonth, fc.integer({ min: 1, max: 31 }), ([y, m], d) => {
          const text = `${y}年${m}月${d}日前`;
          const expected = d <= daysIn(y, m) ? [certainDated(text, iso(y, m, d))] : [];
          expect(parseDeadlines(text)).toEqual(expected);
        }),
        RUNS,
      );
    });

    it('reads a year-end written in Chinese numerals like the same year in digits', () => {
      const numerals = '〇一二三四五六七八九';
      fc.assert(
        fc.property(year, (y) => {
          const written = `${[...String(y)].map((c) => numerals[Number(c)]).join('')}年底前`;
          expect(parseDeadlines(written)).toEqual([certainDated(written, `${y}-12-31`)]);
        }),
        RUNS,
      );
    });

    it('reads a date spelled in Chinese numerals as that calendar date, or as nothing when the day does not exist', () => {
      const numerals = '〇一二三四五六七八九';
      const chineseUpTo99 = (n: number) => (n < 10 ? numerals[n] : `${n >= 20 ? numerals[Math.floor(n / 10)] : ''}十${n % 10 ? numerals[n % 10] : ''}`);
      fc.assert(
        // the Chinese day numeral can spell 1 to 39; days past the month's end must read as no date at all
        fc.property(yearMonth, fc.integer({ min: 1, max: 39 }), ([y, m], d) => {
          const written = `${[...String(y)].map((c) => numerals[Number(c)]).join('')}年${chineseUpTo99(m)}月${chineseUpTo99(d)}日`;
          const expected = d <= daysIn(y, m) ? [certainDated(written, iso(y, m, d))] : [];
          expect(parseDeadlines(written)).toEqual(expected);
        }),
        RUNS,
      );
    });
  });

  describe('several dated clauses', () => {
    it('gives one milestone per dated clause, in the order written, each with its own quantity', () => {
      const clauses = fc.uniqueArray(fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999 })), {
        minLength: 1,
        maxLength: 5,
        selector: ([y]) => y,
      });
      fc.assert(
        fc.property(clauses, filler, (list, prose) => {
          const text = list.map(([y, n]) => `到${y}年，${prose}新增${n}个`).join('；');
          expect(parseDeadlines(text)).toEqual(list.map(([y, n]) => ({ ...certainDated(`到${y}年`, `${y}-12-31`), quantity: `${n}个` })));
        }),
        RUNS,
      );
    });

    it('keeps a past deadline with a cue word but flags it, and a later one certain', () => {
      fc.assert(
        fc.property(fc.integer({ min: 2001, max: 2098 }), (ref) => {
          const readings = parseDeadlines(`到${ref - 1}年底前完成方案，到${ref + 1}年底前完成验收`, { reference: `${ref}-01-01` });
          expect(readings.map((r) => [r.dueDate, r.certain])).toEqual([
            [`${ref - 1}-12-31`, false],
            [`${ref + 1}-12-31`, true],
          ]);
        }),
        RUNS,
      );
    });
  });

  describe('recurring duties', () => {
    it('reads "每月D日前" as due on day D (or the month end) of the first month on or after the reference', () => {
      fc.assert(
        fc.property(yearMonthDay, fc.integer({ min: 1, max: 31 }), ([y, m, d], day) => {
          const [r] = parseDeadlines(`每月${day}日前报送`, { reference: iso(y, m, d) });
          // this month if its day D (capped at the month end) is not yet past, else next month
          const thisMonth = iso(y, m, Math.min(day, daysIn(y, m)));
          const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
          const expected = thisMonth >= iso(y, m, d) ? thisMonth : iso(ny, nm, Math.min(day, daysIn(ny, nm)));
          expect(r).toMatchObject({ kind: 'recurring', recurrence: 'monthly', dueDate: expected, certain: true });
        }),
        RUNS,
      );
    });

    it('reads "每季度" as due at the end of the quarter the reference falls in', () => {
      fc.assert(
        fc.property(yearMonthDay, ([y, m, d]) => {
          const quarterEnd = Math.ceil(m / 3) * 3;
          const [r] = parseDeadlines('每季度报送', { reference: iso(y, m, d) });
          expect(r.dueDate).toBe(iso(y, quarterEnd, daysIn(y, quarterEnd)));
        }),
        RUNS,
      );
    });
  });
});
