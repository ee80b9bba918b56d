import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ITEM_TYPES, type ItemType } from '../common/item-type.js';
import { Optional, Trim } from '../common/optional.js';
import type { NoticeStatus } from './supervision-notice.entity.js';

export const NOTICE_STATUSES: readonly NoticeStatus[] = ['open', 'answered'];

/** The office issues a supervision notice (督办) on an item. */
export class CreateNoticeDto {
  @ApiProperty({ enum: ITEM_TYPES, example: 'task' })
  @IsIn(ITEM_TYPES as ItemType[])
  itemType: ItemType;

  @ApiProperty({ example: 11 })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  itemId: number;

  @ApiPropertyOptional({ description: 'the unit that must answer; it must lead or support the item. Default: the first lead unit' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  unitId?: number;

  @ApiProperty({ example: '请说明绿色工厂创建进度滞后的原因及整改措施' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  content: string;

  @ApiPropertyOptional({ example: '2024-07-15', description: 'the answer is due by this date (YYYY-MM-DD)' })
  @Optional()
  @IsDateString({ strict: true })
  answerBy?: string;
}

/** The addressed unit answers a notice. */
export class AnswerNoticeDto {
  @ApiProperty({ example: '已制定整改方案，预计三季度完成创建' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  answer: string;
}

export class NoticeListQuery {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES as NoticeStatus[])
  status?: NoticeStatus;

  @ApiPropertyOptional({ enum: ITEM_TYPES })
  @IsOptional()
  @IsIn(ITEM_TYPES as ItemType[])
  itemType?: ItemType;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  itemId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  unitId?: number;
}
