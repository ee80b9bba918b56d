import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { PlainText } from '../../common/plain-text.js';
import { Optional } from '../../common/optional.js';
import { UnitIdsDto } from '../../common/unit-ids.dto.js';
import { VersionField } from '../../common/version-field.js';

export class CreateTaskDto extends UnitIdsDto {
  @ApiProperty({ description: '序号, unique within the plan' })
  @IsInt()
  @Min(1)
  @Max(999999)
  seq: number;

  @ApiPropertyOptional({ description: '章节 as written' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(300)
  chapter?: string;

  @ApiPropertyOptional({ description: '任务类别 / 重点任务 as written' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(300)
  taskGroup?: string;

  @ApiProperty({ description: '任务内容' })
  @IsString()
  @PlainText({ multiline: true })
  @IsNotEmpty()
  @MaxLength(5000)
  content: string;

  @ApiPropertyOptional({ description: '完成时限 as written; when absent, deadlines are read from the content' })
  @Optional()
  @IsString()
  @PlainText()
  @MaxLength(200)
  deadlineText?: string;
}

export class UpdateTaskDto extends PartialType(CreateTaskDto, { skipNullProperties: false }) {
  @VersionField()
  version: number;
}
