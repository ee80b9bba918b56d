import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PlainText } from '../common/plain-text.js';
import { Optional, Trim } from '../common/optional.js';
import { VersionField } from '../common/version-field.js';
import { UNIT_KINDS, type UnitKind } from './unit.entity.js';

/** A contact detail: trimmed; left out, null or blank all mean "none" (null clears it in a PATCH). */
const Blank = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

const ContactName = (example: string, description: string) =>
  applyDecorators(ApiPropertyOptional({ example, description, nullable: true, maxLength: 50 }), Blank(), IsOptional(), IsString(), MaxLength(50));

/** Phones are kept as written ("023-47521234 转 8001", "138 0000 0000"). */
const ContactPhone = (example: string) =>
  applyDecorators(ApiPropertyOptional({ example, nullable: true, maxLength: 50 }), Blank(), IsOptional(), IsString(), MaxLength(50));

const ContactEmail = (example: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, nullable: true, maxLength: 200 }),
    Blank(),
    IsOptional(),
    IsString(),
    MaxLength(200),
    IsEmail({}, { message: '应为邮箱地址，如 name@example.com' }),
  );

/** The six contact fields of a unit: its liaison (联络员) and its head (负责人). */
export const CONTACT_FIELDS = ['liaisonName', 'liaisonPhone', 'liaisonEmail', 'headName', 'headPhone', 'headEmail'] as const;

export class CreateUnitDto {
  @ApiProperty({ example: '区生态环境局' })
  @Trim()
  @IsString()
  @PlainText()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ type: [String], example: ['江津区生态环境局'] })
  @Optional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @PlainText({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ enum: UNIT_KINDS, default: 'agency' })
  @Optional()
  @IsIn(UNIT_KINDS as UnitKind[])
  kind?: UnitKind;

  @ContactName('张三', 'liaison (联络员), who reports and receives reminders')
  liaisonName?: string | null;

  @ContactPhone('023-47521234')
  liaisonPhone?: string | null;

  @ContactEmail('liaison@example.gov.cn')
  liaisonEmail?: string | null;

  @ContactName('李四', 'head (负责人), who answers for the unit')
  headName?: string | null;

  @ContactPhone('023-47521000')
  headPhone?: string | null;

  @ContactEmail('head@example.gov.cn')
  headEmail?: string | null;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto, { skipNullProperties: false }) {
  @VersionField()
  version: number;
}
