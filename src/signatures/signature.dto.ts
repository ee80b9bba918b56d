import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIST_TYPES, type ListType } from '../common/item-type.js';

/** A unit user signs for (签收) an item its unit leads or supports. */
export class SignItemDto {
  @ApiProperty({ enum: LIST_TYPES, example: 'task' })
  @IsIn([...LIST_TYPES])
  itemType: ListType;

  @ApiProperty({ example: 11 })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  itemId: number;
}

export class SignatureListQuery {
  @ApiPropertyOptional({ description: 'false: only what has not been signed for; true: only what has; left out: both' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  signed?: boolean;

  @ApiPropertyOptional({ description: 'one unit (a unit user always sees its own unit only)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  unitId?: number;

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
