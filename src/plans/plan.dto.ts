import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsInt, IsNotEmpty, IsOptional, IsString, IsTimeZone, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../common/optional.js';
import { VersionField } from '../common/version-field.js';

export class CreatePlanDto {
  @ApiProperty({ example: '重庆市江津区工业固体废物污染环境防治“十四五”规划' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '重庆市江津区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region: string;

  @ApiProperty({ example: '2021-01-01' })
  @IsDateString({ strict: true })
  periodStart: string;

  @ApiProperty({ example: '2025-12-31' })
  @IsDateString({ strict: true })
  periodEnd: string;

  @ApiPropertyOptional({ example: 2020, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  baseYear?: number | null;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @Optional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  source?: string;
}

export class UpdatePlanDto extends PartialType(CreatePlanDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'true: the four lists can be read without a token (never progress or evidence)' })
  @Optional()
  @IsBoolean()
  published?: boolean;

  @VersionField()
  version: number;
}
