import type { EntityManager } from 'typeorm';
import { DomainError, type FieldProblem } from '../common/domain-error.js';
import type { ItemType } from '../common/item-type.js';
import { indicatorMilestones, projectMilestones, taskMilestones } from '../deadlines/item-milestones.js';
import { saveMilestones } from '../deadlines/milestone-store.js';
import { Indicator } from '../goals/indicator.entity.js';
import type { Plan } from '../plans/plan.entity.js';
import { Project } from '../projects/project.entity.js';
import { saveAssignments } from '../responsibilities/assignment-store.js';
import { Task } from '../tasks/task.entity.js';
import { UnitNames } from '../units/unit-names.js';
import type { Unit } from '../units/unit.entity.js';
import type { IndicatorInput, ProjectInput, TaskInput, UnitCells } from './list-records.js';

export interface PlanLists {
  tasks: TaskInput[];
  projects: ProjectInput[];
  indicators: IndicatorInput[];
}

/** Every unit name in the lists that matches no unit of the plan, with the rows that use it. */
export function unknownUnitProblems(lists: PlanLists, names: UnitNames, file: Partial<Record<keyof PlanLists, string>> = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const list of ['tasks', 'projects', 'indicators'] as const) {
    for (const item of lists[list] as (UnitCells & { row: number })[]) {
      for (const [field, cell] of [['牵头单位', item.leadUnits], ['配合单位', item.supportingUnits]] as const) {
        for (const name of names.resolve(cell).unknown) {
          const where = file[list] ? `${file[list]} ` : '';
          problems.push({ row: item.row, field, value: name, message: `${where}第${item.row}行：未知单位“${name}”` });
        }
      }
    }
  }
  return problems;
}

/** Writes new items of a plan with their responsibilities and milestones. Call inside a transaction. */
export async function writeNewItems(manager: EntityManager, plan: Plan, units: Unit[], lists: PlanLists): Promise<void> {
  const names = new UnitNames(units);
  const problems = unknownUnitProblems(lists, names);
  if (problems.length) throw new DomainError('UNKNOWN_UNITS', `有${problems.length}处单位名称无法识别`, problems);

  const link = async (itemType: ItemType, id: number, cells: UnitCells) => {
    await saveAssignments(manager, plan.id, itemType, id, names.resolve(cells.leadUnits).units, names.resolve(cells.supportingUnits).units);
  };
  for (const input of lists.tasks) {
    const { row: _row, leadUnits: _l, supportingUnits: _s, unassigned: _u, ...fields } = input;
    const task = await manager.save(Task, manager.create(Task, { ...fields, planId: plan.id }));
    await link('task', task.id, input);
    await saveMilestones(manager, plan.id, 'task', task.id, taskMilestones(plan, task.content, task.deadlineText));
  }
  for (const input of lists.projects) {
    const { row: _row, leadUnits: _l, supportingUnits: _s, unassigned: _u, ...fields } = input;
    const project = await manager.save(Project, manager.create(Project, { ...fields, planId: plan.id }));
    await link('project', project.id, input);
    await saveMilestones(manager, plan.id, 'project', project.id, projectMilestones(plan, project.deadlineText));
  }
  for (const input of lists.indicators) {
    const { row: _row, leadUnits: _l, supportingUnits: _s, unassigned: _u, targetHeaders, ...fields } = input;
    const indicator = await manager.save(Indicator, manager.create(Indicator, { ...fields, planId: plan.id }));
    await link('indicator', indicator.id, input);
    await saveMilestones(manager, plan.id, 'indicator', indicator.id, indicatorMilestones(indicator.targets, targetHeaders));
  }
}
