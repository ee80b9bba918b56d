import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { PlainText } from '../../common/plain-text.js';
import { UnitIdsDto } from '../../common/unit-ids.dto.js';
import { VersionField } from '../../common/version-field.js';
import { INDICATOR_DIRECTIONS, type IndicatorDirection, type IndicatorMark } from './indicator.entity.js';

export class IndicatorTargetDto {
  @ApiProperty({ description: 'target year' })
  @IsInt()
  @Min(1990)
  @Max(2100)
  year: number;

  @ApiProperty({ description: 'the target as written ("≤0.48吨/万元", "95%（产废单位）")' })
  @IsString()
  @PlainText()
  @IsNotEmpty()
  @MaxLength(200)
  text: string;

  @ApiPropertyOptional({ description: 'the number; read from the text when absent', nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;

  @ApiPropertyOptional({ description: 'what the target applies to ("产废单位")', nullable: true })
  @IsOptional()
  @IsString()
  @PlainText()
  @MaxLength(100)
  scope?: string | null;
}

export class CreateIndicatorDto extends UnitIdsDto {
  @ApiProperty({ description: '序号, unique within the plan' })
  @IsInt()
  @Min(1)
  @Max(999999)
  seq: number;

  @ApiPropertyOptional({ description: '一级指标' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(200)
  level1?: string;

  @ApiPropertyOptional({ description: '二级指标' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(200)
  level2?: string;

  @ApiProperty({ description: 'indicator name (三级指标), without ★/☆' })
  @IsString()
  @PlainText()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ enum: ['mandatory', 'local'], nullable: true, description: '★ mandatory, ☆ local special' })
  @IsOptional()
  @IsIn(['mandatory', 'local', null])
  mark?: IndicatorMark | null;

  @ApiPropertyOptional({ description: 'unit of measure ("吨/万元", "%")' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(50)
  unit?: string;

  @ApiPropertyOptional({ enum: INDICATOR_DIRECTIONS })
  @Optional()
  @IsIn(INDICATOR_DIRECTIONS as IndicatorDirection[])
  direction?: IndicatorDirection;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  baselineYear?: number | null;

  @ApiPropertyOptional({ description: 'baseline as written ("0.49吨/万元", "未统计")' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(200)
  baselineText?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baselineValue?: number | null;

  @ApiPropertyOptional({ type: [IndicatorTargetDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorTargetDto)
  targets?: IndicatorTargetDto[];

  @ApiPropertyOptional({ description: '指标解释' })
  @Optional()
  @IsString()
  @PlainText({ multiline: true })
  @MaxLength(5000)
  definition?: string;

  @ApiPropertyOptional({ description: '计算方法' })
  @Optional()
  @IsString()
  @PlainText({ multiline: true })
  @MaxLength(5000)
  formula?: string;

  @ApiPropertyOptional({ description: '数据来源' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(300)
  dataSource?: string;

  @ApiPropertyOptional({ description: '备注' })
  @Optional()
  @IsString()
  @PlainText({ multiline: true })
  @MaxLength(2000)
  note?: string;
}

export class UpdateIndicatorDto extends PartialType(CreateIndicatorDto, { skipNullProperties: false }) {
  @VersionField()
  version: number;
}
