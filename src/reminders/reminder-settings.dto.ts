import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LIST_TYPES, type ListType } from '../common/item-type.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Changes to a plan's reminder rules; fields left out keep their value. */
export class UpdateReminderSettingsDto {
  @ApiPropertyOptional({ description: 'the version read (GET); leave out while the plan still uses the defaults (version 0)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;

  @ApiPropertyOptional({ description: 'false: no reminders for this plan (the digest still goes to leaders)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: [Number], example: [30, 7, 1], description: 'days before a deadline when the liaison is reminded' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(366, { each: true })
  beforeDays?: number[];

  @ApiPropertyOptional({ description: 'remind the unit on the due day' })
  @IsOptional()
  @IsBoolean()
  onDueDay?: boolean;

  @ApiPropertyOptional({ example: 1, description: 'weekday of the weekly overdue reminder, 1 Monday … 7 Sunday' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  overdueWeekday?: number;

  @ApiPropertyOptional({ example: 30, description: 'days overdue from which the supervising leader and the office hear too; 0: never' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  escalateAfterDays?: number;

  @ApiPropertyOptional({ example: 25, description: 'day of the month of the call for progress reports; 0: none' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(31)
  monthlyCallDay?: number;

  @ApiPropertyOptional({ example: 5, description: 'days after the call when units that have not reported are nudged; 0: never' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(27)
  nudgeAfterDays?: number;

  @ApiPropertyOptional({ example: '09:00', description: 'local time messages go out (plan time zone)' })
  @IsOptional()
  @IsString()
  @Matches(TIME, { message: 'sendTime 应为 HH:MM（如 09:00）' })
  sendTime?: string;

  @ApiPropertyOptional({ example: 1, description: 'weekday of the leaders’ digest, 1 Monday … 7 Sunday' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  digestWeekday?: number;

  @ApiPropertyOptional({ example: '09:00' })
  @IsOptional()
  @IsString()
  @Matches(TIME, { message: 'digestTime 应为 HH:MM（如 09:00）' })
  digestTime?: string;
}

export class PreviewQuery {
  @ApiProperty({ example: '2026-11-23', description: 'the date whose messages to show (plan time zone); nothing is sent' })
  @IsDateString({ strict: true })
  @Length(10, 10)
  date: string;
}

export class CreatePauseDto {
  @ApiProperty({ enum: LIST_TYPES })
  @IsIn(LIST_TYPES)
  itemType: ListType;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty({ example: '项目已报省里调整，待批复', description: 'why reminders stop (shown in the outbox and the audit log)' })
  @IsString()
  @Length(2, 300)
  reason: string;
}
