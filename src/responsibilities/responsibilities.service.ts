import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { ConflictError, ValidationFailedError } from '../common/domain-error.js';
import { ITEM_TYPE_NAMES, LIST_NAMES, LIST_NAMING, type ListName } from '../common/item-type.js';
import { LIST_OF, LISTS, titleOf } from '../lists/list-registry.js';
import { checkVersion } from '../database/check-version.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { findForUpdate } from '../database/locked-find.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { toMilestoneView } from '../deadlines/milestone-view.js';
import { ItemQueryService } from '../lists/item-query.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { type AssignableType, type CreateAssignmentDto, type UpdateAssignmentDto } from './assignment.dto.js';
import { Assignment, type AssignmentRole } from '../lists/assignment.entity.js';

interface ItemSummary {
  itemType: AssignableType;
  id: number;
  seq: number;
  title: string;
}

/** Per list (tasks, projects, indicators) and in all. */
type RoleCounts = Record<ListName | 'total', number>;

/** The responsibility matrix (责任清单): who leads and supports what, per unit, and the items nobody leads. */
@Injectable()
export class ResponsibilitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemQueryService,
  ) {}

  async matrix(planId: number, unitQuery?: string) {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const [units, allAssignments, items] = await Promise.all([
      this.dataSource.getRepository(Unit).find({ where: { planId }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(Assignment).find({ where: { planId }, order: { position: 'ASC' } }),
      this.summaries(planId),
    ]);
    // Withdrawn items (撤销) are no one's responsibility any more.
    const inForce = new Set(items.map((i) => `${i.itemType}:${i.id}`));
    const assignments = allAssignments.filter((a) => a.itemType === 'stage' || inForce.has(`${a.itemType}:${a.itemId}`));
    const led = new Set(assignments.filter((a) => a.role === 'lead').map((a) => `${a.itemType}:${a.itemId}`));
    const gaps = items.filter((i) => !led.has(`${i.itemType}:${i.id}`));
    const countsFor = (unitId: number, role: AssignmentRole): RoleCounts => {
      const counts = Object.fromEntries([...LIST_NAMES, 'total'].map((key) => [key, 0])) as RoleCounts;
      for (const a of assignments) {
        if (a.unitId !== unitId || a.role !== role || a.itemType === 'stage') continue;
        counts[LIST_NAMING[a.itemType].name]++;
        counts.total++;
      }
      return counts;
    };
    const unitView = (u: Unit) => ({ id: u.id, name: u.name, kind: u.kind });

    if (unitQuery === undefined) {
      return {
        units: units
          .map((u) => ({ unit: unitView(u), lead: countsFor(u.id, 'lead'), support: countsFor(u.id, 'support') }))
          .filter((row) => row.lead.total + row.support.total > 0),
        gaps: { total: gaps.length, items: gaps },
      };
    }

    const unit = await this.items.resolveUnit(planId, unitQuery, 'unit');
    const mine = assignments.filter((a) => a.unitId === unit.id);
    const byKey = new Map(items.map((i) => [`${i.itemType}:${i.id}`, i]));
    const milestones = await this.dataSource.getRepository(Milestone).find({
      where: { planId, itemId: In(mine.map((a) => a.itemId)) },
      order: { seq: 'ASC' },
    });
    const rows = mine
      .map((a) => ({ role: a.role, assignmentId: a.id, assignmentVersion: a.version, item: byKey.get(`${a.itemType}:${a.itemId}`) }))
      .filter((r): r is { role: AssignmentRole; assignmentId: number; assignmentVersion: number; item: ItemSummary } => r.item !== undefined)
      .sort((x, y) => x.item.itemType.localeCompare(y.item.itemType) || x.item.seq - y.item.seq)
      .map((r) => ({
        role: r.role,
        assignmentId: r.assignmentId,
        // What PATCH /assignments/:id must send as `version`.
        assignmentVersion: r.assignmentVersion,
        ...r.item,
        milestones: milestones.filter((m) => m.itemType === r.item.itemType && m.itemId === r.item.id).map((m) => toMilestoneView(m)),
      }));
    return {
      unit: unitView(unit),
      lead: countsFor(unit.id, 'lead'),
      support: countsFor(unit.id, 'support'),
      items: rows,
      gaps: { total: gaps.length, items: gaps },
    };
  }

  async assign(planId: number, dto: CreateAssignmentDto): Promise<Assignment> {
    await this.checkItem(planId, dto.itemType, dto.itemId);
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id: dto.unitId, planId });
    if (!unit) throw new ValidationFailedError([{ field: 'unitId', value: dto.unitId, message: `本方案没有id为${dto.unitId}的单位` }]);
    const repo = this.dataSource.getRepository(Assignment);
    const existing = await repo.findOneBy({ itemType: dto.itemType, itemId: dto.itemId, unitId: dto.unitId });
    if (existing) {
      throw new ConflictError(`单位“${unit.name}”已是该${ITEM_TYPE_NAMES[dto.itemType]}的${existing.role === 'lead' ? '牵头' : '配合'}单位`, [
        { field: 'unitId', value: dto.unitId, message: '分工已存在' },
      ]);
    }
    const position = await repo.countBy({ itemType: dto.itemType, itemId: dto.itemId, role: dto.role });
    return repo.save(repo.create({ ...dto, planId, position }));
  }

  /** The assignment must be at `version` (409 with the assignment row as it is now otherwise). */
  async changeRole(planId: number, id: number, dto: UpdateAssignmentDto): Promise<Assignment> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await findForUpdate(manager, Assignment, '分工', { id, planId });
      checkVersion('分工', dto.version, assignment);
      assignment.role = dto.role;
      assignment.version += 1;
      return manager.save(Assignment, assignment);
    });
  }

  async unassign(planId: number, id: number): Promise<void> {
    const repo = this.dataSource.getRepository(Assignment);
    await findOneOrThrow(repo, '分工', { id, planId });
    await repo.delete({ id });
  }

  private async checkItem(planId: number, itemType: AssignableType, itemId: number): Promise<void> {
    const found = await this.dataSource.getRepository(LIST_OF[itemType].entity).findOneBy({ id: itemId, planId });
    if (!found) {
      throw new ValidationFailedError([{ field: 'itemId', value: itemId, message: `本方案没有id为${itemId}的${ITEM_TYPE_NAMES[itemType]}` }]);
    }
  }

  private async summaries(planId: number): Promise<ItemSummary[]> {
    const lists = await Promise.all(
      LISTS.map(async (list) => {
        const items = await this.dataSource.getRepository(list.entity).find({ where: { planId, withdrawnOn: IsNull() }, order: { seq: 'ASC' } });
        return items.map((item) => ({ itemType: list.itemType, id: item.id, seq: item.seq, title: titleOf(list, item) }));
      }),
    );
    return lists.flat();
  }
}
