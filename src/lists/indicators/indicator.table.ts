import type { ColumnSpec } from '../../tables/columns.js';
import { readTable } from '../../tables/table-reader.js';
import type { ListSheet } from '../../tables/table-writer.js';
import type { ItemView } from '../item-query.service.js';
import type { Indicator, IndicatorDirection, IndicatorMark, IndicatorTarget } from './indicator.entity.js';
import { inferDirection, readIndicatorValues, readMark, unitFromValue } from './indicator-values.js';
import {
  type ListTable,
  unitTexts,
  accounted,
  LEAD,
  type ListRead,
  type ListReadOptions,
  readSeq,
  required,
  RESPONSIBLE,
  SEQ,
  SUPPORT,
  type UnitCells,
  unitCells,
  unitColumns,
  unitsCell,
} from '../list-table.js';

/** The goal list (目标清单): its columns, how a row is read, and the layout it is exported in. */

export interface IndicatorInput extends UnitCells {
  row: number;
  seq: number;
  level1: string;
  level2: string;
  name: string;
  mark: IndicatorMark | null;
  unit: string;
  direction: IndicatorDirection;
  baselineYear: number | null;
  baselineText: string;
  baselineValue: number | null;
  targets: IndicatorTarget[];
  /** The target column headers as written, by year, for milestone phrases. */
  targetHeaders: Record<number, string>;
  definition: string;
  formula: string;
  dataSource: string;
  note: string;
}

export const INDICATOR_COLUMNS: ColumnSpec[] = [
  { key: 'seq', headers: SEQ, required: true },
  { key: 'level1', headers: ['一级指标', '指标类别', '类别'], carryDown: true },
  { key: 'level2', headers: ['二级指标'], carryDown: true },
  { key: 'name', headers: ['三级指标', '指标名称', '指标'], required: true },
  { key: 'unit', headers: ['单位', '计量单位', '指标单位'] },
  { key: 'leadUnits', headers: LEAD, units: true },
  { key: 'supportingUnits', headers: SUPPORT, units: true },
  { key: 'responsibleUnits', headers: ['指标责任单位', ...RESPONSIBLE], units: true },
  { key: 'note', headers: ['备注'] },
  { key: 'definition', headers: ['指标解释', '指标定义', '指标说明'] },
  { key: 'formula', headers: ['计算方法', '计算公式'] },
  { key: 'dataSource', headers: ['数据来源'] },
];
export function readIndicators(rows: unknown[][], options: ListReadOptions = {}): ListRead<IndicatorInput> {
  const table = readTable(rows, INDICATOR_COLUMNS, { ...options, yearColumns: true });
  const units = unitColumns(table);
  const problems = [...table.problems];
  const seen = new Map<number, number>();
  const items: IndicatorInput[] = [];
  for (const record of table.records) {
    const seq = readSeq(record, seen, problems);
    const rawName = required(record, 'name', '指标名称', problems);
    if (seq === null || !rawName) continue;
    const { name, mark } = readMark(rawName);
    const baseline = record.yearValues.find((y) => y.role === 'baseline');
    const targetCells = record.yearValues.filter((y) => y.role === 'target');
    const targets = targetCells.flatMap((t) => readIndicatorValues(t.text, t.year));
    const baselineValues = baseline ? readIndicatorValues(baseline.text, baseline.year) : [];
    const baselineValue = baselineValues.length === 1 ? baselineValues[0].value : null;
    const unit = record.values.unit || unitFromValue(targets[0]?.text ?? '') || unitFromValue(baseline?.text ?? '');
    items.push({
      row: record.row,
      seq,
      level1: record.values.level1 ?? '',
      level2: record.values.level2 ?? '',
      name,
      mark,
      unit,
      direction: inferDirection(name, baselineValue, targets),
      baselineYear: baseline?.year ?? null,
      baselineText: baseline?.text ?? '',
      baselineValue,
      targets,
      targetHeaders: Object.fromEntries(targetCells.map((t) => [t.year, t.header])),
      definition: record.values.definition ?? '',
      formula: record.values.formula ?? '',
      dataSource: record.values.dataSource ?? '',
      note: record.values.note ?? '',
      ...unitCells(record, units),
    });
  }
  return { items, problems, ...accounted(table, units.notes) };
}
const INDICATOR_HEAD = ['序号', '一级指标', '二级指标', '三级指标', '单位'];
const INDICATOR_TAIL = ['指标责任单位', '配合单位', '备注', '指标解释', '计算方法', '数据来源'];
export const INDICATOR_TEMPLATE_HEADER = [...INDICATOR_HEAD, '现状值（2020年）', '目标值（2025年）', ...INDICATOR_TAIL];

/** Targets of one year back in one cell, written the way they were read ("95%（产废单位）、100% （经营单位）"). */
function targetCell(targets: IndicatorTarget[]): string {
  const colonScoped = targets.length > 1 && targets.every((t) => /^[^：:]+[：:]/.test(t.text));
  return targets.map((t) => t.text).join(colonScoped ? '；' : '、');
}

/** The header a target year was imported under ("规划目标（2025年）"), so the milestone phrase survives a round trip. */
function targetHeader(indicators: ItemView<Indicator>[], year: number): string {
  const phrase = indicators
    .flatMap((i) => i.milestones)
    .find((m) => m.dueDate === `${year}-12-31` && m.phrase.includes(String(year)) && /目标|规划|预期/.test(m.phrase))?.phrase;
  return phrase ?? `目标值（${year}年）`;
}

export function indicatorSheet(indicators: ItemView<Indicator>[]): ListSheet {
  const baselineYears = [...new Set(indicators.map((i) => i.baselineYear).filter((y): y is number => y !== null))].sort();
  const targetYears = [...new Set(indicators.flatMap((i) => i.targets.map((t) => t.year)).filter((y): y is number => y !== null))].sort();
  const marks = { mandatory: '★', local: '☆' } as const;
  return {
    header: [...INDICATOR_HEAD, ...baselineYears.map((y) => `现状值（${y}年）`), ...targetYears.map((y) => targetHeader(indicators, y)), ...INDICATOR_TAIL],
    rows: indicators.map((i) => [
      String(i.seq),
      i.level1,
      i.level2,
      i.name + (i.mark ? marks[i.mark] : ''),
      i.unit,
      ...baselineYears.map((y) => (i.baselineYear === y ? i.baselineText : '')),
      ...targetYears.map((y) => targetCell(i.targets.filter((t) => t.year === y))),
      unitsCell(i.leadUnitsText, i.leadUnits),
      unitsCell(i.supportUnitsText, i.supportingUnits),
      i.note,
      i.definition,
      i.formula,
      i.dataSource,
    ]),
    widths: [6, 18, 18, 40, 10, ...baselineYears.map(() => 14), ...targetYears.map(() => 18), 30, 24, 16, 40, 40, 20],
  };
}

export const INDICATOR_TABLE: ListTable<Indicator, IndicatorInput> = {
  columns: INDICATOR_COLUMNS,
  yearColumns: true,
  read: readIndicators,
  fields: (i) => ({
    seq: i.seq,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    mark: i.mark,
    unit: i.unit,
    direction: i.direction,
    baselineYear: i.baselineYear,
    baselineText: i.baselineText,
    baselineValue: i.baselineValue,
    targets: i.targets,
    definition: i.definition,
    formula: i.formula,
    dataSource: i.dataSource,
    note: i.note,
    ...unitTexts(i),
  }),
  templateHeader: INDICATOR_TEMPLATE_HEADER,
  sheet: indicatorSheet,
};
