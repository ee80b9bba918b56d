import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, Max, Min } from 'class-validator';
import { Optional } from './optional.js';

/** Lead and supporting units of an item, by unit id. */
export class UnitIdsDto {
  @ApiPropertyOptional({ type: [Number], description: 'lead units (牵头单位)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2147483647, { each: true })
  leadUnitIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'supporting units (配合单位)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2147483647, { each: true })
  supportingUnitIds?: number[];
}
