import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';
import { loggableUrl } from './security.js';
import { isUniqueViolation } from '../database/unique-violation.js';

interface ErrorBody {
  [extra: string]: unknown;
  statusCode: number;
  code: string;
  message: string;
  errors: { field: string; value?: unknown; message: string; row?: number }[];
}

/** Turns every error into one JSON shape and logs it once. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    const where = `${request.method} ${loggableUrl(request.url)}`;
    if (body.statusCode >= 500) {
      this.logger.error(`${where} -> ${body.statusCode} ${body.code}`, exception instanceof Error ? exception.stack : String(exception));
    } else {
      const details = body.errors.map((e) => `${e.field}=${JSON.stringify(e.value)}: ${e.message}`).join('; ');
      this.logger.warn(`${where} -> ${body.statusCode} ${body.code} ${details}`);
    }
    // A 429 says when to come back in the header too, as clients and proxies expect (RFC 9110 Retry-After).
    if (body.statusCode === 429 && typeof body.retryAfterSeconds === 'number') void reply.header('Retry-After', String(body.retryAfterSeconds));
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        errors: exception.problems,
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const given = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      const message = Array.isArray(given) ? given.join('; ') : typeof given === 'string' ? given : JSON.stringify(given);
      return {
        statusCode: status,
        code: status === 404 ? 'NOT_FOUND' : status === 400 ? 'BAD_REQUEST' : `HTTP_${status}`,
        message: status === 404 ? `接口不存在：${message}` : message,
        errors: [],
      };
    }
    // A unique index refused the write: the request duplicated something, a 409 not a 500.
    if (isUniqueViolation(exception)) {
      return { statusCode: 409, code: 'CONFLICT', message: '与已有数据重复（名称、序号或分工已存在）', errors: [] };
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      return {
        statusCode: fastifyError.statusCode,
        code: fastifyError.code ?? 'BAD_REQUEST',
        message: `请求无效：${fastifyError.message ?? ''}`,
        errors: [],
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: '服务器内部错误，请联系管理员', errors: [] };
  }
}
