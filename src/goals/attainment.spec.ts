import { attainmentOf, isNumericTarget, parsePeriod, targetsFor } from './attainment.js';
import type { IndicatorTarget } from '../lists/indicators/indicator.entity.js';
import type { Judgement } from './indicator-value.entity.js';

const target = (year: number | null, text: string, value: number | null, scope: string | null = null): IndicatorTarget => ({ year, text, value, scope });

const intensity = { direction: 'lower', targets: [target(2025, '≤0.48吨/万元', 0.48)] };
const rate = { direction: 'higher', targets: [target(2023, '90', 90), target(2025, '95', 95)] };

function value(period: string, v: number | null, text: string | null = null, judgement: Judgement | null = null) {
  return { period, value: v, text, judgement };
}

describe('parsePeriod', () => {
  it('reads a year and a month of a year', () => {
    expect(parsePeriod('2023')).toEqual({ year: 2023, month: null });
    expect(parsePeriod('2024-06')).toEqual({ year: 2024, month: 6 });
  });

  it('refuses a month out of range, a year out of 1990-2100 and other shapes', () => {
    for (const bad of ['2023-13', '2023-00', '1989', '2101', '23', '2023-6', '2023-06-30', '2023年', ' 2023']) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });
});

describe('targetsFor', () => {
  it('takes the target of the same year, else the nearest later year, else undated ones', () => {
    const targets = [target(2023, 'a', 1), target(2025, 'b', 2), target(null, 'c', 3)];
    expect(targetsFor(targets, 2023).map((t) => t.text)).toEqual(['a']);
    expect(targetsFor(targets, 2024).map((t) => t.text)).toEqual(['b']);
    expect(targetsFor(targets, 2020).map((t) => t.text)).toEqual(['a']);
    expect(targetsFor(targets, 2026).map((t) => t.text)).toEqual(['c']);
    expect(targetsFor([target(2025, 'b', 2)], 2026)).toEqual([]);
  });
});

describe('isNumericTarget', () => {
  it('accepts a number with a comparator, a unit of measure or a scope label', () => {
    for (const text of ['≤0.48吨/万元', '88%', '0.0080', '≥ 95 %', '1.47万吨以上', '95%（产废单位）', '产生单位：98', '１００']) {
      expect(isNumericTarget(text)).toBe(true);
    }
  });

  it('treats sentences and words as text targets', () => {
    for (const text of [
      '负增长',
      '满意',
      '全市60%以上产废单位通过收贮运网络体系进行收集',
      '支持全市科研院所和企业等开展3项以上固体废物资源化利用处置关键技术工艺',
      '全市培育认定优质粤菜食材供应基地总数45家，创建省级现代农业产业园10个',
    ]) {
      expect(isNumericTarget(text)).toBe(false);
    }
  });
});

describe('attainmentOf', () => {
  it('meets a lower-is-better target when the value is at or below it', () => {
    expect(attainmentOf({ indicator: intensity, value: value('2023', 0.45) })).toMatchObject({
      targetYear: 2025,
      target: { text: '≤0.48吨/万元', value: 0.48 },
      status: 'met',
      by: 'rule',
    });
    expect(attainmentOf({ indicator: intensity, value: value('2025', 0.48) }).status).toBe('met');
    expect(attainmentOf({ indicator: intensity, value: value('2023-06', 0.52) }).status).toBe('not_met');
  });

  it('meets a higher-is-better target when the value is at or above it, against the target of its own year', () => {
    expect(attainmentOf({ indicator: rate, value: value('2023', 91) })).toMatchObject({ targetYear: 2023, status: 'met' });
    expect(attainmentOf({ indicator: rate, value: value('2024', 91) })).toMatchObject({ targetYear: 2025, status: 'not_met' });
    expect(attainmentOf({ indicator: rate, value: value('2025', 95) }).status).toBe('met');
  });

  it('follows a comparator written in the target over the stored direction', () => {
    const mislabelled = { direction: 'higher', targets: [target(2025, '≤0.48吨/万元', 0.48)] };
    expect(attainmentOf({ indicator: mislabelled, value: value('2025', 0.4) }).status).toBe('met');
    const strict = { direction: 'lower', targets: [target(2025, '<0.48', 0.48)] };
    expect(attainmentOf({ indicator: strict, value: value('2025', 0.48) }).status).toBe('not_met');
  });

  it('tolerates binary rounding at the target itself', () => {
    const indicator = { direction: 'higher', targets: [target(2025, '0.3', 0.3)] };
    expect(attainmentOf({ indicator, value: value('2025', 0.1 + 0.2) }).status).toBe('met');
  });

  it('needs the office for a qualitative indicator, a text target, a target split by scope or a text value', () => {
    const qualitative = { direction: 'qualitative', targets: [target(2023, '满意', null)] };
    expect(attainmentOf({ indicator: qualitative, value: value('2023', null, '满意') })).toMatchObject({
      status: 'needs_judgement',
      by: 'rule',
      targetYear: 2023,
    });
    const sentence = { direction: 'higher', targets: [target(2023, '全市60%以上产废单位通过收贮运网络体系进行收集', 60)] };
    expect(attainmentOf({ indicator: sentence, value: value('2023', 65) }).status).toBe('needs_judgement');
    const scoped = { direction: 'higher', targets: [target(2025, '95%（产废单位）', 95, '产废单位'), target(2025, '100% （经营单位）', 100, '经营单位')] };
    expect(attainmentOf({ indicator: scoped, value: value('2023', 99) })).toMatchObject({
      status: 'needs_judgement',
      target: { text: '95%（产废单位）；100% （经营单位）', value: null },
    });
    expect(attainmentOf({ indicator: intensity, value: value('2023', null, '未统计') }).status).toBe('needs_judgement');
    const unknownDirection = { direction: 'sideways', targets: [target(2025, '5', 5)] };
    expect(attainmentOf({ indicator: unknownDirection, value: value('2025', 5) }).status).toBe('needs_judgement');
  });

  it('reports no target when there is none for the period or later', () => {
    expect(attainmentOf({ indicator: intensity, value: value('2026', 0.3) })).toMatchObject({ status: 'no_target', targetYear: null, target: null });
    expect(attainmentOf({ indicator: { direction: 'higher', targets: [] }, value: value('2023', 1) }).status).toBe('no_target');
  });

  it('lets the office judgement decide, over the rule too', () => {
    const qualitative = { direction: 'qualitative', targets: [target(2023, '满意', null)] };
    expect(attainmentOf({ indicator: qualitative, value: value('2023', null, '基本满意', 'not_met') })).toMatchObject({
      status: 'not_met',
      by: 'office',
      targetYear: 2023,
      target: { text: '满意' },
    });
    expect(attainmentOf({ indicator: intensity, value: value('2023', 0.52, null, 'met') })).toMatchObject({ status: 'met', by: 'office' });
    expect(attainmentOf({ indicator: { direction: 'higher', targets: [] }, value: value('2023', 1, null, 'met') })).toMatchObject({
      status: 'met',
      by: 'office',
    });
  });
});
