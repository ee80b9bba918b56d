import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional, Trim } from '../common/optional.js';
import type { ExtensionStatus } from './extension-request.entity.js';

export const EXTENSION_STATUSES: readonly ExtensionStatus[] = ['pending', 'approved', 'refused'];

/** The lead unit asks to move a milestone's due date (延期申请). */
export class CreateExtensionDto {
  @ApiProperty({ example: 42 })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  milestoneId: number;

  @ApiPropertyOptional({
    example: '2024-12-31',
    description: 'a recurring milestone (每年…): the occurrence, named by its original due date; left out: the one due now',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  occurrence?: string;

  @ApiProperty({ example: '2024-06-30', description: 'the new due date (YYYY-MM-DD), after the current one' })
  @IsDateString({ strict: true })
  requestedDueDate: string;

  @ApiProperty({ example: '受疫情影响，第三方评价机构现场核查推迟' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class ApproveExtensionDto {
  @ApiPropertyOptional({ example: '同意延期，请按新时限完成' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

/** A refusal always says why. */
export class RefuseExtensionDto {
  @ApiProperty({ example: '理由不充分，请按原时限推进' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment: string;
}

export class ExtensionListQuery {
  @ApiPropertyOptional({ enum: EXTENSION_STATUSES })
  @IsOptional()
  @IsIn(EXTENSION_STATUSES as ExtensionStatus[])
  status?: ExtensionStatus;
}
