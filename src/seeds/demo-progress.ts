import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/role.js';
import { User } from '../auth/user.entity.js';
import { Clock } from '../common/clock.js';
import type { ListType } from '../common/item-type.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { Milestone } from '../deadlines/milestone.entity.js';
import { IndicatorValuesService } from '../goals/indicator-values.service.js';
import { InstructionsService } from '../instructions/instructions.service.js';
import { Plan } from '../plans/plan.entity.js';
import { ExtensionsService } from '../progress/extensions.service.js';
import { NoticesService } from '../progress/notices.service.js';
import { ProgressReport } from '../progress/progress-report.entity.js';
import { ProgressService } from '../progress/progress.service.js';
import { ReviewService } from '../progress/review.service.js';
import { SignaturesService } from '../signatures/signatures.service.js';
import { SEEDS_DIR } from './seed-files.js';
import { LIST_OF } from '../lists/list-registry.js';

/** [plan key, list, 序号] */
type ItemRef = [string, ListType, number];

interface Step {
  /** A name later steps refer to (a report, notice or extension request). */
  id?: string;
  /** The day it happens (plan time zone, at 10:00). */
  date: string;
  /** The demo user who does it. */
  as: string;
  do: 'sign' | 'report' | 'accept' | 'return' | 'notice' | 'answer' | 'extension' | 'approve' | 'override' | 'value' | 'instruct';
  item?: ItemRef;
  /** Index of the item's milestone (0: the first). */
  milestone?: number;
  ref?: string;
  state?: 'in_progress' | 'done';
  percent?: number;
  quantityDone?: number;
  investmentDone?: number;
  narrative?: string;
  comment?: string;
  content?: string;
  answer?: string;
  answerBy?: string;
  requestedDueDate?: string;
  reason?: string;
  dueDate?: string;
  note?: string;
  period?: string;
  value?: number;
}

interface DemoProgressFile {
  /** Every demo text starts with it; a plan holding a report with it has had its demo progress. */
  marker: string;
  steps: Step[];
}


/**
 * DEMO ONLY. Loads seeds/demo-progress.json: reports, close-outs, a returned report, a notice and its answer, a
 * notice still open (to answer in the web app), extensions, a deadline override, indicator values, 批示 and 签收 by
 * the demo accounts, each step through the
 * service a request would use, with the clock set to the step's date (and set back afterwards). Runs once: when
 * any plan it names already has a progress report, nothing is loaded (the demo or real work is there).
 */
export async function loadDemoProgress(app: INestApplicationContext, dir = SEEDS_DIR): Promise<number> {
  const file = join(dir, 'demo-progress.json');
  if (!existsSync(file)) return 0;
  const demo = JSON.parse(readFileSync(file, 'utf8')) as DemoProgressFile;
  const dataSource = app.get(DataSource);
  const manager = dataSource.manager;
  const plans = new Map((await manager.find(Plan, { where: { key: In([...new Set(demo.steps.flatMap((s) => (s.item ? [s.item[0]] : [])))]) } })).map((p) => [p.key!, p]));
  if (!plans.size || (await manager.count(ProgressReport, { where: { planId: In([...plans.values()].map((p) => p.id)) } })) > 0) return 0;
  const users = new Map((await manager.find(User, { where: { username: In([...new Set(demo.steps.map((s) => s.as))]) } })).map((u) => [u.username, u]));

  const clock = app.get(Clock);
  const config = app.get<AppConfig>(APP_CONFIG);
  const services = {
    progress: app.get(ProgressService, { strict: false }),
    review: app.get(ReviewService, { strict: false }),
    notices: app.get(NoticesService, { strict: false }),
    extensions: app.get(ExtensionsService, { strict: false }),
    deadlines: app.get(DeadlinesService, { strict: false }),
    values: app.get(IndicatorValuesService, { strict: false }),
    instructions: app.get(InstructionsService, { strict: false }),
    signatures: app.get(SignaturesService, { strict: false }),
  };
  const refs = new Map<string, number>();
  let done = 0;
  try {
    for (const step of [...demo.steps].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
      const user = users.get(step.as);
      if (!user) continue; // a demo plan that is not loaded, or its user
      const planKey = step.item?.[0] ?? keyOf(plans, user.planId);
      const plan = plans.get(planKey);
      if (!plan) continue;
      clock.set(new Date(`${step.date}T10:00:00${offsetOf(plan.timeZone)}`));
      const actor: Actor = { userId: user.id, username: user.username, role: user.role, planId: user.planId, unitId: user.unitId, tokenId: 0, tokenKind: 'session' };
      const id = await runStep(step, plan, actor, services, manager, refs);
      if (step.id && id !== null) refs.set(step.id, id);
      done++;
    }
  } catch (error) {
    throw new Error(`seeds/demo-progress.json: ${(error as Error).message}`, { cause: error });
  } finally {
    clock.set(config.clock);
  }
  Logger.log(`Demo progress (DEMO ONLY, texts marked ${demo.marker}) loaded: ${done} steps on ${[...plans.keys()].join(', ')}`, 'Seed');
  return done;
}

