import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PlainText } from '../../common/plain-text.js';
import { Optional } from '../../common/optional.js';
import { UnitIdsDto } from '../../common/unit-ids.dto.js';
import { VersionField } from '../../common/version-field.js';

export class CreateProjectDto extends UnitIdsDto {
  @ApiProperty({ description: '序号, unique within the plan' })
  @IsInt()
  @Min(1)
  @Max(999999)
  seq: number;

  @ApiPropertyOptional({ description: '项目类别 (工程项目, 能力建设 …)' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(200)
  category?: string;

  @ApiProperty({ description: '项目名称' })
  @IsString()
  @PlainText()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ description: '主要内容' })
  @Optional()
  @IsString()
  @PlainText({ multiline: true })
  @MaxLength(5000)
  content?: string;

  @ApiPropertyOptional({ description: '总投资（万元）', nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999999999999)
  investment?: number | null;

  @ApiPropertyOptional({ description: '资金来源' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(200)
  fundingSource?: string;

  @ApiPropertyOptional({ description: '完成时限 as written ("2025", "2023年底前")' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(200)
  deadlineText?: string;
}

export class UpdateProjectDto extends PartialType(CreateProjectDto, { skipNullProperties: false }) {
  @VersionField()
  version: number;
}
