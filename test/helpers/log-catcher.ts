import type { LoggerService } from '@nestjs/common';

/** Log lines the app wrote, with their level (give it to startTestApp as the logger). */
export class LogCatcher implements LoggerService {
  lines: { level: string; message: string; extra: unknown[] }[] = [];
  log(message: unknown, ...extra: unknown[]) {
    this.lines.push({ level: 'log', message: String(message), extra });
  }
  warn(message: unknown, ...extra: unknown[]) {
    this.lines.push({ level: 'warn', message: String(message), extra });
  }
  error(message: unknown, ...extra: unknown[]) {
    this.lines.push({ level: 'error', message: String(message), extra });
  }
  since(mark: number) {
    return this.lines.slice(mark);
  }
}
