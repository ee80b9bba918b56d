import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, Max, Min } from 'class-validator';
import { Optional } from './optional.js';

/** A list of distinct unit ids, which may be left out. */
const UnitIdList = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: [Number], description }),
    Optional(),
    IsArray(),
    ArrayMaxSize(200),
    ArrayUnique(),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(2147483647, { each: true }),
  );

/** Lead and supporting units of an item, by unit id. */
export class UnitIdsDto {
  @UnitIdList('lead units (牵头单位)')
  leadUnitIds?: number[];

  @UnitIdList('supporting units (配合单位)')
  supportingUnitIds?: number[];
}
