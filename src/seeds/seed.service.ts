import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordBatch } from '../audit/audit-recorder.js';
import { DomainError, type FieldProblem } from '../common/domain-error.js';
import { insertRows } from '../database/insert-rows.js';
import { stageMilestones } from '../deadlines/item-milestones.js';
import { saveMilestones } from '../deadlines/milestone-store.js';
import { PlanStage } from '../plans/plan-stage.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { LISTS } from '../lists/list-registry.js';
import type { ListRead } from '../lists/list-table.js';
import { writeNewItems } from '../lists/item-store.js';
import { UnitGroup } from '../units/unit-group.entity.js';
import { UnitNames } from '../units/unit-names.js';
import type { StandingAssignment } from '../plans/standing-assignments.js';
import { Unit } from '../units/unit.entity.js';
import { readSeedFolder, type SeedFolder, seedKeys } from './seed-files.js';

export interface SeedResult {
  key: string;
  planId: number;
  loaded: boolean;
}

/** Loads the seed plans under seeds/ once each: a plan whose key exists already is left as it is. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(private readonly dataSource: DataSource) {}

  async loadAll(dir?: string): Promise<SeedResult[]> {
    const results: SeedResult[] = [];
    for (const key of seedKeys(dir)) results.push(await this.load(readSeedFolder(key, dir)));
    return results;
  }

  async load(folder: SeedFolder): Promise<SeedResult> {
    const key = folder.plan.key;
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(Plan, { key });
      if (existing) return { key, planId: existing.id, loaded: false };
      const plan = await this.writePlan(manager, folder);
      this.logger.log(`Seed plan "${key}" loaded as plan ${plan.id}`);
      return { key, planId: plan.id, loaded: true };
    });
  }

  private async writePlan(manager: EntityManager, folder: SeedFolder): Promise<Plan> {
    const { plan: file, tables } = folder;
    const lists = Object.fromEntries(
      LISTS.map((list) => {
        const rows = tables[list.name];
        return [list.name, this.check(folder, `${list.name}.csv`, rows ? list.table.read(rows) : { items: [], problems: [] })];
      }),
    );
    const plan = await manager.save(
      Plan,
      manager.create(Plan, {
        key: file.key,
        name: file.name,
        region: file.region,
        periodStart: file.periodStart,
        periodEnd: file.periodEnd,
        baseYear: file.baseYear,
        timeZone: file.timeZone,
        source: file.source,
        notes: file.notes?.length ? file.notes : null,
      }),
    );
    const units = await this.writeUnits(manager, plan, file.units);
    plan.standingAssignments = this.standingAssignments(folder, new UnitNames(units));
    if (plan.standingAssignments) await manager.save(Plan, plan);
    await writeNewItems(manager, plan, units, lists);
    await this.writeGroups(manager, folder, plan, new UnitNames(units));
    for (const [index, stage] of file.stages.entries()) {
      const row = await manager.save(
        PlanStage,
        manager.create(PlanStage, {
          planId: plan.id,
          seq: index + 1,
          name: stage.name,
          content: stage.content,
          deadlineText: stage.deadline || null,
        }),
      );
      await saveMilestones(manager, plan.id, 'stage', row.id, stageMilestones(plan, row.deadlineText));
    }
    return plan;
  }

  /**
   * The plan's units in one statement and one audit entry (as its lists are), not a save, a reload and an entry per
   * unit: for the hundred-odd units of the seed plans those took about 0.19 s of a first start.
   */
  private async writeUnits(manager: EntityManager, plan: Plan, units: SeedFolder['plan']['units']): Promise<Unit[]> {
    const rows = units.map((u) => ({ planId: plan.id, name: u.name, aliases: u.aliases, kind: u.kind }));
    const ids = await insertRows(manager, Unit, rows);
    await recordBatch(manager, 'import', Unit, plan.id, { source: 'seed', count: ids.length, ids });
    return rows.map((row, i) => manager.create(Unit, { ...row, id: ids[i] }));
  }

  /** The plan's unit groups (领导小组, 工作专班) in one statement and one audit entry, as its units. */
  private async writeGroups(manager: EntityManager, folder: SeedFolder, plan: Plan, names: UnitNames): Promise<void> {
    const rows = folder.plan.unitGroups.map((group) => {
      const lead = names.resolve(group.leadUnits);
      const members = names.resolve(group.memberUnits);
      const unknown = [...lead.unknown, ...members.unknown];
      if (unknown.length) {
        throw new DomainError('SEED_INVALID', `${folder.dir}/plan.json：${group.name}有未知单位：${unknown.join('、')}`);
      }
      return {
        planId: plan.id,
        name: group.name,
        kind: group.kind,
        leader: group.leader ?? null,
        duties: group.duties,
        leadUnitIds: lead.units.map((u) => u.id),
        memberUnitIds: members.units.map((u) => u.id),
      };
    });
    if (!rows.length) return;
    const ids = await insertRows(manager, UnitGroup, rows);
    await recordBatch(manager, 'import', UnitGroup, plan.id, { source: 'seed', count: ids.length, ids });
  }

  /**
   * A standing sentence ("以下均需…落实,不再列出") gives its units its role on every item of the list, after the units
   * each row names (a unit a row names already keeps its role there). Kept on the plan, so the seed's rows, later
   * imports and new items all get them.
   */
  private standingAssignments(folder: SeedFolder, names: UnitNames): StandingAssignment[] | null {
    const standing = folder.plan.standingAssignments ?? [];
    if (!standing.length) return null;
    return standing.map((s) => {
      const { units, unknown } = names.resolve(s.units);
      if (unknown.length) throw new DomainError('SEED_INVALID', `${folder.dir}/plan.json：“${s.text}”有未知单位：${unknown.join('、')}`);
      return { text: s.text, role: s.role, itemType: 'task', unitIds: units.map((u) => u.id) };
    });
  }

  private check<T>(folder: SeedFolder, file: string, read: ListRead<T>): T[] {
    if (read.problems.length) {
      const problems: FieldProblem[] = read.problems.map((p) => ({ ...p, message: `${file} ${p.message}` }));
      throw new DomainError('SEED_INVALID', `种子数据有误：${folder.dir}/${file}：${problems[0].message}`, problems);
    }
    return read.items;
  }
}
