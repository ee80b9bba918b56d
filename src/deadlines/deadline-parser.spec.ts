import { parseDeadlines } from './deadline-parser.js';
import type { MilestoneReading } from './milestone-reading.js';

// Builders for the expected readings, so each table row reads like the milestone it expects.
const plain = { periodStart: null, recurrence: null, quantity: null, certain: true, note: null } as const;

function dated(phrase: string, dueDate: string, quantity: string | null = null): MilestoneReading {
  return { ...plain, kind: 'dated', phrase, dueDate, quantity };
}
function period(phrase: string, periodStart: string, dueDate: string, quantity: string | null = null): MilestoneReading {
  return { ...plain, kind: 'period', phrase, periodStart, dueDate, quantity };
}
function recurring(phrase: string, recurrence: MilestoneReading['recurrence'], dueDate: string | null, quantity: string | null = null): MilestoneReading {
  const note = dueDate ? null : '周期性要求，缺少参照日期，无法推算下一次到期日';
  return { ...plain, kind: 'recurring', phrase, recurrence, dueDate, quantity, certain: dueDate !== null, note };
}
function ongoing(phrase: string): MilestoneReading {
  return { ...plain, kind: 'ongoing', phrase, dueDate: null };
}
function flagged(phrase: string, dueDate: string | null, note: string, quantity: string | null = null): MilestoneReading {
  return { ...plain, kind: 'dated', phrase, dueDate, quantity, certain: false, note };
}
const NO_YEAR = '缺少年份，需参照日期';
const BEFORE_2025 = '“2025年前”可理解为2024年底或2025年底，请确认';

interface Row {
  text: string;
  reference?: string;
  expected: MilestoneReading[];
}

