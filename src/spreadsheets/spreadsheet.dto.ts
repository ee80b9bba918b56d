import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '../common/domain-error.js';
import type { ExportFormat } from './export.service.js';
import { LIST_NAMES, type ListName } from './list-records.js';

/** The list named in the path: tasks, projects or indicators. */
@Injectable()
export class ListPipe implements PipeTransform<string, ListName> {
  transform(value: string, metadata: ArgumentMetadata): ListName {
    if (!(LIST_NAMES as string[]).includes(value)) {
      throw new ValidationFailedError([
        { field: metadata.data ?? 'list', value, message: `没有“${value}”清单，可选：${LIST_NAMES.join('、')}` },
      ]);
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
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

/** The uploaded file of a multipart request (field `file`), with clear errors for a missing or oversized file. */
export async function readUpload(request: FastifyRequest): Promise<{ buffer: Buffer; filename: string }> {
  if (!request.isMultipart()) {
    throw new ValidationFailedError([{ field: 'file', message: '请以 multipart/form-data 上传文件，字段名为 file' }]);
  }
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    throw new ValidationFailedError([{ field: 'file', value: part?.fieldname, message: '没有收到文件：请把文件放在字段 file 中上传' }]);
  }
  try {
    return { buffer: await part.toBuffer(), filename: part.filename };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('FILE_TOO_LARGE', `文件“${part.filename}”超过大小上限，未导入任何数据`, [
        { field: 'file', value: part.filename, message: '文件过大' },
      ]);
    }
    throw error;
  }
}
