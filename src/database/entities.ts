import { Indicator } from '../goals/indicator.entity.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { PlanStage } from '../plans/plan-stage.entity.js';
import { Project } from '../projects/project.entity.js';
import { Assignment } from '../responsibilities/assignment.entity.js';
import { Task } from '../tasks/task.entity.js';
import { UnitGroup } from '../units/unit-group.entity.js';
import { Unit } from '../units/unit.entity.js';

/** Every entity of the service, listed once (ESM cannot load entities by glob reliably). */
export const ENTITIES = [Plan, PlanStage, Unit, UnitGroup, Task, Project, Indicator, Milestone, Assignment];
