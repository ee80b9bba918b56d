import { inferDirection, readIndicatorValues, readMark, unitFromValue } from './indicator-values.js';

describe('indicator values as written', () => {
  it('reads one value with its comparator and unit', () => {
    expect(readIndicatorValues('≤0.48吨/万元', 2025)).toEqual([{ year: 2025, text: '≤0.48吨/万元', value: 0.48, scope: null }]);
    expect(unitFromValue('≤0.48吨/万元')).toBe('吨/万元');
    expect(unitFromValue('86.69%')).toBe('%');
  });

  it('splits targets that apply to different scopes, in both ways the documents write them', () => {
    expect(readIndicatorValues('95%（产废单位）、100% （经营单位）', 2025)).toEqual([
      { year: 2025, text: '95%（产废单位）', value: 95, scope: '产废单位' },
      { year: 2025, text: '100% （经营单位）', value: 100, scope: '经营单位' },
    ]);
    expect(readIndicatorValues('产生单位：98；经营单位：100', 2023)).toEqual([
      { year: 2023, text: '产生单位：98', value: 98, scope: '产生单位' },
      { year: 2023, text: '经营单位：100', value: 100, scope: '经营单位' },
    ]);
  });

  it('keeps text values such as 未统计 and 待…补充 with no number', () => {
    expect(readIndicatorValues('待市财政局补充数据', 2023)).toEqual([{ year: 2023, text: '待市财政局补充数据', value: null, scope: null }]);
    expect(readIndicatorValues('', 2023)).toEqual([]);
  });

  it('takes ★ as mandatory and ☆ as local off the name', () => {
    expect(readMark('绿色矿山建成率★')).toEqual({ name: '绿色矿山建成率', mark: 'mandatory' });
    expect(readMark('畜禽粪污综合利用率☆')).toEqual({ name: '畜禽粪污综合利用率', mark: 'local' });
    expect(readMark('绿色工厂数量')).toEqual({ name: '绿色工厂数量', mark: null });
  });

  it('infers whether more is better from the target, then the name, then the numbers', () => {
    const t = (text: string) => readIndicatorValues(text, 2025);
    expect(inferDirection('工业固体废物产生强度', 0.49, t('≤0.48吨/万元'))).toBe('lower');
    expect(inferDirection('综合利用率', 86.69, t('88%以上'))).toBe('higher');
    expect(inferDirection('一般工业固体废物产生强度', 0.078, t('0.078'))).toBe('lower');
    expect(inferDirection('某指标', 10, t('8'))).toBe('lower');
    expect(inferDirection('投资总额', null, t('待市财政局补充数据'))).toBe('qualitative');
  });
});
