import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ListItemFilter, ListItemRefDto } from '../common/list-item-ref.dto.js';
import { Trim } from '../common/optional.js';
import { PlainText } from '../common/plain-text.js';

/** A leader (or the office) leaves an instruction (批示) on a task, project or indicator. */
export class CreateInstructionDto extends ListItemRefDto {
  @ApiProperty({
    example: '绿色工厂创建要对标2025年目标，请区经济信息委月底前报送推进计划。',
    description: 'multi-line text; no control or invisible characters',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @PlainText({ multiline: true })
  content: string;
}

export class InstructionListQuery extends ListItemFilter {}
