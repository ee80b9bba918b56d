import { Inject, Injectable } from '@nestjs/common';
import { shortTitle } from '../common/short-title.js';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import type { Channel } from '../units/unit-contact.entity.js';
import { recipientKey, type UnitAddresses, type UnitContactAddress } from './recipients.js';
import type { InstructionNote } from './reminder-types.js';
import type { User } from '../auth/user.entity.js';
import { groupBy } from '../common/group-by.js';
import { ITEM_TYPE_NAMES, type ListType } from '../common/item-type.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RawReader } from '../database/raw-reader.js';
import type { AssignmentRow, ItemFactRow, MilestoneRow } from '../reports/report-facts.js';
import { REPORT_SQL } from '../reports/report-sql.js';
import type { Plan } from '../plans/plan.entity.js';
import { ProgressReport } from '../progress/progress-report.entity.js';
import { StatusService } from '../lists/status.service.js';
import type { ReadItem } from '../lists/item-read-model.js';
import type { ItemStatus, MilestoneStatus } from '../status/status.js';
import { itemLink, myListLink, planOverviewLink } from './app-links.js';
import { itemKey } from '../status/derive-statuses.js';

export interface SnapshotMilestone {
  id: number;
  phrase: string;
  status: MilestoneStatus;
}

export interface SnapshotItem extends ItemStatus {
  itemType: ListType;
  itemId: number;
  /** "任务11" */
  code: string;
  title: string;
  link: string;
  leadUnitIds: number[];
  supportUnitIds: number[];
  /** The office paused its reminders. */
  paused: boolean;
  /** Leaders' instructions (批示) given on or before asOf, oldest first. */
  instructions: InstructionNote[];
  /** Units that have signed for (签收) the item by asOf. */
  signedUnitIds: number[];
  milestones: SnapshotMilestone[];
}

/** What reminders read of a unit and of the contacts added to it (recipients.ts finds who hears from these). */
export type SnapshotUnit = UnitAddresses;
export type SnapshotContact = UnitContactAddress;
/** An office or leader account reminders may go to. */
export type SnapshotUser = Pick<User, 'id' | 'email' | 'displayName' | 'role'>;

/** A plan as reminders and digests see it on one date. */
export interface PlanSnapshot {
  plan: Plan;
  asOf: string;
  /** The plan's overview page in the web app (PUBLIC_URL + /plans/:planId/overview). */
  planLink: string;
  /** A unit's own list in the web app (PUBLIC_URL + /plans/:planId/my). */
  myLink: string;
  items: SnapshotItem[];
  units: Map<number, SnapshotUnit>;
  contacts: Map<number, SnapshotContact[]>;
  /** Office and leader accounts of the plan (or of every plan) that have an email. */
  officeUsers: SnapshotUser[];
  leaderUsers: SnapshotUser[];
}

/** An item as a digest reads it: no pauses or signatures (reminders' business). */
export type DigestItem = Omit<SnapshotItem, 'paused' | 'signedUnitIds'>;

/** What a digest reads of a plan on a date: its items with their statuses and 批示, and its units' names. */
export interface PlanDigestView {
  plan: Plan;
  asOf: string;
  planLink: string;
  items: DigestItem[];
  units: ReadonlyMap<number, { id: number; name: string }>;
}

/** One item as StatusService.read gives it. */
type ItemRead = ReadItem<ItemFactRow, MilestoneRow, AssignmentRow>;

interface InstructionRow {
  itemType: string;
  itemId: number;
  issuedDate: string;
  authorName: string;
  content: string;
}

/** Leaders' 批示 given on or before a date, oldest first. */
const INSTRUCTIONS_SQL = `SELECT "itemType", "itemId", CAST("issuedDate" AS TEXT) AS "issuedDate", "authorName", content FROM instructions
  WHERE "planId" = ? AND "issuedDate" <= ? ORDER BY "issuedDate", id`;

/**
 * Plans read and worked out at once by the sweep and the digest. On PostgreSQL one plan is worked out while another
 * waits on the server; SQLite's driver does not wait, so plans there go one after another.
 */
