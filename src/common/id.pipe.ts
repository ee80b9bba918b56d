import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from './domain-error.js';

/** A positive integer id from the path; a clear 400 naming the parameter otherwise. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
      throw new ValidationFailedError([{ field: metadata.data ?? 'id', value, message: `“${value}”不是有效的编号（应为正整数）` }]);
    }
    return Number(value);
  }
}
