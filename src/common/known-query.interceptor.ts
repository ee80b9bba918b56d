import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { ValidationFailedError } from './domain-error.js';

/**
 * Unknown query parameters are refused on every route alike. A route that takes its query as a DTO (`@Query() q`)
 * is checked by the strict validation pipe; this refuses parameters on routes that take none, or only named ones
 * (`@Query('x')`), which would otherwise be ignored without a word.
 */
@Injectable()
export class KnownQueryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const query = (context.switchToHttp().getRequest<FastifyRequest>().query ?? {}) as Record<string, unknown>;
    const given = Object.keys(query);
    if (given.length === 0) return next.handle();
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, { data?: unknown }>;
    const queries = Object.entries(args)
      .filter(([key]) => Number(key.split(':')[0]) === (RouteParamtypes.QUERY as number))
      .map(([, arg]) => arg.data);
    if (queries.some((data) => data === undefined)) return next.handle();
    const unknown = given.filter((name) => !queries.includes(name));
    if (unknown.length > 0) {
      throw new ValidationFailedError(unknown.map((field) => ({ field, value: query[field], message: '不是允许的查询参数（此接口不接受该参数）' })));
    }
    return next.handle();
  }
}
