import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIST_TYPES, type ListType } from '../common/item-type.js';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportQuery {
  @ApiPropertyOptional({ description: 'the report as it stood on this date (YYYY-MM-DD); default today in the plan’s time zone' })
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'csv and xlsx with Chinese headers; html: the printable A4 briefing (工作简报)' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class OverdueQuery extends ReportQuery {
  @ApiPropertyOptional({ description: 'only items this unit leads or supports (a unit user always gets its own)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ enum: LIST_TYPES, description: 'only this list' })
  @IsOptional()
  @IsIn(LIST_TYPES)
  list?: ListType;
}

export class UnitsQuery extends ReportQuery {
  @ApiPropertyOptional({ description: 'one unit only (a unit user always gets its own)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;
}

export class AssessmentQuery extends ReportQuery {
  @ApiPropertyOptional({ example: 2025, description: 'the year assessed; default the year of asOf' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;
}

export class CrossPlanQuery extends ReportQuery {
  @ApiPropertyOptional({ example: '江津', description: 'only plans whose region contains this text' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;
}

export class AssessmentRuleDto {
  @ApiProperty({ example: 50, description: 'points for closing out milestones by their original deadlines' })
  @IsInt()
  @Min(0)
  @Max(100)
  onTimeWeight: number;

  @ApiProperty({ example: 30, description: 'points for reporting progress every month on each open item led' })
  @IsInt()
  @Min(0)
  @Max(100)
  reportingWeight: number;

  @ApiProperty({ example: 20, description: 'points for answering supervision notices by their answer-by date' })
  @IsInt()
  @Min(0)
  @Max(100)
  noticesWeight: number;

  @ApiProperty({ example: 2, description: 'points taken off per item held and never reported on' })
  @IsInt()
  @Min(0)
  @Max(100)
  silencePenalty: number;
}
