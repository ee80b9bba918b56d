import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ValidationFailedError } from '../common/domain-error.js';
import type { ExportFormat } from './export.service.js';
import { LIST_NAMES, type ListName } from '../common/item-type.js';

/** The list named in the path: tasks, projects or indicators. */
@Injectable()
export class ListPipe implements PipeTransform<string, ListName> {
  transform(value: string, metadata: ArgumentMetadata): ListName {
    if (!(LIST_NAMES as string[]).includes(value)) {
      throw new ValidationFailedError([{ field: metadata.data ?? 'list', value, message: `没有“${value}”清单，可选：${LIST_NAMES.join('、')}` }]);
    }
    return value as ListName;
  }
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ImportQuery {
  @ApiPropertyOptional({ description: 'check the file and count what would change, writing nothing' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'create the units the file names that the plan lacks' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  createUnits?: boolean;

  @ApiPropertyOptional({
    description:
      'column mapping as JSON, header as written in the sheet → field ({"督办事项":"content","责任科室":"leadUnits"}); ' +
      'may also be sent as a multipart field before the file. Remembered for the plan and list; {} forgets it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  mapping?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
