import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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

/** A units cell as the document wrote it; null to have exports write the unit names instead. */
const UnitsText = (description: string) =>
  applyDecorators(ApiPropertyOptional({ type: String, nullable: true, description }), IsOptional(), IsString(), MaxLength(2000));

/** Lead and supporting units of an item, by unit id, and the cells as the document wrote them. */
export class UnitIdsDto {
  @UnitIdList('lead units (牵头单位)')
  leadUnitIds?: number[];

  @UnitIdList('supporting units (配合单位)')
  supportingUnitIds?: number[];

  @UnitsText('牵头单位 as the document wrote it ("市生态环境局、市城管局等"), kept beside the units and written back by exports')
  leadUnitsText?: string | null;

  @UnitsText('配合单位 as the document wrote it')
  supportUnitsText?: string | null;
}
