import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional, Trim } from '../common/optional.js';
import { UNIT_KINDS, type UnitKind } from './unit.entity.js';

export class CreateUnitDto {
  @ApiProperty({ example: '区生态环境局' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ type: [String], example: ['江津区生态环境局'] })
  @Optional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ enum: UNIT_KINDS, default: 'agency' })
  @Optional()
  @IsIn(UNIT_KINDS as UnitKind[])
  kind?: UnitKind;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto, { skipNullProperties: false }) {}
