import helmet from '@fastify/helmet';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of every answer: what the web app served at / (Vue + Element Plus) and the Swagger
 * page need, and nothing more. Scripts only from the service itself; inline styles allowed (Element Plus sets them).
 */
const APP_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/**
 * The HTML reports (briefings) are static pages: inline <style> and inline SVG, no scripts, nothing loaded from
 * anywhere. The web app may show them in a frame.
 */
export const REPORT_CSP = "default-src 'none';style-src 'unsafe-inline';img-src data:;base-uri 'none';form-action 'none';frame-ancestors 'self'";

/** Query parameters that would carry a bearer token in a URL (and so into proxy logs and browser history). */
const TOKEN_PARAMS = /^(access_?token|token)$/i;
/** Query parameters whose values are never written to the log. */
const SECRET_PARAMS = /token|password|secret|key/i;

/** The URL as it may be logged: values of secret-looking query parameters replaced. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // a malformed escape: judge the name as written
      }
      return SECRET_PARAMS.test(decoded) && pair.includes('=') ? `${name}=[已隐藏]` : pair;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

/**
 * Security headers on every answer (@fastify/helmet), no caching of sign-in and token answers, and no bearer token
 * in a query string: such a request is refused with 400 before anything else looks at it, and its URL is logged
 * with the token hidden.
 */
export async function registerSecurity(app: NestFastifyApplication, apiPrefix: string): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP_DIRECTIVES },
    // HSTS belongs to whoever terminates TLS; many deployments here are plain HTTP on an intranet.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'sameorigin' },
    crossOriginEmbedderPolicy: false,
  });
  const logger = new Logger('HTTP');
  const authPrefix = `/${apiPrefix}/auth/`;
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith(authPrefix)) void reply.header('Cache-Control', 'no-store');
    const name = Object.keys((request.query ?? {}) as Record<string, unknown>).find((key) => TOKEN_PARAMS.test(key));
    if (name === undefined) return;
    const message = `不接受在网址中传递令牌（参数 ${name}），请使用 Authorization: Bearer 请求头`;
    logger.warn(`${request.method} ${loggableUrl(request.url)} -> 400 TOKEN_IN_URL ${name}="[已隐藏]": ${message}`);
    await reply
      .header('Cache-Control', 'no-store')
      .status(400)
      .send({ statusCode: 400, code: 'TOKEN_IN_URL', message, errors: [{ field: name, value: '[已隐藏]', message: '令牌只能放在 Authorization 请求头中' }] });
    return reply;
  });
}
