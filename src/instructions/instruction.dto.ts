import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIST_TYPES, type ListType } from '../common/item-type.js';
import { Trim } from '../common/optional.js';
import { PlainText } from '../common/plain-text.js';

/** A leader (or the office) leaves an instruction (批示) on a task, project or indicator. */
export class CreateInstructionDto {
  @ApiProperty({ enum: LIST_TYPES, example: 'task' })
  @IsIn([...LIST_TYPES])
  itemType: ListType;

  @ApiProperty({ example: 11 })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  itemId: number;

  @ApiProperty({ example: '绿色工厂创建要对标2025年目标，请区经济信息委月底前报送推进计划。', description: 'multi-line text; no control or invisible characters' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @PlainText({ multiline: true })
  content: string;
}

export class InstructionListQuery {
  @ApiPropertyOptional({ enum: LIST_TYPES })
  @IsOptional()
  @IsIn([...LIST_TYPES])
  itemType?: ListType;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  itemId?: number;
}
