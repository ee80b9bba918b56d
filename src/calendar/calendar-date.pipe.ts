import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../common/domain-error.js';

/** A real calendar date in the path (YYYY-MM-DD); 2026-02-30 is refused naming the value. */
@Injectable()
export class CalendarDatePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
    // Month 13 does not parse at all; day 30 of February parses but rolls over into March.
    const ok = !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
    if (!ok) throw new ValidationFailedError([{ field: 'date', value, message: `“${value}”不是有效日期（应为 YYYY-MM-DD，如 2027-02-08）` }]);
    return value;
  }
}