type Services = {
  progress: ProgressService;
  review: ReviewService;
  notices: NoticesService;
  extensions: ExtensionsService;
  deadlines: DeadlinesService;
  values: IndicatorValuesService;
  instructions: InstructionsService;
  signatures: SignaturesService;
};

async function runStep(step: Step, plan: Plan, actor: Actor, s: Services, manager: EntityManager, refs: Map<string, number>): Promise<number | null> {
  const ref = () => {
    const id = step.ref ? refs.get(step.ref) : undefined;
    if (id === undefined) throw new Error(`step "${step.do}" on ${step.date} refers to "${step.ref}", which no earlier step made`);
    return id;
  };
  const item = step.item ? await itemId(manager, plan, step.item) : 0;
  const itemType = step.item?.[1] as ListType;
  const milestone = async () => milestoneId(manager, itemType, item, step.milestone ?? 0, step.item!);
  switch (step.do) {
    case 'sign':
      return (await s.signatures.sign(plan.id, actor, { itemType, itemId: item })).id;
    case 'report': {
      const report = await s.progress.create(actor, plan.id, {
        itemType,
        itemId: item,
        ...(step.milestone !== undefined ? { milestoneId: await milestone() } : {}),
        state: step.state!,
        percent: step.percent,
        quantityDone: step.quantityDone,
        investmentDone: step.investmentDone,
        narrative: step.narrative,
        submit: true,
      });
      return report.id;
    }
    case 'accept':
      return (await s.review.accept(actor, plan.id, ref(), step.comment)).id;
    case 'return':
      return (await s.review.return(actor, plan.id, ref(), step.comment)).id;
    case 'notice':
      return (await s.notices.issue(plan.id, actor, { itemType, itemId: item, content: step.content!, answerBy: step.answerBy })).id;
    case 'answer':
      return (await s.notices.answer(plan.id, actor, ref(), { answer: step.answer! })).id;
    case 'extension':
      return (await s.extensions.request(plan.id, actor, { milestoneId: await milestone(), requestedDueDate: step.requestedDueDate!, reason: step.reason! })).id;
    case 'approve':
      return (await s.extensions.approve(plan.id, actor, ref(), { comment: step.comment })).id;
    case 'override': {
      const id = await milestone();
      const current = await manager.findOneByOrFail(Milestone, { id });
      return (await s.deadlines.override(plan.id, id, { dueDate: step.dueDate!, note: step.note, version: current.version })).id;
    }
    case 'value':
      return (await s.values.record(actor, plan.id, item, step.period!, { value: step.value, note: step.note })).id;
    case 'instruct':
      return (await s.instructions.create(plan.id, actor, { itemType, itemId: item, content: step.content! })).id;
  }
}

async function itemId(manager: EntityManager, plan: Plan, [, list, seq]: ItemRef): Promise<number> {
  const row = await manager.findOneBy(LIST_OF[list].entity, { planId: plan.id, seq });
  if (!row) throw new Error(`${plan.key} has no ${list} ${seq}`);
  return row.id;
}

async function milestoneId(manager: EntityManager, itemType: ListType, itemId: number, index: number, ref: ItemRef): Promise<number> {
  const milestones = await manager.find(Milestone, { where: { itemType, itemId }, order: { seq: 'ASC', id: 'ASC' } });
  if (!milestones[index]) throw new Error(`${ref.join(' ')} has no milestone ${index}`);
  return milestones[index].id;
}

function keyOf(plans: Map<string, Plan>, planId: number | null): string {
  return [...plans.values()].find((p) => p.id === planId)?.key ?? '';
}

const offsets = new Map<string, string>();

/**
 * "+08:00" for Asia/Shanghai: the plan's UTC offset (the demo days fall outside any daylight saving change). Worked
 * out once per time zone: a DateTimeFormat takes about 0.4 ms to make, for each of the demo's steps.
 */
function offsetOf(timeZone: string): string {
  let offset = offsets.get(timeZone);
  if (offset === undefined) offsets.set(timeZone, (offset = utcOffset(timeZone)));
  return offset;
}

function utcOffset(timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return match ? match[1] : 'Z';
}
