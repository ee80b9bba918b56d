import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ListItemFilter, ListItemRefDto } from '../common/list-item-ref.dto.js';

/** A unit user signs for (签收) an item its unit leads or supports. */
export class SignItemDto extends ListItemRefDto {}

export class SignatureListQuery extends ListItemFilter {
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
}

/** The office reminds units that have not signed for their items (签收). */
export class RemindSignaturesDto {
  @ApiPropertyOptional({ type: [Number], example: [12, 15], description: 'only these units; left out: every unit with items not signed for' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2147483647, { each: true })
  unitIds?: number[];
}
