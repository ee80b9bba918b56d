import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ValidationFailedError } from '../common/domain-error.js';
import type { Actor } from '../auth/role.js';
import { checkVersion } from '../database/check-version.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { findForUpdate } from '../database/locked-find.js';
import { Plan } from '../plans/plan.entity.js';
import { UNASSIGNED } from '../tables/table-reader.js';
import { UnitGroup } from './unit-group.entity.js';
import { CONTACT_FIELDS, type CreateUnitDto, type UpdateUnitDto } from './unit.dto.js';
import { Unit } from './unit.entity.js';

type Contacts = Partial<Pick<Unit, (typeof CONTACT_FIELDS)[number]>>;

/** The contact fields the caller sent (null or blank: cleared); those left out stay as they are. */
function contactsOf(dto: Contacts): Contacts {
  const contacts: Contacts = {};
  for (const field of CONTACT_FIELDS) if (dto[field] !== undefined) contacts[field] = dto[field] ?? null;
  return contacts;
}

/** Contacts are for people signed in to the plan; the public reading a published plan gets the unit without them. */
function withContacts(unit: Unit, actor: Actor | null): Unit {
  if (actor) return unit;
  const copy = { ...unit };
  for (const field of CONTACT_FIELDS) copy[field] = null;
  return copy;
}

@Injectable()
export class UnitsService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(Unit);
  }

  /** The plan's units and groups; the public (a published plan) does not see the contacts' names, phones and emails. */
  async list(planId: number, actor: Actor | null) {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const [units, groups] = await Promise.all([
      this.repo.find({ where: { planId }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(UnitGroup).find({ where: { planId }, order: { id: 'ASC' } }),
    ]);
    const name = (id: number) => units.find((u) => u.id === id)?.name ?? '';
    return {
      items: units.map((u) => withContacts(u, actor)),
      total: units.length,
      groups: groups.map((g) => ({
        id: g.id,
        name: g.name,
        kind: g.kind,
        leader: g.leader,
        duties: g.duties,
        leadUnits: g.leadUnitIds.map((id) => ({ id, name: name(id) })),
        memberUnits: g.memberUnitIds.map((id) => ({ id, name: name(id) })),
      })),
    };
  }

  async get(planId: number, id: number, actor: Actor | null = null): Promise<Unit> {
    return withContacts(await findOneOrThrow(this.repo, '单位', { id, planId }), actor);
  }

  async create(planId: number, dto: CreateUnitDto): Promise<Unit> {
    await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    const aliases = dto.aliases ?? [];
    await this.checkNamesFree(planId, dto.name, aliases, null);
    return this.repo.save(this.repo.create({ planId, name: dto.name, aliases, kind: dto.kind ?? 'agency', ...contactsOf(dto) }));
  }

  async update(planId: number, id: number, { version, ...dto }: UpdateUnitDto): Promise<Unit> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await findForUpdate(manager, Unit, '单位', { id, planId });
      checkVersion('单位', version, unit);
      const merged: Unit = Object.assign(unit, dto);
      // Contacts are set as sent: null (or blank) clears one.
      Object.assign(merged, contactsOf(dto));
      await this.checkNamesFree(planId, merged.name, merged.aliases, id);
      return manager.save(Unit, merged);
    });
  }

  /** A unit that still holds items is not deleted: its responsibilities would be lost. */
  async remove(planId: number, id: number): Promise<void> {
    const unit = await this.get(planId, id);
    const groups = (await this.dataSource.getRepository(UnitGroup).findBy({ planId })).filter(
      (g) => g.leadUnitIds.includes(id) || g.memberUnitIds.includes(id),
    );
    if (groups.length > 0) {
      throw new ConflictError(`单位“${unit.name}”仍是${groups.map((g) => g.name).join('、')}的成员或牵头单位，不能删除`, [
        { field: 'id', value: id, message: '仍在工作组中' },
      ]);
    }
    // The lists' assignments table, named rather than imported: the lists build on units, not the other way round.
    const held = await this.dataSource.getRepository('assignments').countBy({ unitId: id });
    if (held > 0) {
      throw new ConflictError(`单位“${unit.name}”仍承担${held}项任务/项目/指标，请先移除其分工`, [{ field: 'id', value: id, message: `仍有${held}项分工` }]);
    }
    await this.repo.delete({ id });
  }

  /** Names and aliases are unique within a plan, and "暂未明确" is never a unit. */
  private async checkNamesFree(planId: number, name: string, aliases: string[], exceptId: number | null): Promise<void> {
    for (const [field, value] of [['name', name], ...aliases.map((a) => ['aliases', a])] as [string, string][]) {
      if (UNASSIGNED.test(value.trim())) {
        throw new ValidationFailedError([{ field, value, message: `“${value}”表示尚未明确责任单位，不能作为单位名称` }]);
      }
    }
    const others = (await this.repo.findBy({ planId })).filter((u) => u.id !== exceptId);
    for (const candidate of [name, ...aliases]) {
      const clash = others.find((u) => u.name === candidate || u.aliases.includes(candidate));
      if (clash) {
        throw new ConflictError(`名称“${candidate}”已被单位“${clash.name}”（id ${clash.id}）使用`, [
          { field: candidate === name ? 'name' : 'aliases', value: candidate, message: '名称已存在' },
        ]);
      }
    }
  }
}
