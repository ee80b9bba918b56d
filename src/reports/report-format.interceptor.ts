import { Readable } from 'node:stream';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import { REPORT_CSP } from '../common/security.js';
import { renderReport, type ReportJson, type ReportOf } from './report-output.js';
import type { ReportFormat } from './reports.dto.js';

/**
 * Sends a report in the format the query asks for (validated by the handler's DTO): JSON as the report
 * itself (or as the bytes the service kept of it); CSV and XLSX as downloads; HTML as the briefing page.
 */
@Injectable()
export class ReportFormatInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<ReportOf | ReportJson>): Observable<unknown> {
    const http = context.switchToHttp();
    const format = (http.getRequest<FastifyRequest>().query as { format?: ReportFormat }).format ?? 'json';
    return next.handle().pipe(
      mergeMap((of) => {
        if (of.kind === 'json') {
          void http.getResponse<FastifyReply>().header('Content-Type', 'application/json; charset=utf-8');
          if (Buffer.isBuffer(of.json)) return [of.json];
          // Many plans' reports: streamed a megabyte at a time, never copied into one buffer.
          const length = of.json.reduce((n, part) => n + part.length, 0);
          return [new StreamableFile(Readable.from(joinedUpTo(of.json, STREAM_CHUNK)), { length })];
        }
        if (format === 'json') return [of.report];
        return from(
          renderReport(of, format).then((file) => {
            const reply = http.getResponse<FastifyReply>();
            void reply.header('Content-Type', file.contentType);
            // The briefing is a static page: no scripts, nothing from elsewhere.
            if (file.contentType.startsWith('text/html')) void reply.header('Content-Security-Policy', REPORT_CSP);
            if (file.filename) void reply.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
            return file.body;
          }),
        );
      }),
    );
  }
}

/** Bytes per chunk when streaming many plans' reports: few writes, little held at once. */
const STREAM_CHUNK = 1024 * 1024;

/** The parts joined into chunks of about `size` bytes (a part larger than that is a chunk of its own). */
function* joinedUpTo(parts: readonly Buffer[], size: number): Generator<Buffer> {
  let chunk: Buffer[] = [];
  let bytes = 0;
  for (const part of parts) {
    chunk.push(part);
    bytes += part.length;
    if (bytes >= size) {
      yield Buffer.concat(chunk, bytes);
      chunk = [];
      bytes = 0;
    }
  }
  if (bytes) yield Buffer.concat(chunk, bytes);
}
