import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it, decoded enough to read. */
export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Any header of the message, decoded ('' when absent). */
  header(name: string): string;
}

export interface MailCatcher {
  port: number;
  url: string;
  mails: CaughtMail[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback (smtp-server). Addresses `reject` says no to are refused with 550 at RCPT TO. */
export async function startMailCatcher(options: { port?: number; reject?: (address: string) => boolean } = {}): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address)) {
        const error = new Error(`Mailbox unavailable: ${address.address}`) as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ ...parseMail(Buffer.concat(chunks).toString('utf8')), to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A free loopback port nobody listens on (yet). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A chat robot's webhook on loopback: records every JSON body and answers errcode 0. */
export interface RobotReceiver {
  url: (path: string) => string;
  posts: { path: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

export interface RobotReceiverOptions {
  /** The HTTP status to answer a path with (default 200). */
  status?: (path: string) => number;
  /** The body to answer a path with (default the robots' {"errcode":0,"errmsg":"ok"}). */
  body?: (path: string) => string | undefined;
}

export async function startRobotReceiver(options: RobotReceiverOptions = {}): Promise<RobotReceiver> {
  const posts: RobotReceiver['posts'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      posts.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      res.statusCode = options.status?.(path) ?? 200;
      res.setHeader('content-type', 'application/json');
      res.end(options.body?.(path) ?? JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return { url: (path) => `http://127.0.0.1:${port}${path}`, posts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=). */
export function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

interface Part {
  headers: Record<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body: rest.join('\n\n') };
}

/** Subject, plain text and HTML of a (possibly multipart) message. */
export function parseMail(raw: string): Omit<CaughtMail, 'to'> {
  const top = splitPart(raw);
  const found = { text: '', html: '' };
  const walk = (part: Part) => {
    const type = part.headers['content-type'] ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (boundary) {
      for (const chunk of part.body.split(`--${boundary}`).slice(1)) if (!chunk.startsWith('--')) walk(splitPart(chunk.replace(/^\r?\n/, '')));
      return;
    }
    const decoded = decodeBody(part.body, (part.headers['content-transfer-encoding'] ?? '').toLowerCase());
    if (type.startsWith('text/html')) found.html += decoded;
    else if (type.startsWith('text/plain')) found.text += decoded;
  };
  walk(top);
  const header = (name: string) => decodeWords(top.headers[name.toLowerCase()] ?? '');
  return { subject: header('subject'), text: found.text, html: found.html, messageId: header('message-id'), header };
}