// Phrases copied verbatim from the seed documents (the plans' source documents, as transcribed in seeds/); the comment names the file.
const SEED_PHRASES: Row[] = [
  // 000: Jiangmen reply
  { text: '推动项目 2023 年底前完成验收并投入运营', expected: [dated('2023 年底前', '2023-12-31')] }, // 000
  { text: '我市是国家“十四五”时期和广东省“无废城市”建设城市', expected: [period('“十四五”时期', '2021-01-01', '2025-12-31')] }, // 000
  { text: '预计今年年底建成“无废园区”', reference: '2023-08-01', expected: [dated('今年年底', '2023-12-31')] }, // 000
  { text: '2023年以来，我市高度重视“无废城市细胞”工程建设', expected: [] }, // 000
  { text: '二是加强资金支持，积极争取到200万元省级财政专项资金', expected: [] }, // 000
  // 001: Jiangyin work plan
  { text: '到2025年,建成“无废城市”。', expected: [dated('到2025年', '2025-12-31')] }, // 001
  { text: '推广快递业绿色包装应用,到2025年,实现同城快递环境友好型包装材料全面应用', expected: [dated('到2025年', '2025-12-31')] }, // 001
  { text: '到2025年,全市生活垃圾分类实现全覆盖', expected: [dated('到2025年', '2025-12-31')] }, // 001
  {
    text: '到2025年,全市农药包装废弃物回收覆盖率达到100%,无害化处理率达到100%,废旧农膜基本实现全回收', // 001
    expected: [dated('到2025年', '2025-12-31', '100%')],
  },
  { text: '到2025年,城市生活垃圾回收利用率达到40%以上', expected: [dated('到2025年', '2025-12-31', '40%以上')] }, // 001
  { text: '到2025年,畜禽粪污和秸秆综合利用率均达到95%以上', expected: [dated('到2025年', '2025-12-31', '95%以上')] }, // 001
  {
    text: '到2023年,因地制宜推进建设厨余垃圾、秸秆、园林废弃物、淤泥等有机废弃物的区域性收集转运和利用处置体系。到2025年,建立财政资金引导、社会资本为主的多元化市场运作模式', // 001
    expected: [dated('到2023年', '2023-12-31'), dated('到2025年', '2025-12-31')],
  },
  { text: '力争到2025年土壤污染基本达到“严控增量、削减存量”的总体目标', expected: [dated('到2025年', '2025-12-31')] }, // 001
  {
    text: '建设期间,每年年底前,各类固体废物的责任部门和各镇(街、园)对“无废城市”建设总体情况、主要做法、成效、存在问题及建议等进行年度总结', // 001
    reference: '2022-06-01',
    expected: [recurring('每年年底前', 'yearly', '2022-12-31')],
  },
  {
    text: '2023年底前完成江阴市“无废城市”建设中期评估,2025年底前根据江苏省及无锡市要求完成“十四五”时期“无废城市”建设总结评估', // 001
    expected: [dated('2023年底前', '2023-12-31'), dated('2025年底前', '2025-12-31'), period('“十四五”时期', '2021-01-01', '2025-12-31')],
  },
  { text: '持续推进化工等产废密集型产业园区提档升级', expected: [ongoing('持续推进')] }, // 001
  // annual targets are a thing defined, not a duty repeated each year
  { text: '按照实施方案细化确定年度指标、工程等重点任务', reference: '2022-06-01', expected: [] }, // 001
  {
    text: '对列入工业和信息化部《限期淘汰产生严重污染环境的工业固体废物的落后生产工艺设备名录》(2021年第25号公告)的,严格限期退出', // 001
    expected: [],
  },
  {
    text: '大力发展装配式建筑,到2025年,城镇新建民用建筑全部按照二星及以上绿色建筑标准设计建造,装配式建筑占同期新开工建筑面积比例达到50%以上', // 001
    expected: [dated('到2025年', '2025-12-31', '50%以上')],
  },
  // 002: Foshan pilot plan
  {
    text: '到2023年底，推动打造季华实验室、仙湖实验室等平台，推进节能环保、新能源、智能制造、工业行业降碳等技术研发和集成。', // 002
    expected: [dated('到2023年底', '2023-12-31')],
  },
  { text: '全面实施绿色开采，到2023年底，全市绿色矿山建成率达到100%。', expected: [dated('到2023年底', '2023-12-31', '100%')] }, // 002
  {
    text: '2023年底，建立覆盖全市、服务广佛同城经济圈的小微源危险废物集中收集网络。2025年底，危险废物集中收集转运体系制度日趋完善', // 002
    expected: [dated('2023年底', '2023-12-31'), dated('2025年底', '2025-12-31')],
  },
  {
    text: '2023年底，全市危险废物利用处置能力不小于100万吨/年，覆盖全市95%以上产废种类需求；2025年底，全市危险废物处置量的80%可实现市内闭环管理。', // 002
    expected: [dated('2023年底', '2023-12-31', '不小于100万吨/年'), dated('2025年底', '2025-12-31', '80%')],
  },
  { text: '“十四五”期间实现原生生活垃圾“全焚烧、零填埋”。', expected: [period('“十四五”期间', '2021-01-01', '2025-12-31')] }, // 002
  {
    text: '2022年底前，建成佛山市“无废城市”服务管理平台（一期），重点对危险废物集中收集单位和经营单位进行监管。', // 002
    expected: [dated('2022年底前', '2022-12-31')],
  },
  { text: '于2022年6月底前报送佛山市无废办', expected: [dated('于2022年6月底前', '2022-06-30')] }, // 002
  {
    text: '每年对全市固体废物管理、环境监察、环境影响评价、排污许可监督管理工作人员开展固体废物管理业务培训', // 002
    reference: '2023-03-15',
    expected: [recurring('每年', 'yearly', '2023-12-31')],
  },
  {
    text: '尽快形成焚烧为主、应烧尽烧、减量填埋的可持续无害化处置的保障能力', // 002
    expected: [flagged('尽快', null, '“尽快”未给出具体期限，请确认')],
  },
  { text: '持续推进“粤菜师傅”工程高质量发展', expected: [ongoing('持续推进')] }, // 002
  // a yearly quantity to secure, not a duty repeated each year
  { text: '保障佛山市每年生猪基本供应量，进一步提升畜禽粪污综合利用率', reference: '2021-01-01', expected: [] }, // 002
  { text: '善用地方立法权，健全固体废物污染环境防治长效机制', expected: [ongoing('长效')] }, // 002
  { text: '制定《佛山市“菜篮子”工程建设规划（2021—2025年）》，持续提升“菜篮子”基地数量', expected: [] }, // 002
  { text: '试点基准年为2020年', expected: [] }, // 002
  { text: '争取纳入“十四五”国家“无废城市”建设', expected: [] }, // 002
  {
    text: '2.试点目标：到2023年，全市工业固体废物和生活垃圾减量化资源化水平全面提升', // 002
    expected: [dated('到2023年', '2023-12-31')],
  },
  // 003: Jiangjin 14th-five-year plan
  {
    text: '到2023年，新增绿色工厂3个，到2025年，新增绿色工厂10个，力争创建绿色园区1个。', // 003
    expected: [dated('到2023年', '2023-12-31', '3个'), dated('到2025年', '2025-12-31', '10个')],
  },
  { text: '到2025年，工业固体废物产生强度≤0.48吨/万元', expected: [dated('到2025年', '2025-12-31', '≤0.48吨/万元')] }, // 003
  { text: '至2025年，工业固体废物产生强度≤0.48吨/万元。', expected: [dated('至2025年', '2025-12-31', '≤0.48吨/万元')] }, // 003
  { text: '至2025年，一般工业固体废物综合利用率达到88%以上。', expected: [dated('至2025年', '2025-12-31', '88%以上')] }, // 003
  {
    text: '至2025年，危险废物规范化管理抽查合格率达到95%（产废单位）、100% （经营单位）。', // 003
    expected: [dated('至2025年', '2025-12-31', '95%（产废单位）、100% （经营单位）')],
  },
  {
    text: '“十四五”期间，强制性清洁生产工业企业完成率稳定100%。', // 003
    expected: [period('“十四五”期间', '2021-01-01', '2025-12-31', '100%')],
  },
  {
    text: '2025年底前，对江津区现存未治理废弃矿山按照生态修复工作要求全部“销账归零”。到2022年底前，完成10座其他生产矿山绿色建设。2025年底前，完成5个绿色矿山建设。', // 003
    expected: [dated('2025年底前', '2025-12-31'), dated('到2022年底前', '2022-12-31', '10座'), dated('2025年底前', '2025-12-31', '5个')],
  },
  { text: '到2025年，完成1个生态工业园区或“无废园区”建设', expected: [dated('到2025年', '2025-12-31', '1个')] }, // 003
  {
    text: '2022年底前建设水泥窑协同处置一般固废项目（二期），2025年建成粉煤灰和脱硫石膏再生利用项目。', // 003
    expected: [dated('2022年底前', '2022-12-31'), dated('2025年', '2025-12-31')],
  },
  { text: '于2025年底实施报废汽车回收项目，延伸报废汽车资源化产业链。', expected: [dated('于2025年底', '2025-12-31')] }, // 003
  { text: '到2025年，一般工业固体废物综合利用率力争达到88%', expected: [dated('到2025年', '2025-12-31', '88%')] }, // 003
  {
    text: '在2025年前建设江津区固体废弃物综合利用基地，实施危险废物的无害化处置；完成铝灰和含油金属屑综合利用项目建设。', // 003
    expected: [flagged('在2025年前', '2025-12-31', BEFORE_2025)],
  },
  {
    text: '在2025年前扩建江津区医疗废物处置中心，新建1条高温蒸煮生产线', // 003
    expected: [flagged('在2025年前', '2025-12-31', BEFORE_2025, '1条')],
  },
  {
    text: '每年定期组织召开全区固体废物环境管理工作会', // 003
    reference: '2022-01-10',
    expected: [recurring('每年', 'yearly', '2022-12-31')],
  },
  {
    text: '到2025年，实现固体废物管理信息系统企事业单位覆盖率达到95%。', // 003
    expected: [dated('到2025年', '2025-12-31', '95%')],
  },
  {
    text: '“十四五”期间，江津区拟投资62350万元，共开展13个工业固体废物项目建设', // 003
    expected: [period('“十四五”期间', '2021-01-01', '2025-12-31', '62350万元')],
  },
  {
    text: '建设时限为2021年至2025年，以2020年为基准年，展望至2035年。', // 003
    expected: [period('2021年至2025年', '2021-01-01', '2025-12-31'), dated('至2035年', '2035-12-31')],
  },
  { text: '——到2035年，工业固体废物管理水平达到国内领先', expected: [dated('到2035年', '2035-12-31')] }, // 003
  {
    text: '“十三五”期间，我区一般工业固体废物产生量逐渐增加且资源化利用率相对较高', // 003
    expected: [period('“十三五”期间', '2016-01-01', '2020-12-31')],
  },
  {
    text: '深入实施“中国制造2025”、“重庆市绿色制造2025”，促进造纸、汽车、电子、化工、铸造、建材、有色、涂装、包装印刷、印染等行业的升级改造和绿色转型', // 003
    expected: [],
  },
  {
    text: '贯彻落实《国家危险废物名录》（2021年版）和《一般固体废物分类与代码》（GB/T39198-2020）要求', // 003
    expected: [],
  },
  {
    text: '自2022年起，推进年产生量100吨及以上的一般工业固体废物产生企业建立工业固体废物管理电子月台账', // 003
    expected: [],
  },
  { text: '适时调整优化江津工业园区未来发展重心', expected: [flagged('适时', null, '“适时”未给出具体期限，请确认')] }, // 003
  // a yearly assessment system the results feed into: no duty of the item's own
  { text: '抽查结果纳入街镇年度绩效考核指标体系', reference: '2022-01-10', expected: [] }, // 003
  {
    text: '每年完成2件以上的赔偿案件', // 003
    reference: '2022-01-10',
    expected: [recurring('每年', 'yearly', '2022-12-31', '2件以上')],
  },
  { text: '2025', expected: [dated('2025', '2025-12-31')] }, // 003, project table, 完成时限
  { text: '2022', expected: [dated('2022', '2022-12-31')] }, // 003, project table, 完成时限
  { text: '2020年，江津区实现地区生产总值（GDP）1109.4亿元', expected: [] }, // 003
  {
    text: '2021年，生态环境部印发了《“十四五”全国危险废物规范化环境管理评估工作方案》', // 003
    expected: [],
  },
  { text: '2017—2020年，江津区危险废物产生量持续上升', reference: '2022-01-01', expected: [] }, // 003
  { text: '持续推进绿色矿山建设', expected: [ongoing('持续推进')] }, // 003
  { text: '危险废物规范化管理年度市级督察考核评级达到A级', reference: '2021-01-01', expected: [] }, // 003
  {
    text: '至2020年，我区800多家工业固体废物产生单位和利用处置单位完成系统注册并使用', // 003, background before the plan
    reference: '2021-01-01',
    expected: [flagged('至2020年', '2020-12-31', '“至2020年”早于参照日期（2021-01-01），可能是对已有情况的描述，不是新的期限，请确认', '800多家')],
  },
  {
    text: '2022年以巩固提升重点行业危险废物规范化管理为重点，持续开展打击危险废物环境违法犯罪专项行动', // 003
    reference: '2021-01-01',
    expected: [ongoing('持续开展')],
  },
  {
    text: '提高工业危险废物资源化利用能力，适时引进先进的管理模式及技术', // 003
    expected: [flagged('适时', null, '“适时”未给出具体期限，请确认')],
  },
  // 004: Shaoxing briefing
  {
    text: '预计到12月底，本年度参保企业达60余家', // 004
    reference: '2020-12-01',
    expected: [dated('到12月底', '2020-12-31', '60余家')],
  },
  { text: '截至 11 月底，全市累计开工装配式建筑 3080 万平方米', reference: '2020-12-01', expected: [] }, // 004
  { text: '于今年12月10日起正式实施', reference: '2020-12-01', expected: [] }, // 004
  {
    text: '10月16日进行清运，10月18日项目两条生产线正式进入施工阶段，12月3日项目基本完工', // 004, a report of past days
    reference: '2020-12-01',
    expected: [],
  },
  { text: '3、市无废办近日印发《关于开展2020年度“无废城市”建设试点年度自评工作的通知》', expected: [] }, // 004
];

