import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Min } from 'class-validator';

/** Lead and supporting units of an item, by unit id. */
export class UnitIdsDto {
  @ApiPropertyOptional({ type: [Number], description: 'lead units (牵头单位)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  leadUnitIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'supporting units (配合单位)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  supportingUnitIds?: number[];
}
