import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { MESSAGE_RULES, MESSAGE_STATUSES, type MessageRule, type MessageStatus } from './outbox-message.entity.js';

export class OutboxQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatus;

  @ApiPropertyOptional({ enum: MESSAGE_RULES })
  @IsOptional()
  @IsIn(MESSAGE_RULES)
  rule?: MessageRule;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'messages for this date' })
  @IsOptional()
  @IsDateString({ strict: true })
  sendDate?: string;
}