describe('parseDeadlines', () => {
  describe('real phrases from the seed documents', () => {
    it.each(SEED_PHRASES)('reads "$text" as the office would', ({ text, reference, expected }) => {
      expect(parseDeadlines(text, { reference })).toEqual(expected);
    });
  });

  describe('year ends and month ends', () => {
    it.each([
      ['2022年底前', dated('2022年底前', '2022-12-31')],
      ['2025年底', dated('2025年底', '2025-12-31')],
      ['截止2025年底', dated('截止2025年底', '2025-12-31')],
      ['2023年内完成', dated('2023年内', '2023-12-31')],
      ['2023年6月底前', dated('2023年6月底前', '2023-06-30')],
      ['2023年6月前', dated('2023年6月前', '2023-06-30')],
      ['2024年2月', dated('2024年2月', '2024-02-29')],
      ['2023年3月1日', dated('2023年3月1日', '2023-03-01')],
      ['2023-06-30', dated('2023-06-30', '2023-06-30')],
      ['2025年', dated('2025年', '2025-12-31')],
    ])('reads %s as a dated milestone', (text, reading) => {
      expect(parseDeadlines(text)).toEqual([reading]);
    });

    it('reads halves and quarters of a given year', () => {
      expect(parseDeadlines('2023年上半年完成，2023年第三季度末验收，2024年四季度投运')).toEqual([
        dated('2023年上半年', '2023-06-30'),
        dated('2023年第三季度末', '2023-09-30'),
        dated('2024年四季度', '2024-12-31'),
      ]);
    });
  });

  describe('five-year plans', () => {
    it.each([
      ['“十四五”期间', '2021-01-01', '2025-12-31'],
      ['十四五时期', '2021-01-01', '2025-12-31'],
      ['“十四五”末', '2021-01-01', '2025-12-31'],
      ['十四五', '2021-01-01', '2025-12-31'],
      ['“十三五”期间', '2016-01-01', '2020-12-31'],
      ['“十五五”时期', '2026-01-01', '2030-12-31'],
    ])('reads %s as the period %s to %s', (text, start, end) => {
      expect(parseDeadlines(text)).toEqual([period(text, start, end)]);
    });

    it('does not read a five-year plan used as an adjective', () => {
      expect(parseDeadlines('江津区“十四五”工业固体废物污染环境防治具体指标')).toEqual([]);
    });
  });

  describe('real-world variety in writing', () => {
    it('reads full-width digits and keeps the phrase and quantity as written', () => {
      expect(parseDeadlines('到２０２３年，新增绿色工厂３个')).toEqual([dated('到２０２３年', '2023-12-31', '３个')]);
    });

    it('reads full-width punctuation and percent signs', () => {
      expect(parseDeadlines('２０２５年底前，覆盖率达到９５％；')).toEqual([dated('２０２５年底前', '2025-12-31', '９５％')]);
    });

    it('reads dates with stray spaces', () => {
      expect(parseDeadlines('2024 年底前')).toEqual([dated('2024 年底前', '2024-12-31')]);
      expect(parseDeadlines('2024年 6 月')).toEqual([dated('2024年 6 月', '2024-06-30')]);
      expect(parseDeadlines('２０２４　年底前')).toEqual([dated('２０２４　年底前', '2024-12-31')]);
    });

    it('reads Chinese numerals in years, months and days', () => {
      expect(parseDeadlines('二〇二三年')).toEqual([dated('二〇二三年', '2023-12-31')]);
      expect(parseDeadlines('二〇二五年底前')).toEqual([dated('二〇二五年底前', '2025-12-31')]);
      expect(parseDeadlines('二零二四年十二月')).toEqual([dated('二零二四年十二月', '2024-12-31')]);
      expect(parseDeadlines('二〇二三年三月三十一日前')).toEqual([dated('二〇二三年三月三十一日前', '2023-03-31')]);
      expect(parseDeadlines('十二月底前', { reference: '2024-03-01' })).toEqual([dated('十二月底前', '2024-12-31')]);
    });

    it('reads a range of years as a period', () => {
      expect(parseDeadlines('2021-2022年')).toEqual([period('2021-2022年', '2021-01-01', '2022-12-31')]);
      expect(parseDeadlines('2021—2025年')).toEqual([period('2021—2025年', '2021-01-01', '2025-12-31')]);
      expect(parseDeadlines('从2021年到2025年')).toEqual([period('2021年到2025年', '2021-01-01', '2025-12-31')]);
    });

    it('reads a range of days as a period', () => {
      expect(parseDeadlines('2023年3月1日至3月31日')).toEqual([period('2023年3月1日至3月31日', '2023-03-01', '2023-03-31')]);
    });

    it.each([
      ['10月8日—10月9日', '2021-10-08', '2021-10-09'],
      ['2021年10月8—10月9日', '2021-10-08', '2021-10-09'],
      ['2021年10月8日—11月9日', '2021-10-08', '2021-11-09'],
    ])('reads the day range %s as due on its last day, not at the month end', (text, start, end) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([period(text, start, end)]);
    });

    it.each([
      ['2021年9月—12月', '2021-09-01', '2021-12-31'],
      ['2021年9月至2022年6月底', '2021-09-01', '2022-06-30'],
    ])('reads the month range %s as due at the end of its last month', (text, start, end) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([period(text, start, end)]);
    });

    it('does not read a yearless day range told in prose without a cue word', () => {
      expect(parseDeadlines('10月16日至18日进行清运，12月3日项目基本完工', { reference: '2020-12-01' })).toEqual([]);
    });

    it('keeps a range in a whole cell even when it is already past', () => {
      expect(parseDeadlines('2021-2022年', { reference: '2024-01-01' })).toEqual([period('2021-2022年', '2021-01-01', '2022-12-31')]);
    });
  });

  describe('recurring duties', () => {
    it.each([
      ['每年开展', '2024-08-10', recurring('每年', 'yearly', '2024-12-31')],
      ['年度报告', '2024-08-10', recurring('年度', 'yearly', '2024-12-31')],
      ['每半年报告一次', '2024-03-10', recurring('每半年', 'half-yearly', '2024-06-30')],
      ['每半年报告一次', '2024-08-10', recurring('每半年', 'half-yearly', '2024-12-31')],
      ['每季度调度', '2024-08-10', recurring('每季度', 'quarterly', '2024-09-30')],
      ['每月报送', '2024-02-10', recurring('每月', 'monthly', '2024-02-29')],
      ['每年', '2024-12-31', recurring('每年', 'yearly', '2024-12-31')],
    ])('reads %s against reference %s as due at the end of the current period', (text, reference, reading) => {
      expect(parseDeadlines(text, { reference })).toEqual([reading]);
    });

    it('flags a recurring duty without a reference date', () => {
      expect(parseDeadlines('每年开展')).toEqual([recurring('每年', 'yearly', null)]);
    });

    it("does not read a specific year's 年度 as recurring", () => {
      expect(parseDeadlines('2020年度考核，本年度参保')).toEqual([]);
    });

    it.each([
      ['每月25日前报送上月台账', '2021-01-01', recurring('每月25日前', 'monthly', '2021-01-25')],
      ['每月25日前报送上月台账', '2021-01-26', recurring('每月25日前', 'monthly', '2021-02-25')],
      ['每季度首月15日前报送上季度情况', '2021-01-01', recurring('每季度首月15日前', 'quarterly', '2021-01-15')],
      ['每季度首月15日前报送上季度情况', '2021-02-01', recurring('每季度首月15日前', 'quarterly', '2021-04-15')],
      ['每季度结束后10日内报送', '2021-01-11', recurring('每季度结束后10日内', 'quarterly', '2021-04-10')],
      ['每半年末报送进展', '2021-01-01', recurring('每半年末', 'half-yearly', '2021-06-30')],
      ['每年6月底前报送上年度固体废物产生情况', '2021-07-01', recurring('每年6月底前', 'yearly', '2022-06-30')],
      ['每年', '2021-01-01', recurring('每年', 'yearly', '2021-12-31')],
    ])('reads "%s" against %s as due at its first occurrence, on the day it states', (text, reference, reading) => {
      expect(parseDeadlines(text, { reference })).toEqual([reading]);
    });

    it.each([
      ['开展年度考核', recurring('年度', 'yearly', '2021-12-31')],
      ['编制半年度报告', recurring('半年度', 'half-yearly', '2021-06-30')],
      ['每年定期组织召开全区固体废物环境管理工作会', recurring('每年', 'yearly', '2021-12-31')],
    ])('reads "%s", a duty repeated each period, as recurring', (text, reading) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([reading]);
    });

    it.each(['纳入年度计划', '完成年度目标任务', '街镇年度绩效考核', '全市每年危险废物产生量约20万吨', '项目建成后每年可处理一般工业固体废物50万吨'])(
      'reads "%s", a yearly system, target or amount, as no deadline',
      (text) => {
        expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([]);
      },
    );
  });

  describe('ongoing duties', () => {
    it.each(['长期坚持', '持续推进', '常态化'])('reads %s as ongoing with no due date', (text) => {
      expect(parseDeadlines(`${text}开展巡查`)).toEqual([ongoing(text)]);
    });

    it.each([
      ['常态化开展“无废城市”宣传', '常态化'],
      ['长期坚持源头减量', '长期坚持'],
      ['持续开展打击危险废物环境违法犯罪专项行动', '持续开展'],
      ['建立固体废物监管长效机制', '长效'],
      ['常抓不懈，压实企业主体责任', '常抓不懈'],
    ])('reads "%s" as standing work with no due date', (text, phrase) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([ongoing(phrase)]);
    });

    it('reads a cell that just says 长期 as ongoing', () => {
      expect(parseDeadlines('长期')).toEqual([ongoing('长期')]);
    });
  });

  describe('uncertain readings are flagged, never guessed', () => {
    it('flags "2025年前" as possibly the end of 2024', () => {
      expect(parseDeadlines('2025年前')).toEqual([flagged('2025年前', '2025-12-31', BEFORE_2025)]);
    });

    it.each([
      ['2025年底前后完成', '2025年底前', '2025-12-31', '“2025年底前后”是大约的时间，不是确切期限，请确认'],
      ['到2025年前后建成', '到2025年', '2025-12-31', '“到2025年前后”是大约的时间，不是确切期限，请确认'],
      ['2024年6月左右投运', '2024年6月', '2024-06-30', '“2024年6月左右”是大约的时间，不是确切期限，请确认'],
    ])('flags "%s", a time given only roughly', (text, phrase, dueDate, note) => {
      expect(parseDeadlines(text)).toEqual([flagged(phrase, dueDate, note)]);
    });

    it('keeps the first reason when a rough time is also unsure for another one', () => {
      expect(parseDeadlines('年底前后完成')).toEqual([flagged('年底前', null, NO_YEAR)]);
    });

    it('reads a deadline followed by a clause that starts with 起 (起草) as a deadline, not a start', () => {
      expect(parseDeadlines('到2025年底，起草完成')).toEqual([dated('到2025年底', '2025-12-31')]);
    });

    it.each(['近期', '尽快', '适时'])('flags the vague word %s with no due date', (word) => {
      expect(parseDeadlines(`${word}完成整改`)).toEqual([flagged(word, null, `“${word}”未给出具体期限，请确认`)]);
    });
  });

  describe('phrases without a year', () => {
    it.each([
      ['7月底前', dated('7月底前', '2024-07-31')],
      ['年底前', dated('年底前', '2024-12-31')],
      ['今年', dated('今年', '2024-12-31')],
      ['明年', dated('明年', '2025-12-31')],
      ['第四季度', dated('第四季度', '2024-12-31')],
      ['上半年', dated('上半年', '2024-06-30')],
      ['下半年', dated('下半年', '2024-12-31')],
    ])('reads %s against the reference year', (text, reading) => {
      expect(parseDeadlines(text, { reference: '2024-05-20' })).toEqual([reading]);
    });

    it.each(['7月底前', '年底前', '今年', '明年', '一季度', '上半年'])('flags %s when there is no reference date', (text) => {
      expect(parseDeadlines(text)).toEqual([flagged(text, null, NO_YEAR)]);
    });

    it('treats an invalid reference date as none', () => {
      expect(parseDeadlines('年底前', { reference: '2024-13-01' })).toEqual([flagged('年底前', null, NO_YEAR)]);
    });

    it.each([
      ['4月15日前完成排查', dated('4月15日前', '2021-04-15')],
      ['6月30日', dated('6月30日', '2021-06-30')],
      ['年内完成', dated('年内', '2021-12-31')],
      ['本年内建成', dated('本年内', '2021-12-31')],
      ['今年内完成验收', dated('今年内', '2021-12-31')],
      ['当年', dated('当年', '2021-12-31')],
    ])('reads "%s" in the reference year', (text, reading) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([reading]);
    });

    it.each([
      ['4月15日前', '2021-05-01', '2022-04-15'],
      ['一季度', '2024-05-20', '2025-03-31'],
    ])('takes the next year, flagged, when "%s" has already passed by %s', (text, reference, dueDate) => {
      const year = Number(reference.slice(0, 4));
      expect(parseDeadlines(text, { reference })).toEqual([
        flagged(text, dueDate, `未写年份，${year}年的这一日期早于参照日期（${reference}），暂按${year + 1}年计，请确认`),
      ]);
    });

    it.each(['三年内完成', '去年底已完成'])('does not read "%s" as this year', (text) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([]);
    });

    it('needs a cue word before reading a bare month as a deadline', () => {
      expect(parseDeadlines('12月3日，由市住建局指导', { reference: '2020-12-20' })).toEqual([]);
    });
  });

  describe('what is not a deadline', () => {
    it.each([
      ['a book title', '按照《“十四五”全国危险废物规范化环境管理评估工作方案》执行'],
      ['an edition note', '《某某管理办法》（2020年修订稿）'],
      ['a revision note without a title', '管理办法（2020年修订稿）'],
      ['a name with a year in quotes', '深入实施“中国制造2025”'],
      ['a bare year in prose', '以2020年为基准年'],
      ['a start date', '自2022年起，推进台账建设'],
      ['a date that marks a start', '2023年3月1日起施行'],
      ['a past year with only a verb as cue', '2020年完成注册'],
      ['a year end after which work begins', '2025年底以后逐步推广'],
      ['a day after which a rule applies', '2025年3月1日之后施行'],
      ['a month after which a plant runs', '2025年6月后投入运营'],
      ['a year after which a rule applies', '到2030年以后全面禁止'],
    ])('ignores %s', (_what, text) => {
      expect(parseDeadlines(text, { reference: '2022-01-01' })).toEqual([]);
    });

    it('reads a year with a verb cue when it is not past the reference', () => {
      expect(parseDeadlines('2020年完成注册')).toEqual([dated('2020年', '2020-12-31')]);
    });

    it('reads the deadline of a clause that starts at a given year', () => {
      expect(parseDeadlines('自2022年起，推进台账建设，到2025年底前完成5个')).toEqual([dated('到2025年底前', '2025-12-31', '5个')]);
    });
  });

  describe('background before the reference date', () => {
    it('flags a year whose clause says what has already been done', () => {
      expect(parseDeadlines('2020年全市已建成生活垃圾焚烧发电厂5座', { reference: '2021-01-01' })).toEqual([
        flagged('2020年', '2020-12-31', '“2020年”早于参照日期（2021-01-01），可能是对已有情况的描述，不是新的期限，请确认', '5座'),
      ]);
    });

    it('flags such a year even without a reference date', () => {
      expect(parseDeadlines('至2020年，全市已完成100个小区垃圾分类')).toEqual([
        flagged('至2020年', '2020-12-31', '“至2020年”所在句子写的是已完成的情况，可能不是新的期限，请确认', '100个'),
      ]);
    });

    it('keeps a deadline after the reference date certain', () => {
      expect(parseDeadlines('到2023年底，全市绿色矿山建成率达到100%', { reference: '2021-01-01' })).toEqual([dated('到2023年底', '2023-12-31', '100%')]);
    });
  });

  describe('quantities as written', () => {
    it.each([
      ['到2025年，畜禽粪污综合利用率达到95%以上', '95%以上'],
      ['到2025年，农村生活垃圾回收利用率不低于60%', '不低于60%'],
      ['到2025年，工业固体废物产生强度≤0.48吨/万元', '≤0.48吨/万元'],
      ['到2025年，填埋量占比低于10%', '低于10%'],
      ['到2025年，单个项目投资不超过500万元', '不超过500万元'],
      ['到2025年，年产生量100吨及以上的企业全部纳入', '100吨及以上'],
      ['到2025年，合格率达到95%（产废单位）、100%（经营单位）', '95%（产废单位）、100%（经营单位）'],
    ])('keeps the comparators and scopes of "%s"', (text, quantity) => {
      expect(parseDeadlines(text)).toEqual([dated('到2025年', '2025-12-31', quantity)]);
    });
  });

  describe('several clauses and duplicates', () => {
    it('gives each dated clause its own quantity', () => {
      expect(parseDeadlines('到2023年，新增绿色工厂3个，到2025年，新增绿色工厂10个')).toEqual([
        dated('到2023年', '2023-12-31', '3个'),
        dated('到2025年', '2025-12-31', '10个'),
      ]);
    });

    it('ends a clause at the end of the sentence', () => {
      expect(parseDeadlines('到2025年底前完成建设。覆盖率达到95%')).toEqual([dated('到2025年底前', '2025-12-31')]);
    });

    it('counts identical readings once', () => {
      expect(parseDeadlines('到2025年完成验收。到2025年完成验收。')).toEqual([dated('到2025年', '2025-12-31')]);
      expect(parseDeadlines('尽快整改，尽快上报')).toHaveLength(1);
    });

    it('keeps yearless phrases apart when they cannot be resolved', () => {
      expect(parseDeadlines('7月底前完成方案，年底前完成验收')).toEqual([flagged('7月底前', null, NO_YEAR), flagged('年底前', null, NO_YEAR)]);
    });

    it('reads a dated clause, a period and an ongoing duty in one text', () => {
      expect(parseDeadlines('“十四五”期间持续推进源头减量，到2025年利用率达到88%')).toEqual([
        period('“十四五”期间', '2021-01-01', '2025-12-31'),
        ongoing('持续推进'),
        dated('到2025年', '2025-12-31', '88%'),
      ]);
    });
  });

  describe('the rules in detail', () => {
    // Each expected value below is worked out from the rule named in the test, against the reference date given.
    it.each([
      // a stated day past a short month's end falls on the month's last day: February 2021 has 28 days
      ['每月31日前报送', '2021-02-10', recurring('每月31日前', 'monthly', '2021-02-28')],
      // the month within a quarter: 第二个月 = February in the first quarter; 末月 = March; 初 = January (at its end)
      ['每季度第二个月15日前报送', '2021-01-01', recurring('每季度第二个月15日前', 'quarterly', '2021-02-15')],
      ['每季度第2个月报送', '2021-01-01', recurring('每季度第2个月', 'quarterly', '2021-02-28')],
      ['每季度末月报送', '2021-01-01', recurring('每季度末月', 'quarterly', '2021-03-31')],
      ['每季度初报送', '2021-01-01', recurring('每季度初', 'quarterly', '2021-01-31')],
      // "结束后15日内": on the 15th of each period's first month; 2021-01-15 is past by 2021-03-01, so July
      ['每半年结束后15日内报送', '2021-03-01', recurring('每半年结束后15日内', 'half-yearly', '2021-07-15')],
      ['每月结束后5日内报送', '2021-01-06', recurring('每月结束后5日内', 'monthly', '2021-02-05')],
      // the year rolls over: the 2021 date has passed by 2021-12-01
      ['每年6月底前报送', '2021-12-01', recurring('每年6月底前', 'yearly', '2022-06-30')],
      ['每年3月15日前报送', '2021-03-16', recurring('每年3月15日前', 'yearly', '2022-03-15')],
      ['每月报送', '2021-12-31', recurring('每月', 'monthly', '2021-12-31')],
      ['按月报送', '2021-04-30', recurring('按月', 'monthly', '2021-04-30')],
      ['按季度调度', '2021-10-01', recurring('按季度', 'quarterly', '2021-12-31')],
      ['每半年底报送', '2021-07-01', recurring('每半年底', 'half-yearly', '2021-12-31')],
      // the period words as a duty
      ['季度调度', '2021-04-01', recurring('季度', 'quarterly', '2021-06-30')],
      ['月度通报', '2021-04-01', recurring('月度', 'monthly', '2021-04-30')],
      ['组织年度考核', '2021-04-01', recurring('年度', 'yearly', '2021-12-31')],
      ['编制年度工作总结', '2021-04-01', recurring('年度', 'yearly', '2021-12-31')],
      ['年度', '2021-04-01', recurring('年度', 'yearly', '2021-12-31')],
      ['按年度', '2021-04-01', recurring('按年度', 'yearly', '2021-12-31')],
    ])('reads "%s" against %s', (text, reference, reading) => {
      expect(parseDeadlines(text, { reference })).toEqual([reading]);
    });

    it.each([
      ['每年13月底前报送', 'a 13th month'],
      ['每月32日前报送', 'a 32nd day'],
      ['每月0日前报送', 'a day 0'],
      ['2021-2021年', 'a range of one year to itself'],
      ['2021年3月31日至3月1日', 'a range that ends before it starts'],
      ['上年度总结', "last year's report"],
      ['本季度调度', "this quarter's meeting"],
      ['2020年全市已有5座', 'a year whose clause says what exists (已有 is not 已完成)'],
    ])('reads "%s" (%s) as no milestone', (text) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([]);
    });

    it('reads a month range that crosses the new year', () => {
      expect(parseDeadlines('2021年11月—2月')).toEqual([period('2021年11月—2月', '2021-11-01', '2022-02-28')]);
    });

    it('reads a day range that crosses the new year', () => {
      expect(parseDeadlines('2021年12月28日—1月5日')).toEqual([period('2021年12月28日—1月5日', '2021-12-28', '2022-01-05')]);
    });

    it('reads a one-day range as due that day', () => {
      expect(parseDeadlines('2021年3月1日至3月1日')).toEqual([period('2021年3月1日至3月1日', '2021-03-01', '2021-03-01')]);
    });

    it('reads a yearless month range with a cue word in the reference year', () => {
      expect(parseDeadlines('于9月—12月完成', { reference: '2021-01-01' })).toEqual([period('于9月—12月', '2021-09-01', '2021-12-31')]);
    });

    it('reads Chinese numerals of tens in months and days', () => {
      expect(parseDeadlines('二〇二四年五月二十日')).toEqual([dated('二〇二四年五月二十日', '2024-05-20')]);
      expect(parseDeadlines('二〇二四年十月十五日前')).toEqual([dated('二〇二四年十月十五日前', '2024-10-15')]);
      expect(parseDeadlines('二〇二四年十一月底前')).toEqual([dated('二〇二四年十一月底前', '2024-11-30')]);
    });

    it('flags a year that says it is already done (已经建成), past the reference date', () => {
      expect(parseDeadlines('2020年已经建成5座', { reference: '2021-01-01' })).toEqual([
        flagged('2020年', '2020-12-31', '“2020年”早于参照日期（2021-01-01），可能是对已有情况的描述，不是新的期限，请确认', '5座'),
      ]);
    });

    it.each([
      ['每年约处理50万吨', 'an amount, roughly (约)'],
      ['每年平均产生危险废物2万吨', 'an average amount (平均)'],
      ['每年处理能力达到10万吨', 'a capacity (能力)'],
      ['每年产值达到5亿元', 'an output value (产值)'],
      ['统一月底前完成', 'a 一 that is part of a word, not a month'],
      ['《某办法》（到2025年）', 'a note in brackets right after a book title'],
      ['自2025年6月，推行新办法', 'a month that marks a start (自…)'],
      ['从2025年底开始推行', 'a year end that marks a start (…开始)'],
      ['2020年6月，全市完成排查', 'a past month without a cue word'],
    ])('reads "%s" (%s) as no milestone', (text) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([]);
    });

    it.each([
      ['每年规模化开展培训', recurring('每年', 'yearly', '2021-12-31')], // 规模化 is a manner, not an amount
      ['每年完成产量统计', recurring('每年', 'yearly', '2021-12-31')], // a duty verb before the amount noun
      ['每年开展培训，已完成3次', recurring('每年', 'yearly', '2021-12-31', '3次')], // a duty is not background
      ['每年报送年度报告', recurring('每年', 'yearly', '2021-12-31')], // the same duty twice counts once
      ['2020年6月底', dated('2020年6月底', '2020-06-30')], // a whole cell is a deadline even when past
    ])('reads "%s" against 2021-01-01', (text, reading) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([reading]);
    });

    it('keeps standing work certain even when its clause tells what was done', () => {
      expect(parseDeadlines('持续推进，已建成5座', { reference: '2021-01-01' })).toEqual([{ ...ongoing('持续推进'), quantity: '5座' }]);
    });

    it('flags a past month with a cue word as background', () => {
      expect(parseDeadlines('2020年6月底，完成排查', { reference: '2021-01-01' })).toEqual([
        flagged('2020年6月底', '2020-06-30', '“2020年6月底”早于参照日期（2021-01-01），可能是对已有情况的描述，不是新的期限，请确认'),
      ]);
    });

    it('keeps different recurring duties apart when there is no reference date', () => {
      expect(parseDeadlines('每年开展评估，每月报送')).toEqual([recurring('每年', 'yearly', null), recurring('每月', 'monthly', null)]);
    });

    it('keeps readings apart when only their quantities differ', () => {
      expect(parseDeadlines('到2025年完成3个。到2025年完成5个。')).toEqual([dated('到2025年', '2025-12-31', '3个'), dated('到2025年', '2025-12-31', '5个')]);
    });

    it('treats a reference date that does not exist, or is not written YYYY-MM-DD, as none', () => {
      expect(parseDeadlines('年底前', { reference: '2024-02-30' })).toEqual([flagged('年底前', null, NO_YEAR)]);
      expect(parseDeadlines('年底前', { reference: '2024-2-3' })).toEqual([flagged('年底前', null, NO_YEAR)]);
      expect(parseDeadlines('年底前', { reference: 'x2024-02-03' })).toEqual([flagged('年底前', null, NO_YEAR)]);
      expect(parseDeadlines('年底前', { reference: '2024-02-03x' })).toEqual([flagged('年底前', null, NO_YEAR)]);
    });

    it('ends a clause at a full-width exclamation mark or a line break', () => {
      expect(parseDeadlines('到2025年底前完成建设！覆盖率达到95%')).toEqual([dated('到2025年底前', '2025-12-31')]);
      expect(parseDeadlines('到2025年底前完成建设\n覆盖率达到95%')).toEqual([dated('到2025年底前', '2025-12-31')]);
    });

    it('reads a full-width tilde as a range', () => {
      expect(parseDeadlines('2021年10月8日～10月9日')).toEqual([period('2021年10月8日～10月9日', '2021-10-08', '2021-10-09')]);
    });

    it('drops tabs and no-break spaces inside a date but keeps them in the phrase', () => {
      expect(parseDeadlines('2024\t年底前')).toEqual([dated('2024\t年底前', '2024-12-31')]);
      expect(parseDeadlines('2024\u00a0年\r底前')).toEqual([dated('2024\u00a0年\r底前', '2024-12-31')]);
      expect(parseDeadlines('二〇二三 年底前')).toEqual([dated('二〇二三 年底前', '2023-12-31')]);
      expect(parseDeadlines('二〇二四年十二　月底前')).toEqual([dated('二〇二四年十二　月底前', '2024-12-31')]);
      expect(parseDeadlines('二〇二四年十二月三十 日')).toEqual([dated('二〇二四年十二月三十 日', '2024-12-30')]);
    });

    it('reads two phrases that touch as two milestones', () => {
      expect(parseDeadlines('上半年下半年', { reference: '2021-01-01' })).toEqual([dated('上半年', '2021-06-30'), dated('下半年', '2021-12-31')]);
    });

    it.each([
      ['7月', '2021-01-01', dated('7月', '2021-07-31')], // a yearless month is a deadline as a whole cell
      ['本年度', '2021-01-01', dated('本年度', '2021-12-31')],
      ['2021年6月30日，完成排查', '2021-06-30', dated('2021年6月30日', '2021-06-30')], // due on the reference day: not past
      ['4月15日前', '2021-04-15', dated('4月15日前', '2021-04-15')], // the same day this year, not next year
      ['2024年3季度', '2021-01-01', dated('2024年3季度', '2024-09-30')],
      ['2023年第2季度末', '2021-01-01', dated('2023年第2季度末', '2023-06-30')],
      ['2021年12月28日—2022年1月5日', '2021-01-01', period('2021年12月28日—2022年1月5日', '2021-12-28', '2022-01-05')],
      ['2021年10月8-9日', '2021-01-01', period('2021年10月8-9日', '2021-10-08', '2021-10-09')],
      ['“十六五”期间', '2021-01-01', period('“十六五”期间', '2031-01-01', '2035-12-31')],
    ])('reads "%s" against %s', (text, reference, reading) => {
      expect(parseDeadlines(text, { reference })).toEqual([reading]);
    });

    it.each([
      ['2月29日前', '2024-03-01'], // next year's 29 February does not exist
      ['2023年3月0日', '2021-01-01'],
      ['每年0月底前报送', '2021-01-01'],
    ])('reads "%s" against %s as nothing: the date does not exist', (text, reference) => {
      expect(parseDeadlines(text, { reference })).toEqual([]);
    });

    it('keeps the note of an unsure reading whose clause or date also says it is past', () => {
      expect(parseDeadlines('在2020年前完成排查', { reference: '2021-04-15' })).toEqual([
        flagged('在2020年前', '2020-12-31', '“2020年前”可理解为2019年底或2020年底，请确认'),
      ]);
      expect(parseDeadlines('在2025年前，全市已建成5座')).toEqual([flagged('在2025年前', '2025-12-31', BEFORE_2025, '5座')]);
    });

    it('flags a past half of this year (今年) as background, not as next year', () => {
      expect(parseDeadlines('今年上半年完成', { reference: '2024-08-01' })).toEqual([
        flagged('今年上半年', '2024-06-30', '“今年上半年”早于参照日期（2024-08-01），可能是对已有情况的描述，不是新的期限，请确认'),
      ]);
    });

    it('does not look for an amount after 每年 past the end of its clause', () => {
      expect(parseDeadlines('每年报告一次，产量不减', { reference: '2021-01-01' })).toEqual([recurring('每年', 'yearly', '2021-12-31')]);
    });

    it.each([
      '2020年10月8日—10月9日，开展检查',
      '2020年9月—12月，开展检查',
      '2020-06-30，开展检查',
      '2020年6月30日，开展检查',
      '9月—12月开展检查', // a yearless month range needs a cue word
      '2023年0月1日',
      '2023年13月1日',
      '2021年2月30日至3月1日',
      '2021年3月1日至3月32日',
      '2月30日前',
      '某办法（至2025年试行）', // an edition note in brackets, even without a book title
    ])('reads "%s" against 2021-01-01 as no milestone (past without a cue word, or no such date)', (text) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([]);
    });

    it.each([
      ['2024年1月底前', '2021-01-01', dated('2024年1月底前', '2024-01-31')],
      ['每月1日前报送', '2021-01-02', recurring('每月1日前', 'monthly', '2021-02-01')],
      ['2020年6月底\n', '2021-01-01', dated('2020年6月底', '2020-06-30')], // a whole cell with a trailing line break
    ])('reads "%s" against %s', (text, reference, reading) => {
      expect(parseDeadlines(text, { reference })).toEqual([reading]);
    });

    it('counts two standing duties of the same kind once', () => {
      expect(parseDeadlines('持续推进源头减量，持续开展巡查')).toEqual([ongoing('持续推进')]);
    });

    it('reads with no options at all', () => {
      expect(parseDeadlines('2025年底前', null as unknown as { reference?: string })).toEqual([dated('2025年底前', '2025-12-31')]);
    });

    it('reads a period end written in Chinese numerals (结束后十日内)', () => {
      expect(parseDeadlines('每季度结束后十日内报送', { reference: '2021-01-11' })).toEqual([recurring('每季度结束后十日内', 'quarterly', '2021-04-10')]);
    });

    it.each([
      ['从2021年10月8日至10月9日开展检查', period('2021年10月8日至10月9日', '2021-10-08', '2021-10-09')],
      ['从2021年9月至12月开展检查', period('2021年9月至12月', '2021-09-01', '2021-12-31')],
      ['2021年9月至9月底', period('2021年9月至9月底', '2021-09-01', '2021-09-30')], // within one month: no new year
      ['2021年10月八日至十日', period('2021年10月八日至十日', '2021-10-08', '2021-10-10')], // Chinese days on both ends
    ])('reads the range "%s" (从 before a range is no start)', (text, reading) => {
      expect(parseDeadlines(text, { reference: '2021-01-01' })).toEqual([reading]);
    });

    it('keeps full-width comparators in a quantity as written', () => {
      expect(parseDeadlines('到2025年，强度≦0.48吨/万元')).toEqual([dated('到2025年', '2025-12-31', '≦0.48吨/万元')]);
      expect(parseDeadlines('到2025年，利用率≧95％')).toEqual([dated('到2025年', '2025-12-31', '≧95％')]);
    });
  });

  describe('odd input', () => {
    it.each(['', '   ', '\n\t', '年底前前前后', '2023年2月30日', '2023年13月', '2025-2021年', '□《》（）', '🙂2025'])('never throws on %j', (text) => {
      expect(() => parseDeadlines(text)).not.toThrow();
    });

    it('returns nothing for empty or blank text', () => {
      expect(parseDeadlines('')).toEqual([]);
      expect(parseDeadlines('  \n ')).toEqual([]);
    });

    it('returns nothing for dates that do not exist', () => {
      expect(parseDeadlines('2023年2月30日')).toEqual([]);
      expect(parseDeadlines('2024年5月39日')).toEqual([]);
      expect(parseDeadlines('二〇二四年五月三十九日')).toEqual([]);
      expect(parseDeadlines('2023年13月')).toEqual([]);
      expect(parseDeadlines('2025-2021年')).toEqual([]);
    });

    it('returns nothing for a value that is not text', () => {
      expect(parseDeadlines(undefined as unknown as string)).toEqual([]);
      expect(parseDeadlines(2025 as unknown as string)).toEqual([]);
    });

    it('reads one milestone from a long text that repeats the same clause', () => {
      const text = '到2023年，新增绿色工厂3个；《名录》（2021年版）。'.repeat(2000);
      expect(parseDeadlines(text)).toHaveLength(1);
    });
  });
});
