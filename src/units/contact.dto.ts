import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Trim } from '../common/optional.js';
import { VersionField } from '../common/version-field.js';
import { CHANNELS, type Channel, CONTACT_ROLES, type ContactRole } from './unit-contact.entity.js';

export class CreateContactDto {
  @ApiProperty({ enum: CONTACT_ROLES, description: 'liaison 联络员, head 负责人, leader 分管领导, group 单位工作群（接收本单位全部提醒）' })
  @IsIn(CONTACT_ROLES)
  role: ContactRole;

  @ApiProperty({ enum: CHANNELS, description: 'email, or a WeCom (企业微信) / DingTalk (钉钉) group robot' })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiPropertyOptional({ example: '王联络', maxLength: 50 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  name?: string;

  @ApiProperty({ example: 'liaison@example.gov.cn', description: 'an email address, or the robot’s webhook URL' })
  @Trim()
  @IsString()
  @MaxLength(500)
  address: string;
}

export class UpdateContactDto {
  @VersionField()
  version: number;

  @ApiPropertyOptional({ enum: CONTACT_ROLES })
  @IsOptional()
  @IsIn(CONTACT_ROLES)
  role?: ContactRole;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class ContactListQuery {
  @ApiPropertyOptional({ description: 'only this unit’s contacts' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;
}
