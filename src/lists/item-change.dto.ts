import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../common/optional.js';
import { VersionField } from '../common/version-field.js';

/** The version a DELETE is made at, as `?version=` or in the body (one of them is required). */
export class DeleteVersionDto {
  @ApiPropertyOptional({ description: 'the version read (GET); 409 with the current item when it has changed since', example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  version?: number;
}

/** Withdrawing (撤销) an item: it stays readable with its history, and leaves lists, reminders and reports. */
export class WithdrawItemDto {
  @ApiProperty({ example: '经领导小组研究，该任务并入任务12', maxLength: 500 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @VersionField()
  version: number;
}
