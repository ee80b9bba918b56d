import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailedError } from '../common/domain-error.js';
import { Optional, Trim } from '../common/optional.js';
import { PERIOD_MAX_YEAR, PERIOD_MIN_YEAR, parsePeriod } from './attainment.js';
import type { Judgement } from './indicator-value.entity.js';

/** The largest magnitude the numeric(18,6) column holds. */
const VALUE_LIMIT = 999_999_999_999;

/** A period from the path ("2023" or "2023-06"), or a 400 naming the parameter as written. */
@Injectable()
export class PeriodPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!parsePeriod(value)) {
      throw new ValidationFailedError([
        {
          field: metadata.data ?? 'period',
          value,
          message: `“${value}”不是有效的期间（应为年份 YYYY 或年月 YYYY-MM，年份在 ${PERIOD_MIN_YEAR}-${PERIOD_MAX_YEAR} 之间）`,
        },
      ]);
    }
    return value;
  }
}

/** Records or replaces the value of one period. At least one of value and text. */
export class RecordIndicatorValueDto {
  @ApiPropertyOptional({ description: "the actual value, in the indicator's unit of measure", nullable: true, example: 0.45 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-VALUE_LIMIT)
  @Max(VALUE_LIMIT)
  value?: number | null;

  @ApiPropertyOptional({ description: 'a value that is not a number ("已建成", "满意")', nullable: true, example: '已建成' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  text?: string | null;

  @ApiPropertyOptional({ description: 'how the value was obtained, data source, remarks', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @ApiPropertyOptional({ description: 'required when replacing: the version you read (a newer one means someone else saved first: 409)' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  version?: number;
}

export class JudgeIndicatorValueDto {
  @ApiProperty({ enum: ['met', 'not_met'], nullable: true, description: "the office's verdict; null withdraws it (the rule decides again)" })
  @IsIn(['met', 'not_met', null])
  judgement: Judgement | null;

  @ApiProperty({ description: 'the version you read (a newer one means someone else saved first: 409)' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  version: number;
}
