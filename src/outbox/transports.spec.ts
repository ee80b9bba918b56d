import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../config/app-config.js';
import { type Delivery, DeliveryError } from './delivery.js';
import { createMailTransport } from './mail-transport.js';
import { WebhookTransport } from './webhook-transport.js';

const delivery = (over: Partial<Delivery> = {}): Delivery => ({
  id: 42,
  channel: 'email',
  recipient: 'liaison@example.org',
  recipientName: '王联络',
  subject: '【催办】区经济信息委：2项事项已逾期',
  text: '任务11 已逾期327天',
  html: '<p>任务11 已逾期327天</p>',
  markdown: '**任务11** 已逾期327天',
  ...over,
});

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeliveryError) return error;
    throw error;
  }
  throw new Error('expected the delivery to fail');
}

describe('mail transport', () => {
  let server: SMTPServer;
  let port: number;
  const received: string[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        const reply = (code: number) => callback(Object.assign(new Error(`refused ${address.address}`), { responseCode: code }));
        if (address.address.startsWith('gone@')) return reply(550);
        if (address.address.startsWith('busy@')) return reply(451);
        callback();
      },
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          received.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const smtp = (p = port) => createMailTransport(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${p}`, PUBLIC_URL: 'https://qingdan.example.org' }, tmpdir()));

  it('delivers through the SMTP server with a Message-ID made from the outbox id', async () => {
    const transport = smtp();
    const receipt = await transport.send(delivery());
    transport.close?.();
    expect(receipt.deliveredTo).toMatch(/^SMTP 127\.0\.0\.1:\d+: 250/);
    expect(received.at(-1)).toContain('Message-ID: <qingdan-outbox-42@qingdan.example.org>');
  });

  it('gives up at once on an address the server refuses (5xx), and retries a temporary refusal (4xx) or a dead server', async () => {
    const transport = smtp();
    const gone = await failure(transport.send(delivery({ recipient: 'gone@example.org' })));
    expect(gone.permanent).toBe(true);
    expect(gone.message).toContain('gone@example.org');
    const busy = await failure(transport.send(delivery({ recipient: 'busy@example.org' })));
    expect(busy.permanent).toBe(false);
    transport.close?.();
    const closed = createMailTransport(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1' }, tmpdir()));
    const down = await failure(closed.send(delivery()));
    closed.close?.();
    expect(down.permanent).toBe(false);
  });

  it('without SMTP_URL writes each message whole as an .eml file in the outbox folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingdan-eml-'));
    try {
      const receipt = await createMailTransport(loadConfig({ OUTBOX_DIR: dir }, tmpdir())).send(delivery());
      const files = readdirSync(dir);
      expect(files).toEqual(['000042-liaison@example.org.eml']);
      expect(receipt.deliveredTo).toBe(join(dir, files[0]));
      const raw = readFileSync(join(dir, files[0]), 'utf8');
      expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
      expect(raw).toContain('<liaison@example.org>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('chat robot transport', () => {
  let server: Server;
  let base: string;
  const bodies: { path: string; body: Record<string, unknown> }[] = [];
  /** What the robot answers, by path. */
  const answers: Record<string, [number, object]> = {
    '/ok': [200, { errcode: 0, errmsg: 'ok' }],
    '/badkey': [200, { errcode: 93000, errmsg: 'invalid webhook url' }],
    '/limited': [200, { errcode: 45009, errmsg: 'api freq out of limit' }],
    '/broken': [500, { error: 'internal' }],
    '/slow-down': [429, {}],
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0];
        bodies.push({ path, body: JSON.parse(raw) as Record<string, unknown> });
        const [status, answer] = answers[path] ?? [404, {}];
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const robots = new WebhookTransport();

  it('posts WeCom markdown and DingTalk markdown with a title', async () => {
    await robots.send(delivery({ channel: 'wecom', recipient: `${base}/ok?key=abcdef` }));
    expect(bodies.at(-1)!.body).toEqual({ msgtype: 'markdown', markdown: { content: '**任务11** 已逾期327天' } });
    await robots.send(delivery({ channel: 'dingtalk', recipient: `${base}/ok?access_token=abcdef` }));
    expect(bodies.at(-1)!.body).toEqual({ msgtype: 'markdown', markdown: { title: '【催办】区经济信息委：2项事项已逾期', text: '**任务11** 已逾期327天' } });
  });

  it('gives up on a wrong key, with the robot’s reason and the key shortened', async () => {
    const error = await failure(robots.send(delivery({ channel: 'wecom', recipient: `${base}/badkey?key=secret-key-123` })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('93000');
    expect(error.message).toContain('key=secr…');
    expect(error.message).not.toContain('secret-key-123');
  });

  it('retries rate limits, server errors and an unreachable robot', async () => {
    for (const path of ['/limited', '/broken', '/slow-down']) {
      expect((await failure(robots.send(delivery({ channel: 'wecom', recipient: `${base}${path}?key=k` })))).permanent).toBe(false);
    }
    expect((await failure(robots.send(delivery({ channel: 'dingtalk', recipient: 'http://127.0.0.1:1/robot?access_token=t' })))).permanent).toBe(false);
  });
});
