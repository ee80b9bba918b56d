import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from './calendar-day.entity.js';

export class CalendarYearQuery {
  @ApiPropertyOptional({ example: 2026, description: 'default: this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class SetCalendarDayDto {
  @ApiProperty({ enum: CALENDAR_DAY_KINDS, description: 'holiday: no reminders that day; workday: a make-up workday (调休上班)' })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;

  @ApiProperty({ example: '春节' })
  @IsString()
  @Length(1, 100)
  name: string;
}
