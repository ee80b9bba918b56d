import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** The one source of time in the service. A frozen instant (CLOCK setting, tests) or real time. */
@Injectable()
export class Clock {
  private frozen: Date | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.frozen = config.clock ? new Date(config.clock) : null;
  }

  now(): Date {
    return this.frozen ? new Date(this.frozen) : new Date();
  }

  /** Freeze the clock at an instant (tests, demos); null returns to real time. */
  set(instant: Date | string | null): void {
    this.frozen = instant === null ? null : new Date(instant);
  }

  /** Today's calendar date (YYYY-MM-DD) in the given time zone. */
  today(timeZone: string): string {
    return calendarDate(this.now(), timeZone);
  }
}

/** Building an Intl.DateTimeFormat costs far more than using one: one per time zone and use, kept. */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(kind: 'date' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(key, format);
  }
  return format;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function calendarDate(instant: Date, timeZone: string): string {
  const parts = formatIn('date', timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The wall-clock time (HH:MM, 24-hour) of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): string {
  const parts = formatIn('time', timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}
