import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityMetadata, IsNull } from 'typeorm';
import { ListItemEntity } from '../database/list-item.entity.js';
import { canSeePlan, type Actor } from '../auth/role.js';
import { ForbiddenError, ValidationFailedError } from '../common/domain-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EvidenceStore } from '../progress/evidence-store.js';
import { checkVersion, withCurrentView } from '../database/check-version.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { findForUpdate } from '../database/locked-find.js';
import { toMilestoneView } from '../deadlines/milestone-view.js';
import { planEndNote } from '../deadlines/item-milestones.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { PlanStage } from './plan-stage.entity.js';
import type { CreatePlanDto, UpdatePlanDto } from './plan.dto.js';
import { Plan } from './plan.entity.js';

/** Per plan: the items in force of each list (by its table: tasks, projects, indicators), its units and assignments. */
export type PlanCounts = Record<string, number>;

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly evidence: EvidenceStore,
  ) {}

  /** The plans this actor may see (the public: published ones). */
  async list(actor: Actor | null): Promise<(Plan & { counts: PlanCounts })[]> {
    const plans = (await this.dataSource.getRepository(Plan).find({ order: { id: 'ASC' } })).filter((plan) => canSeePlan(actor, plan));
    return Promise.all(plans.map(async (plan) => ({ ...plan, counts: await this.counts(plan.id) })));
  }

  async get(id: number) {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id });
    const stages = await this.dataSource.getRepository(PlanStage).find({ where: { planId: id }, order: { seq: 'ASC' } });
    const milestones = await this.dataSource.getRepository(Milestone).find({ where: { planId: id, itemType: 'stage' }, order: { seq: 'ASC' } });
    return {
      ...plan,
      today: this.clock.today(plan.timeZone),
      counts: await this.counts(id),
      stages: stages.map((s) => ({ ...s, milestones: milestones.filter((m) => m.itemId === s.id).map((m) => toMilestoneView(m)) })),
    };
  }

  /** Only an admin or an office not limited to one plan starts a new plan. */
  async create(actor: Actor, dto: CreatePlanDto): Promise<Plan> {
    if (actor.planId !== null) throw new ForbiddenError('本账号只能管理所属方案，不能新建方案');
    this.checkPeriod(dto.periodStart, dto.periodEnd);
    const repo = this.dataSource.getRepository(Plan);
    return repo.save(
      repo.create({ ...dto, key: null, baseYear: dto.baseYear ?? null, source: dto.source ?? null, timeZone: dto.timeZone ?? this.config.defaultTimeZone }),
    );
  }

  /** Changes the plan at `version`; 409 with the plan as GET shows it when it has been saved since. */
  async update(id: number, { version, ...changes }: UpdatePlanDto): Promise<Plan> {
    const change = () =>
      this.dataSource.transaction(async (manager) => {
        const plan = await findForUpdate(manager, Plan, '方案', { id });
        checkVersion('方案', version, plan);
        this.checkPeriod(changes.periodStart ?? plan.periodStart, changes.periodEnd ?? plan.periodEnd);
        const saved = await manager.save(Plan, manager.merge(Plan, plan, { ...changes, version: plan.version + 1 }));
        // Items with no time of their own are due at the end of the plan: they follow a changed period.
        await manager.update(
          Milestone,
          { planId: id, kind: 'period', phrase: '' },
          { dueDate: saved.periodEnd, periodStart: saved.periodStart, note: planEndNote(saved.periodEnd) },
        );
        return saved;
      });
    return withCurrentView(change, () => this.get(id));
  }

  /**
   * Deletes a plan with everything in it: every table with a foreign key to plans, children first, so the audit log
   * records each deletion (rows below those, such as indicator values and evidence files, go by the database's
   * cascade); the audit log itself stays.
   */
  async remove(actor: Actor, id: number): Promise<void> {
    if (actor.planId !== null) throw new ForbiddenError('本账号只能管理所属方案，不能删除方案');
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id });
    await this.dataSource.transaction(async (manager) => {
      for (const table of planOwnedTables(this.dataSource.entityMetadatas)) await manager.delete(table.target, { planId: id });
      await manager.delete(Plan, { id });
    });
    // After the commit: a rolled-back delete keeps its files.
    await this.evidence.removePlan(id);
  }

  /** Items in force of each list (withdrawn ones, 撤销, are not counted), units and assignments. */
  private async counts(planId: number): Promise<PlanCounts> {
    const lists = this.dataSource.entityMetadatas.filter((m) => (m.target as { prototype?: unknown }).prototype instanceof ListItemEntity);
    const counted = await Promise.all([
      ...lists.map(async (m) => [m.tableName, await this.dataSource.getRepository(m.target).countBy({ planId, withdrawnOn: IsNull() })] as const),
      ...['units', 'assignments'].map(async (table) => [table, await this.dataSource.getRepository(table).countBy({ planId })] as const),
    ]);
    return Object.fromEntries(counted);
  }

  private checkPeriod(start: string, end: string): void {
    if (start > end) {
      throw new ValidationFailedError([{ field: 'periodEnd', value: end, message: `规划期结束日期${end}早于开始日期${start}` }]);
    }
  }
}

/** The tables whose rows belong to one plan (a foreign key to plans), each before the tables it points to. */
export function planOwnedTables(metadatas: readonly EntityMetadata[]): EntityMetadata[] {
  const owned = metadatas.filter((m) => m.target !== Plan && m.foreignKeys.some((fk) => fk.referencedEntityMetadata.target === Plan));
  const ordered: EntityMetadata[] = [];
  const visit = (table: EntityMetadata) => {
    if (ordered.includes(table)) return;
    for (const child of owned) if (child !== table && child.foreignKeys.some((fk) => fk.referencedEntityMetadata === table)) visit(child);
    ordered.push(table);
  };
  owned.forEach(visit);
  return ordered;
}
