import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { PlainText } from '../common/plain-text.js';
import { Optional, Trim } from '../common/optional.js';
import { ROLES, type Role } from './role.js';

export class LoginDto {
  @ApiProperty({ example: 'jiangjin-jxw' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'qingdan-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'jiangjin-jxw' })
  @Trim()
  @IsString()
  @PlainText()
  @Matches(/^[A-Za-z0-9._@-]{2,64}$/, { message: 'username may use letters, digits and . _ @ - (2-64 characters)' })
  username: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as Role[])
  role: Role;

  @ApiPropertyOptional({ example: '区经济信息委联络员' })
  @Optional()
  @Trim()
  @IsString()
  @PlainText()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ description: 'office/leader: the one plan they work on (leave out for all plans)' })
  @Optional()
  @IsInt()
  @Min(1)
  planId?: number;

  @ApiPropertyOptional({ description: 'unit users: their unit' })
  @Optional()
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsEmail()
  @MaxLength(200)
  email?: string;
}

export class UpdateUserDto {
  @ApiProperty({ description: 'the version you read: a newer one means someone else saved first (409)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @PlainText()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ minLength: 8 })
  @Optional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ description: 'false: the user can no longer sign in and their tokens stop working' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  newPassword: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: '市数据中心对接' })
  @Trim()
  @IsString()
  @PlainText()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ description: 'ISO date-time; leave out for a token that lasts until revoked' })
  @Optional()
  @IsISO8601()
  expiresAt?: string;
}

export class UserListQuery {
  @ApiPropertyOptional({ description: 'only the accounts of this plan' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  planId?: number;
}
