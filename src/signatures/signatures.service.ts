import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { User } from '../auth/user.entity.js';
import type { Actor } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { ForbiddenError, ValidationFailedError } from '../common/domain-error.js';
import { ITEM_TYPE_NAMES, LIST_TYPES, type ListType } from '../common/item-type.js';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { Plan } from '../plans/plan.entity.js';
import { Assignment } from '../lists/assignment.entity.js';
import { findHeldItem, requireHolder, requireInForce } from '../lists/item-holders.js';
import { Unit } from '../units/unit.entity.js';
import type { SignatureListQuery, SignItemDto } from './signature.dto.js';
import { ItemSignature } from './item-signature.entity.js';
import { LISTS, titleOf } from '../lists/list-registry.js';

export interface SignatureView {
  id: number;
  planId: number;
  itemType: string;
  itemId: number;
  unit: { id: number; name: string };
  signedBy: { id: number; name: string };
  signedDate: string;
}

/** One unit's hold on one item, signed for or not. */
export interface SignatureRow {
  unit: { id: number; name: string };
  itemType: ListType;
  itemId: number;
  /** "任务11" */
  code: string;
  title: string;
  role: 'lead' | 'support';
  signed: boolean;
  signedDate: string | null;
  signedBy: { id: number; name: string } | null;
}

