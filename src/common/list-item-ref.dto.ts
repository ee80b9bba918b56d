import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIST_TYPES, type ListType } from './item-type.js';

/** A task, project or indicator named in a request body. */
export class ListItemRefDto {
  @ApiProperty({ enum: LIST_TYPES, example: 'task' })
  @IsIn([...LIST_TYPES])
  itemType: ListType;

  @ApiProperty({ example: 11 })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  itemId: number;
}

/** A query narrowed to a list or one item of it, both optional. */
export class ListItemFilter {
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
