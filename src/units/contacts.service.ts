import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ROBOT_HOSTS, robotAddressProblem } from '../outbox/robot-address.js';
import { isEmail } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { checkVersion, withCurrentView } from '../database/check-version.js';
import { findForUpdate } from '../database/locked-find.js';
import { maskWebhook } from '../outbox/webhook-transport.js';
import type { ContactListQuery, CreateContactDto, UpdateContactDto } from './contact.dto.js';
import { type Channel, UnitContact } from './unit-contact.entity.js';
import { Unit } from './unit.entity.js';

/** A contact as the API shows it: a robot's key is cut short (the whole URL is a secret). */
export type ContactView = Omit<UnitContact, 'plan' | 'unit'> & { unitName: string };

/** What is wrong with an address for this channel (robots: see robotAddressProblem), or null. */
export function addressProblem(channel: Channel, address: string, allowedHosts: readonly string[]): string | null {
  if (channel === 'email') return isEmail(address) ? null : `“${address}”不是有效的邮箱地址`;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `“${maskWebhook(address)}”不是有效的网址（应为群机器人的 webhook 地址）`;
  }
  const problem = robotAddressProblem(channel, url, allowedHosts);
  if (problem) return problem.chinese;
  const own = ROBOT_HOSTS[channel];
  if (url.hostname === own.host && !url.searchParams.get(own.param)) return `${own.name}机器人地址缺少 ${own.param} 参数`;
  return null;
}

/** The addresses a unit's messages go to besides the liaison and head kept on the unit: more emails, leaders, robots. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listPlan(planId: number, query: ContactListQuery): Promise<ContactView[]> {
    const contacts = await this.dataSource.getRepository(UnitContact).find({
      where: { planId, ...(query.unitId ? { unitId: query.unitId } : {}) },
      relations: { unit: true },
      order: { unitId: 'ASC', id: 'ASC' },
    });
    return contacts.map(view);
  }

  async list(planId: number, unitId: number): Promise<ContactView[]> {
    await this.unit(this.dataSource.manager, planId, unitId);
    return this.listPlan(planId, { unitId });
  }

  async create(planId: number, unitId: number, dto: CreateContactDto): Promise<ContactView> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.unit(manager, planId, unitId);
      const fields = { role: dto.role, channel: dto.channel, name: dto.name ?? '', address: dto.address };
      await this.check(manager, unit, fields, null);
      const saved = await manager.save(UnitContact, manager.create(UnitContact, { planId, unitId, ...fields }));
      return view({ ...saved, unit });
    });
  }

  async update(planId: number, unitId: number, id: number, { version, ...dto }: UpdateContactDto): Promise<ContactView> {
    return withCurrentView(
      () =>
        this.dataSource.transaction(async (manager) => {
          const unit = await this.unit(manager, planId, unitId);
          const contact = await findForUpdate(manager, UnitContact, '联系人', { id, unitId });
          checkVersion('联系人', version, contact);
          Object.assign(contact, dto);
          await this.check(manager, unit, contact, id);
          const saved = await manager.save(UnitContact, contact);
          return view({ ...saved, unit });
        }),
      async (row: UnitContact) => view({ ...row, unit: await this.unit(this.dataSource.manager, planId, unitId) }),
    );
  }

  async remove(planId: number, unitId: number, id: number): Promise<void> {
    await this.unit(this.dataSource.manager, planId, unitId);
    const repo = this.dataSource.getRepository(UnitContact);
    const contact = await repo.findOneBy({ id, unitId });
    if (!contact) throw new NotFoundError('联系人', id);
    await repo.remove(contact);
  }

  private async unit(manager: EntityManager, planId: number, unitId: number): Promise<Unit> {
    const unit = await manager.findOneBy(Unit, { id: unitId, planId });
    if (!unit) throw new NotFoundError('单位', unitId);
    return unit;
  }

  private async check(manager: EntityManager, unit: Unit, c: Pick<UnitContact, 'role' | 'channel' | 'address'>, id: number | null): Promise<void> {
    const problem = addressProblem(c.channel, c.address, this.config.webhookAllowedHosts);
    if (problem) throw new ValidationFailedError([{ field: 'address', value: c.channel === 'email' ? c.address : maskWebhook(c.address), message: problem }]);
    const same = await manager.findOneBy(UnitContact, { unitId: unit.id, role: c.role, channel: c.channel, address: c.address });
    if (same && same.id !== id) {
      const shown = c.channel === 'email' ? c.address : maskWebhook(c.address);
      throw new ConflictError(`${unit.name}已有这个联系人：${shown}`, [{ field: 'address', value: shown, message: '重复' }]);
    }
  }
}

function view(contact: UnitContact & { unit?: Unit }): ContactView {
  const { unit, plan: _plan, ...rest } = contact;
  return { ...rest, address: rest.channel === 'email' ? rest.address : maskWebhook(rest.address), unitName: unit?.name ?? '' };
}