export function plansAtOnce(config: AppConfig): number {
  return config.database.type === 'postgres' ? Math.min(3, config.database.poolSize) : 1;
}

/** Whether each item of a plan was overdue on a date: all a digest needs of the week before. */
export interface PlanStatuses {
  items: Pick<SnapshotItem, 'itemType' | 'itemId' | 'overdue'>[];
}

/** Reads a plan's items, milestones, statuses, units, contacts and pauses in a few queries. */
@Injectable()
export class PlanSnapshots {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: RawReader,
    private readonly statuses: StatusService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * What a digest reads of a plan: on `today` its items with statuses and 批示 and its units' names, and on `since`
   * whether each item was overdue. Milestones and holders (the same on both dates) are read once; plain rows.
   */
  async forDigest(plan: Plan, today: string, since: string): Promise<{ now: PlanDigestView; then: PlanStatuses }> {
    const [rowsNow, rowsThen, milestones, assignments, units, instructions] = await Promise.all([
      this.facts<ItemFactRow>(plan, 'items', today),
      this.facts<ItemFactRow>(plan, 'items', since),
      this.facts<MilestoneRow>(plan, 'milestones', today),
      this.facts<AssignmentRow>(plan, 'assignments', today),
      this.reader.all<{ id: number; name: string }>(`SELECT id, name FROM units WHERE "planId" = ?`, [plan.id]),
      this.reader.all<InstructionRow>(INSTRUCTIONS_SQL, [plan.id, today]),
    ]);
    const [readNow, readThen] = await Promise.all([
      this.statuses.read(plan, rowsNow, { milestones, assignments }, today),
      this.statuses.read(plan, rowsThen, { milestones, assignments }, since),
    ]);
    const instructionsOf = groupBy(instructions, (i) => itemKey(i.itemType, i.itemId));
    return {
      now: {
        plan,
        asOf: today,
        planLink: planOverviewLink(this.config.publicUrl, plan.id),
        items: readNow.map((r) => this.item(plan, r, instructionsOf.get(itemKey(r.row.itemType, r.row.itemId)) ?? [])),
        units: new Map(units.map((u) => [u.id, u])),
      },
      then: { items: readThen.map(({ row, status }) => ({ itemType: row.itemType, itemId: row.itemId, overdue: status.overdue })) },
    };
  }

  /** Every item with its status on asOf, and whom the reminders go to; plain rows throughout. */
  async load(plan: Plan, asOf: string): Promise<PlanSnapshot> {
    const [read, pauses, units, contacts, users, instructions, signatures] = await Promise.all([
      this.read(plan, asOf),
      this.reader.all<{ itemType: string; itemId: number }>(`SELECT "itemType", "itemId" FROM reminder_pauses WHERE "planId" = ?`, [plan.id]),
      this.reader.all<SnapshotUnit>(`SELECT id, name, "liaisonName", "liaisonEmail", "headName", "headEmail" FROM units WHERE "planId" = ?`, [plan.id]),
      this.reader.all<SnapshotContact>(`SELECT "unitId", role, channel, address, name FROM unit_contacts WHERE "planId" = ? ORDER BY id`, [plan.id]),
      // Office and leader accounts of the plan or of every plan, active, with an email (active is 1/0 on SQLite, a boolean on PostgreSQL).
      this.reader.all<SnapshotUser>(
        `SELECT id, email, "displayName", role FROM users
         WHERE ("planId" = ? OR "planId" IS NULL) AND active AND email IS NOT NULL AND role IN ('office', 'leader') ORDER BY id`,
        [plan.id],
      ),
      this.reader.all<InstructionRow>(INSTRUCTIONS_SQL, [plan.id, asOf]),
      this.reader.all<{ itemType: string; itemId: number; unitId: number }>(
        `SELECT "itemType", "itemId", "unitId" FROM item_signatures WHERE "planId" = ? AND "signedDate" <= ?`,
        [plan.id, asOf],
      ),
    ]);
    const planLink = planOverviewLink(this.config.publicUrl, plan.id);
    const paused = new Set(pauses.map((p) => itemKey(p.itemType, p.itemId)));
    const instructionsOf = groupBy(instructions, (i) => itemKey(i.itemType, i.itemId));
    const signedOf = groupBy(signatures, (s) => itemKey(s.itemType, s.itemId));
    const items = read.map((r): SnapshotItem => {
      const key = itemKey(r.row.itemType, r.row.itemId);
      // The digest's item with the two facts only reminders need, added to it rather than copied.
      return Object.assign(this.item(plan, r, instructionsOf.get(key) ?? []), {
        paused: paused.has(key),
        signedUnitIds: (signedOf.get(key) ?? []).map((sig) => sig.unitId),
      });
    });
    return {
      plan,
      asOf,
      planLink,
      myLink: myListLink(this.config.publicUrl, plan.id),
      items,
      units: new Map(units.map((u) => [u.id, u])),
      contacts: groupBy(contacts, (c) => c.unitId),
      officeUsers: users.filter((u) => u.role === 'office'),
      leaderUsers: users.filter((u) => u.role === 'leader'),
    };
  }

