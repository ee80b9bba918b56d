import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** The required `version` of a change: the version the client read (409 when the row has been saved since). */
export const VersionField = () =>
  applyDecorators(
    ApiProperty({ description: 'the version read (GET); 409 with the current row when it has changed since', example: 1 }),
    IsInt(),
    Min(1),
    Max(2147483647),
  );
