import type { ListSheet } from '../tables/table-writer.js';
import type { Indicator, IndicatorTarget } from './indicators/indicator.entity.js';
import type { ItemView } from './list-items.service.js';
import type { Project } from './projects/project.entity.js';
import type { Task } from './tasks/task.entity.js';

const names = (units: { name: string }[]) => units.map((u) => u.name).join('、');
/** A units cell: as the document wrote it when the item came from a table, else the unit names. */
const unitsCell = (text: string | null, units: { name: string }[], none = '') => text ?? (units.length ? names(units) : none);

export const TASK_HEADER = ['序号', '章节', '任务类别', '任务内容', '牵头单位', '配合单位', '完成时限'];
export const PROJECT_HEADER = ['序号', '项目类别', '项目名称', '主要内容', '总投资（万元）', '资金来源', '完成时限', '责任单位', '配合单位'];
const INDICATOR_HEAD = ['序号', '一级指标', '二级指标', '三级指标', '单位'];
const INDICATOR_TAIL = ['指标责任单位', '配合单位', '备注', '指标解释', '计算方法', '数据来源'];
export const INDICATOR_TEMPLATE_HEADER = [...INDICATOR_HEAD, '现状值（2020年）', '目标值（2025年）', ...INDICATOR_TAIL];

export function taskSheet(tasks: ItemView<Task>[]): ListSheet {
  return {
    header: TASK_HEADER,
    rows: tasks.map((t) => [
      String(t.seq),
      t.chapter,
      t.taskGroup,
      t.content,
      unitsCell(t.leadUnitsText, t.leadUnits),
      unitsCell(t.supportUnitsText, t.supportingUnits),
      t.deadlineText ?? '',
    ]),
    widths: [6, 30, 24, 80, 24, 30, 14],
  };
}

export function projectSheet(projects: ItemView<Project>[]): ListSheet {
  return {
    header: PROJECT_HEADER,
    rows: projects.map((p) => [
      String(p.seq),
      p.category,
      p.name,
      p.content,
      p.investment === null ? '' : String(p.investment),
      p.fundingSource,
      p.deadlineText ?? '',
      unitsCell(p.leadUnitsText, p.leadUnits, '暂未明确'),
      unitsCell(p.supportUnitsText, p.supportingUnits),
    ]),
    widths: [6, 16, 36, 60, 14, 12, 12, 30, 24],
  };
}

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