/**
 * Signing for items (签收): each unit holding an item (lead or support) signs for it once, so the office knows the
 * unit has taken it on. Signing again answers the first signature unchanged.
 */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async sign(planId: number, actor: Actor, dto: SignItemDto): Promise<SignatureView> {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    if (actor.role !== 'unit' || actor.unitId === null) throw new ForbiddenError('只有责任单位的用户可以签收本单位的事项');
    const manager = this.dataSource.manager;
    const item = await findHeldItem(manager, planId, dto.itemType, dto.itemId);
    requireHolder(actor, item);
    const existing = await manager.findOneBy(ItemSignature, { itemType: item.itemType, itemId: item.itemId, unitId: actor.unitId });
    if (existing) return this.view(existing);
    requireInForce(item);
    try {
      const saved = await manager.save(
        manager.create(ItemSignature, {
          planId,
          itemType: item.itemType,
          itemId: item.itemId,
          unitId: actor.unitId,
          signedById: actor.userId,
          signedDate: this.clock.today(plan.timeZone),
        }),
      );
      return this.view(saved);
    } catch (error) {
      // Two signatures racing: the first one stands.
      if (!isUniqueViolation(error)) throw error;
      return this.view(await manager.findOneByOrFail(ItemSignature, { itemType: item.itemType, itemId: item.itemId, unitId: actor.unitId }));
    }
  }

  /**
   * Every unit's hold on every item in force today (group names such as 各镇街 have no accounts and are left out),
   * with its signature; a unit user sees its own unit's only. Units in name order, then items in list order.
   */
  async list(
    planId: number,
    actor: Actor,
    query: SignatureListQuery,
  ): Promise<{ items: SignatureRow[]; total: number; units: { unit: { id: number; name: string }; held: number; unsigned: number }[] }> {
    const plan = await findOneOrThrow(this.dataSource.getRepository(Plan), '方案', { id: planId });
    if (query.itemId !== undefined && query.itemType === undefined) {
      throw new ValidationFailedError([{ field: 'itemType', value: null, message: '按 itemId 查询时须同时给出 itemType（task、project 或 indicator）' }]);
    }
    const own = actor.role === 'unit' ? (actor.unitId ?? -1) : null;
    if (own !== null && query.unitId !== undefined && query.unitId !== own) return { items: [], total: 0, units: [] };
    const unitId = own ?? query.unitId;
    const manager = this.dataSource.manager;
    const today = this.clock.today(plan.timeZone);
    const itemTypes = query.itemType ? [query.itemType] : [...LIST_TYPES];
    const [assignments, signatures, units, items] = await Promise.all([
      manager.find(Assignment, {
        where: {
          planId,
          itemType: In(itemTypes),
          ...(unitId !== undefined ? { unitId } : {}),
          ...(query.itemId !== undefined ? { itemId: query.itemId } : {}),
        },
        order: { position: 'ASC', id: 'ASC' },
      }),
      manager.find(ItemSignature, { where: { planId } }),
      manager.find(Unit, { where: { planId }, select: { id: true, name: true, kind: true } }),
      this.itemsInForce(planId, today),
    ]);
    const signers = await this.names(signatures.map((s) => s.signedById));
    const signatureOf = new Map(signatures.map((s) => [`${s.itemType}:${s.itemId}:${s.unitId}`, s]));
    const unitOf = new Map(units.map((u) => [u.id, u]));
    const rows: SignatureRow[] = [];
    for (const a of assignments) {
      const unit = unitOf.get(a.unitId);
      const item = items.get(`${a.itemType}:${a.itemId}`);
      if (!unit || unit.kind === 'group' || !item || (a.role !== 'lead' && a.role !== 'support')) continue;
      const s = signatureOf.get(`${a.itemType}:${a.itemId}:${a.unitId}`);
      rows.push({
        unit: { id: unit.id, name: unit.name },
        itemType: a.itemType as ListType,
        itemId: a.itemId,
        code: `${ITEM_TYPE_NAMES[a.itemType]}${item.seq}`,
        title: item.title,
        role: a.role,
        signed: s !== undefined,
        signedDate: s?.signedDate ?? null,
        signedBy: s ? { id: s.signedById, name: signers.get(s.signedById) ?? '' } : null,
      });
    }
    const typeRank = (t: string) => LIST_TYPES.indexOf(t as ListType);
    rows.sort(
      (x, y) =>
        x.unit.name.localeCompare(y.unit.name, 'zh') ||
        typeRank(x.itemType) - typeRank(y.itemType) ||
        items.get(`${x.itemType}:${x.itemId}`)!.seq - items.get(`${y.itemType}:${y.itemId}`)!.seq,
    );
    const perUnit = new Map<number, { unit: { id: number; name: string }; held: number; unsigned: number }>();
    for (const r of rows) {
      const entry = perUnit.get(r.unit.id) ?? { unit: r.unit, held: 0, unsigned: 0 };
      entry.held++;
      if (!r.signed) entry.unsigned++;
      perUnit.set(r.unit.id, entry);
    }
    const shown = query.signed === undefined ? rows : rows.filter((r) => r.signed === query.signed);
    return { items: shown, total: shown.length, units: [...perUnit.values()] };
  }

  private async itemsInForce(planId: number, today: string): Promise<Map<string, { seq: number; title: string }>> {
    const manager = this.dataSource.manager;
    const lists = await Promise.all(
      LISTS.map((list) => manager.find(list.entity, { where: { planId }, select: { id: true, seq: true, withdrawnOn: true, [list.titleColumn]: true } })),
    );
    const inForce = (withdrawnOn: string | null) => withdrawnOn === null || withdrawnOn > today;
    const map = new Map<string, { seq: number; title: string }>();
    LISTS.forEach((list, i) => {
      for (const item of lists[i])
        if (inForce(item.withdrawnOn)) map.set(`${list.itemType}:${item.id}`, { seq: item.seq, title: shortText(titleOf(list, item)) });
    });
    return map;
  }

  private async names(userIds: number[]): Promise<Map<number, string>> {
    const ids = [...new Set(userIds)];
    const users = ids.length
      ? await this.dataSource.manager.find(User, { where: { id: In(ids) }, select: { id: true, displayName: true, username: true } })
      : [];
    return new Map(users.map((u) => [u.id, u.displayName || u.username]));
  }

  private async view(s: ItemSignature): Promise<SignatureView> {
    const [unit, signer] = await Promise.all([this.dataSource.manager.findOneBy(Unit, { id: s.unitId }), this.names([s.signedById])]);
    return {
      id: s.id,
      planId: s.planId,
      itemType: s.itemType,
      itemId: s.itemId,
      unit: { id: s.unitId, name: unit?.name ?? '' },
      signedBy: { id: s.signedById, name: signer.get(s.signedById) ?? '' },
      signedDate: s.signedDate,
    };
  }
}

function shortText(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
