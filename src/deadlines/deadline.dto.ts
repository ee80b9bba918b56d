import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Optional } from '../common/optional.js';
import { VersionField } from '../common/version-field.js';

export class ParseDeadlinesDto {
  @ApiProperty({ example: '到2023年，新增绿色工厂3个，到2025年，新增绿色工厂10个' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  text: string;

  @ApiPropertyOptional({ example: '2021-01-01', description: 'date that yearless phrases ("年底前") resolve against' })
  @Optional()
  @IsDateString({ strict: true })
  reference?: string;
}

/** The office overrides a parsed due date; the phrase as written stays. */
export class OverrideMilestoneDto {
  @ApiProperty({ example: '2025-12-31', nullable: true })
  @IsOptional()
  @IsDateString({ strict: true })
  dueDate: string | null;

  @ApiPropertyOptional({ example: '经无废办确认，按2024年底执行' })
  @Optional()
  @IsString()
  @MaxLength(300)
  note?: string;

  @VersionField()
  version: number;
}
