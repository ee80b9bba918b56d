import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/pagination.js';

/** A calendar date (YYYY-MM-DD, in the plan's time zone) or an instant with its offset (2024-06-30T10:00:00+08:00). */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Filters of the audit log of one plan. */
export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'table changed, e.g. tasks, projects, indicators, units, assignments, milestones, users' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional({ description: 'id of the row changed' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  entityId?: number;

  @ApiPropertyOptional({ description: 'user name of whoever made the change ("system" for seeds and the CLI)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ description: 'insert, update, delete or import' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  action?: string;

  @ApiPropertyOptional({ description: 'from this day (YYYY-MM-DD, plan time zone) or instant (ISO 8601 with offset), inclusive' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT)
  from?: string;

  @ApiPropertyOptional({ description: 'up to this day (YYYY-MM-DD, whole day included) or instant (ISO 8601 with offset), inclusive' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT)
  to?: string;
}

/** The same filters across every plan (admin). */
export class AllAuditQuery extends AuditQuery {
  @ApiPropertyOptional({ description: 'only this plan' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  planId?: number;
}

/** One entry as the API shows it. */
export interface AuditEntryView {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: number | null;
  planId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** For an update: the columns whose values differ (bookkeeping columns aside). */
  changed?: string[];
}
