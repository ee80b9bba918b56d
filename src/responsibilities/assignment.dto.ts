import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { VersionField } from '../common/version-field.js';
import { ASSIGNMENT_ROLES, type AssignmentRole } from '../lists/assignment.entity.js';

import { LIST_TYPES, type ListType } from '../common/item-type.js';

export const ASSIGNABLE_TYPES = LIST_TYPES;
export type AssignableType = ListType;

export class CreateAssignmentDto {
  @ApiProperty({ enum: ASSIGNABLE_TYPES })
  @IsIn(ASSIGNABLE_TYPES)
  itemType: AssignableType;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  itemId: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  unitId: number;

  @ApiProperty({ enum: ASSIGNMENT_ROLES, description: 'lead (牵头) or support (配合)' })
  @IsIn(ASSIGNMENT_ROLES)
  role: AssignmentRole;
}

export class UpdateAssignmentDto {
  @ApiProperty({ enum: ASSIGNMENT_ROLES })
  @IsIn(ASSIGNMENT_ROLES)
  role: AssignmentRole;

  @VersionField()
  version: number;
}

export class ResponsibilitiesQuery {
  @ApiPropertyOptional({ description: 'unit id or name: that unit’s 责任清单' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unit?: string;
}
