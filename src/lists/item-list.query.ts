import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIGHTS, type Light, STATUSES, type Status } from '../status/status.js';
import { PageQuery } from '../common/pagination.js';

/** One item as it stood on a date. */
export class AsOfQuery {
  @ApiPropertyOptional({ description: 'answer as of this date (YYYY-MM-DD): status, light and due dates as they stood that day; default today' })
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;
}

/** Filters shared by the task, project and indicator lists. Units may be given by id or by name. */
export class ItemListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'lead unit id or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  leadUnit?: string;

  @ApiPropertyOptional({ description: 'supporting unit id or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  supportingUnit?: string;

  @ApiPropertyOptional({ description: 'unit id or name, in either role' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unit?: string;

  @ApiPropertyOptional({ description: 'part of the chapter (or category) heading' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  chapter?: string;

  @ApiPropertyOptional({ description: 'has a milestone due on or before this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'has a milestone due on or after this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueAfter?: string;

  @ApiPropertyOptional({ description: 'answer as of this date (YYYY-MM-DD): status, light and due dates as they stood that day; default today' })
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: 'only items with this status (as of asOf)' })
  @IsOptional()
  @IsIn(STATUSES as Status[])
  status?: Status;

  @ApiPropertyOptional({ enum: LIGHTS, description: 'only items with this traffic light (as of asOf)' })
  @IsOptional()
  @IsIn(LIGHTS as Light[])
  light?: Light;

  @ApiPropertyOptional({ description: 'true: only overdue items; false: only items not overdue' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'true: only items withdrawn (撤销) by asOf; left out or false: only items in force' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  withdrawn?: boolean;
}