  /** Items (in force on asOf), milestones and holders as the reports read them (plain rows), with their statuses. */
  private async read(plan: Plan, asOf: string) {
    const [rows, milestones, assignments] = await Promise.all([
      this.facts<ItemFactRow>(plan, 'items', asOf),
      this.facts<MilestoneRow>(plan, 'milestones', asOf),
      this.facts<AssignmentRow>(plan, 'assignments', asOf),
    ]);
    return this.statuses.read(plan, rows, { milestones, assignments }, asOf);
  }

  /** Items in force on asOf, milestones or holders, as the reports read them. */
  private facts<T>(plan: Plan, part: 'items' | 'milestones' | 'assignments', asOf: string): Promise<T[]> {
    return this.reader.all<T>(REPORT_SQL[part].sql, REPORT_SQL[part].params(plan.id, asOf));
  }

  private item(plan: Plan, { row, lead, support, milestones, status }: ItemRead, instructions: InstructionRow[]): DigestItem {
    return {
      itemType: row.itemType,
      itemId: row.itemId,
      code: `${ITEM_TYPE_NAMES[row.itemType]}${row.seq}`,
      title: shortTitle(row.title),
      link: itemLink(this.config.publicUrl, plan.id, row.itemType, row.itemId),
      leadUnitIds: lead.map((a) => a.unitId),
      supportUnitIds: support.map((a) => a.unitId),
      instructions: instructions.map((i) => ({ date: i.issuedDate, author: i.authorName, content: i.content })),
      status: status.status,
      overdue: status.overdue,
      light: status.light,
      milestones: milestones.map((m) => ({ id: m.row.id, phrase: m.row.phrase, status: m.status })),
    };
  }

  /**
   * The latest day before `before` on which each recipient (by recipientKey) was sent a message of this plan:
   * a reminder lists the 批示 given since then.
   */
  async lastMessageDates(planId: number, before: string): Promise<Map<string, string>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(OutboxMessage, 'm')
      .select('m.channel', 'channel')
      .addSelect('m.recipient', 'recipient')
      .addSelect('MAX(m.sendDate)', 'last')
      .where('m.planId = :planId AND m.sendDate < :before', { planId, before })
      .groupBy('m.channel')
      .addGroupBy('m.recipient')
      .getRawMany<{ channel: Channel; recipient: string; last: string }>();
    const last = new Map<string, string>();
    for (const r of rows) {
      const key = recipientKey({ channel: r.channel, address: r.recipient });
      const date = String(r.last).slice(0, 10);
      if (!last.has(key) || last.get(key)! < date) last.set(key, date);
    }
    return last;
  }

  /** Units of the plan that have submitted a progress report on or after this date (the nudge spares them). */
  async unitsReportedSince(planId: number, date: string): Promise<Set<number>> {
    const reports = await this.dataSource.manager.find(ProgressReport, {
      where: { planId, submittedDate: MoreThanOrEqual(date) },
      select: { id: true, unitId: true },
    });
    return new Set(reports.map((r) => r.unitId));
  }
}
