import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ReportCache } from './report-cache.js';
import { ReportsService } from './reports.service.js';

/** How far the last pass got: every plan's reports of today kept when ready equals plans. */
export interface ReportsAheadStatus {
  plans: number;
  ready: number;
  /** When the last pass ended (null: none has yet). */
  checkedAt: string | null;
}

/** Today's reports of all plans may fill at most this share of the cache, so they never push each other out. */
const CACHE_SHARE = 0.75;

/** Lets requests waiting on the event loop go first: on SQLite a plan's reading and building never waits on I/O. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Works out each plan's progress and overdue reports of today before anyone asks, so even a plan's first ask is
 * answered from the report cache. A pass every REPORTS_AHEAD_SECONDS, from start-up on, builds those not kept at the
 * plan's current revision: after start, after any change through any instance, and when a new day begins in the plan's
 * time zone. Between a change and the next pass, an ask works its report out itself, as it would without this.
 */
@Injectable()
export class ReportsAheadService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Reports');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** What was logged, so a condition that lasts is logged once, not at every pass: the plans unread, the cache full, a plan failing at a revision. */
  private readonly logged = new Set<string>();
  private last: ReportsAheadStatus = { plans: 0, ready: 0, checkedAt: null };

  constructor(
    private readonly reports: ReportsService,
    private readonly cache: ReportCache,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reportsAheadSeconds > 0) this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  status(): Readonly<ReportsAheadStatus> {
    return this.last;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.config.reportsAheadSeconds * 1000);
      });
    }, delayMs);
    this.timer.unref();
  }

  /** One pass over the plans; a plan whose reports fail is logged and the others go on. */
  async pass(): Promise<void> {
    let plans;
    try {
      plans = await this.reports.allPlans();
      this.logged.delete('plans');
    } catch (error) {
      this.logOnce('plans', 'error', `Reports ahead: reading the plans failed: ${(error as Error).message}`);
      return;
    }
    let ready = 0;
    let bytes = 0;
    for (const plan of plans) {
      if (this.stopped) return;
      if (bytes > this.cache.budget * CACHE_SHARE) {
        this.logOnce('cache full', 'warn', `Reports ahead: today's reports of ${ready} of ${plans.length} plans fill the report cache; the others are worked out when asked`);
        break;
      }
      try {
        bytes += await this.reports.workOutToday(plan);
        ready++;
      } catch (error) {
        this.logOnce(`plan ${plan.id}@${plan.revision}`, 'error', `Reports ahead: plan ${plan.id} (${plan.name}) failed: ${(error as Error).stack ?? String(error)}`);
      }
      await yieldToRequests();
    }
    this.last = { plans: plans.length, ready, checkedAt: this.clock.now().toISOString() };
  }

  private logOnce(condition: string, level: 'warn' | 'error', message: string): void {
    if (this.logged.has(condition)) return;
    this.logged.add(condition);
    this.logger[level](message);
  }
}
