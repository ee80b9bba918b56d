import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination.js';

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
}
