import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `vite build` puts the web app (web/vite.config.ts): dist-web/ at the project root. */
export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist-web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names built assets with a content hash: they never change under the same name. */
const HASHED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built web app at / (a small handler of our own: @fastify/static cannot load under Jest's ESM mode).
 * Files of dist-web/ as they are (hashed assets cached for a year); any other path without a file extension is an
 * app route (/plans/2/tasks/65) and gets index.html (history mode). /api/… is never touched: unknown API paths keep
 * the API's JSON 404. Does nothing when the app is not built (returns false).
 */
export function serveWebApp(app: NestFastifyApplication, root = WEB_ROOT): boolean {
  const index = resolve(root, 'index.html');
  if (!existsSync(index)) return false;
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return reply.callNotFound();
    }
    const file = resolve(root, `.${decoded}`);
    if (file !== root && !file.startsWith(root + sep)) return reply.callNotFound();
    const stat = existsSync(file) ? statSync(file) : null;
    if (stat?.isFile()) {
      const cache = HASHED.test(decoded) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return send(reply, file, stat.size, cache);
    }
    // A missing asset is a 404, never the page (a script answered with HTML fails obscurely).
    if (extname(decoded) !== '') return reply.callNotFound();
    return send(reply, index, statSync(index).size, 'no-cache');
  });
  return true;
}

function send(reply: FastifyReply, file: string, size: number, cache: string): FastifyReply {
  return reply
    .header('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
    .header('Content-Length', size)
    .header('Cache-Control', cache)
    .send(createReadStream(file));
}
