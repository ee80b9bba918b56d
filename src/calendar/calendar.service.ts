import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-error.js';
import { CalendarDay, type CalendarDayKind } from './calendar-day.entity.js';
import { type DayView, loadOfficialHolidays, WorkdayCalendar } from './workday-calendar.js';

export interface CalendarYear {
  year: number;
  /** The holiday data knows this year (otherwise only weekends are rest days until the package or the office adds it). */
  covered: boolean;
  days: DayView[];
}

/** The workday calendar: official holiday data from the package, plus the days the office adds. */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);
  private cached: Promise<WorkdayCalendar> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  calendar(): Promise<WorkdayCalendar> {
    if (!this.cached) {
      this.cached = this.dataSource
        .getRepository(CalendarDay)
        .find({ order: { date: 'ASC' } })
        .then((rows) => new WorkdayCalendar(loadOfficialHolidays(), rows));
      this.cached.catch(() => (this.cached = null));
    }
    return this.cached;
  }

  /** A year's special days; without a year, this year in the service's default time zone. */
  async year(year = Number(this.clock.today(this.config.defaultTimeZone).slice(0, 4))): Promise<CalendarYear> {
    const calendar = await this.calendar();
    return { year, covered: calendar.coversYear(year), days: calendar.specialDays(year) };
  }

  /** Adds (or changes) the office's entry for a date: a holiday or a make-up workday. */
  async setDay(date: string, kind: CalendarDayKind, name: string): Promise<DayView> {
    const repo = this.dataSource.getRepository(CalendarDay);
    const existing = await repo.findOneBy({ date });
    await repo.save(existing ? Object.assign(existing, { kind, name }) : repo.create({ date, kind, name }));
    this.cached = null;
    this.logger.log(`Calendar: ${date} set to ${kind} (${name})`);
    return (await this.calendar()).day(date);
  }

  /** Removes the office's entry for a date; the official data (or the weekday) applies again. */
  async removeDay(date: string): Promise<void> {
    const repo = this.dataSource.getRepository(CalendarDay);
    const existing = await repo.findOneBy({ date });
    if (!existing) throw new NotFoundError('无废办添加的日历日期', date);
    await repo.remove(existing);
    this.cached = null;
  }
}
