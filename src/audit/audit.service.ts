import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import type { Page } from '../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Plan } from '../plans/plan.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { changedColumns } from './audit-values.js';
import type { AllAuditQuery, AuditEntryView, AuditQuery } from './audit.dto.js';

/** Reads the audit log (entries are written by AuditSubscriber and by imports), newest first. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One plan's entries, dates read in the plan's time zone. */
  async forPlan(planId: number, query: AuditQuery): Promise<Page<AuditEntryView>> {
    const plan = await this.dataSource.getRepository(Plan).findOneBy({ id: planId });
    if (!plan) throw new NotFoundError('方案', planId);
    return this.list({ ...query, planId }, plan.timeZone);
  }

  /** Every plan's entries (and those of no plan: admins, tokens), dates read in the default time zone. */
  all(query: AllAuditQuery): Promise<Page<AuditEntryView>> {
    return this.list(query, this.config.defaultTimeZone);
  }

  private async list(query: AllAuditQuery, timeZone: string): Promise<Page<AuditEntryView>> {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
    if (query.planId !== undefined) qb.andWhere('e.planId = :planId', { planId: query.planId });
    if (query.entityType !== undefined) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId !== undefined) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actor !== undefined) qb.andWhere('e.actorName = :actor', { actor: query.actor });
    if (query.action !== undefined) qb.andWhere('e.action = :action', { action: query.action });
    const from = query.from === undefined ? null : instant('from', query.from, timeZone, false);
    const to = query.to === undefined ? null : instant('to', query.to, timeZone, true);
    if (from && to && from.at > to.at) {
      throw new ValidationFailedError([{ field: 'from', value: query.from, message: `起始时间${query.from}晚于截止时间${query.to}` }]);
    }
    if (from) qb.andWhere('e.at >= :from', { from: from.at });
    if (to) qb.andWhere(to.exclusive ? 'e.at < :to' : 'e.at <= :to', { to: to.at });
    const [entries, total] = await qb.orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').skip(query.offset).take(query.limit).getManyAndCount();
    return { items: entries.map(toView), total };
  }
}

function toView(entry: AuditEntry): AuditEntryView {
  const { id, at, actorId, actorName, action, entityType, entityId, planId, before, after } = entry;
  const view: AuditEntryView = { id, at: at.toISOString(), actorId, actorName, action, entityType, entityId, planId, before, after };
  if (action === 'update' && before && after) {
    // A changed secret is named (its value never stored): see AuditSubscriber.
    const { changedSecrets, ...values } = after;
    view.changed = [...changedColumns(before, values), ...(Array.isArray(changedSecrets) ? (changedSecrets as string[]) : [])];
  }
  return view;
}

/**
 * A from/to filter as an instant. A calendar date means the whole day in the time zone: `from` its start,
 * `to` the start of the next day (exclusive). An instant with an offset is taken as it is.
 */
function instant(field: string, value: string, timeZone: string, end: boolean): { at: Date; exclusive: boolean } {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const at = day ? startOfDay(Number(day[1]), Number(day[2]), Number(day[3]) + (end ? 1 : 0), timeZone) : new Date(value);
  if (Number.isNaN(at.getTime()) || (day && !validDay(Number(day[1]), Number(day[2]), Number(day[3])))) {
    throw new ValidationFailedError([{ field, value, message: `“${value}”不是有效的日期或时间` }]);
  }
  return { at, exclusive: day !== null && end };
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The instant a calendar day starts in a time zone (day may run past the month's end: Date.UTC carries it). */
function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let guess = wall - offset(new Date(wall), timeZone);
  guess = wall - offset(new Date(guess), timeZone);
  return new Date(guess);
}

/** How far the time zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offset(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}
