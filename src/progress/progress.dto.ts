import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ITEM_TYPES, type ItemType } from '../common/item-type.js';
import { Optional, Trim } from '../common/optional.js';
import { REPORT_STATES, type ReportState, type ReportStatus } from './progress-report.entity.js';

class ReportFields {
  @ApiPropertyOptional({ enum: REPORT_STATES, description: 'in_progress, or done (the lead unit saying the work is finished)' })
  @Optional()
  @IsIn(REPORT_STATES as ReportState[])
  state?: ReportState;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'share done; worked out from the quantities when left out' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number | null;

  @ApiPropertyOptional({ example: 2, description: 'how much is done, e.g. 2 (of 3 new green factories)' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  quantityDone?: number | null;

  @ApiPropertyOptional({ example: 3, description: 'out of how much; defaults to the milestone quantity ("3个")' })
  @IsOptional()
  @IsNumber()
  @Min(0.000001)
  quantityTotal?: number | null;

  @ApiPropertyOptional({ example: 1200, description: 'projects only: investment made so far, in 万元' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  investmentDone?: number | null;

  @ApiPropertyOptional({ example: '已完成2家绿色工厂创建，第3家已提交申报材料。' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  narrative?: string;

  @ApiPropertyOptional({ example: '2023-07-01', description: 'reporting period start' })
  @IsOptional()
  @IsDateString({ strict: true })
  periodStart?: string | null;

  @ApiPropertyOptional({ example: '2023-09-30', description: 'reporting period end' })
  @IsOptional()
  @IsDateString({ strict: true })
  periodEnd?: string | null;
}

export class CreateReportDto extends ReportFields {
  @ApiProperty({ enum: ITEM_TYPES })
  @IsIn(ITEM_TYPES as ItemType[])
  itemType: ItemType;

  @ApiProperty({ example: 11 })
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiPropertyOptional({ description: 'the milestone reported on; left out: the item as a whole (or its only milestone)' })
  @Optional()
  @IsInt()
  @Min(1)
  milestoneId?: number;

  @ApiPropertyOptional({
    example: '2024-12-31',
    description: 'a recurring milestone (每年…): the occurrence, named by its original due date; left out: the one due now',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  occurrence?: string;

  @ApiProperty({ enum: REPORT_STATES })
  @IsIn(REPORT_STATES as ReportState[])
  declare state: ReportState;

  @ApiPropertyOptional({ description: 'true: submit at once instead of keeping a draft' })
  @Optional()
  @IsBoolean()
  submit?: boolean;
}

export class UpdateReportDto extends ReportFields {
  @ApiProperty({ description: 'the version you read (409 when someone saved since)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ReviewDto {
  @ApiPropertyOptional({ example: '经核实，3家绿色工厂均已获市级认定。' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReasonDto {
  @ApiProperty({ example: '复核发现第3家工厂认定被撤销' })
  @Trim()
  @IsString()
  @MaxLength(2000)
  reason: string;
}

export class OccurrenceReasonDto extends ReasonDto {
  @ApiPropertyOptional({
    example: '2024-12-31',
    description: 'a recurring milestone (每年…): the occurrence, named by its original due date; left out: the one due now',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  occurrence?: string;
}

const STATUS_FILTER: ReportStatus[] = ['draft', 'submitted', 'accepted', 'returned'];

export class ReportListQuery {
  @ApiPropertyOptional({ enum: ITEM_TYPES })
  @IsOptional()
  @IsIn(ITEM_TYPES as ItemType[])
  itemType?: ItemType;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  itemId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ enum: STATUS_FILTER })
  @IsOptional()
  @IsIn(STATUS_FILTER)
  status?: ReportStatus;
}
