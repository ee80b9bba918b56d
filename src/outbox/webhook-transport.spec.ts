import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Delivery, DeliveryError } from './delivery.js';
import { insideRange } from './robot-address.js';
import type { RobotNetwork } from './robot-network.js';
import { maskWebhook, WebhookTransport } from './webhook-transport.js';

const delivery = (over: Partial<Delivery> = {}): Delivery => ({
  id: 42,
  channel: 'wecom',
  recipient: 'http://127.0.0.1:1/unused',
  recipientName: '区经济信息委工作群',
  subject: '【催办】区经济信息委：2项事项已逾期',
  text: '任务11 已逾期327天',
  html: '<p>任务11 已逾期327天</p>',
  markdown: '### 【催办】区经济信息委\n- **任务11** 已逾期<font color="warning">327</font>天',
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

interface Post {
  path: string;
  query: string;
  contentType: string;
  body: Record<string, unknown>;
}

describe('chat robot transport (WeCom and DingTalk webhooks)', () => {
  let server: Server;
  let base: string;
  const posts: Post[] = [];
  /** What the robot answers, by path: HTTP status and JSON body (a function gets the request's full URL). */
  const answers: Record<string, [number, object | ((url: string) => object)]> = {
    '/ok': [200, { errcode: 0, errmsg: 'ok' }],
    '/bad-key': [200, (url) => ({ errcode: 93000, errmsg: `invalid webhook url, hint: [${url}]` })],
    '/wecom-limited': [200, { errcode: 45009, errmsg: 'api freq out of limit' }],
    '/dingtalk-limited': [200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' }],
    '/broken': [500, { error: 'internal' }],
    '/slow-down': [429, { error: 'too many requests' }],
    '/gone': [404, { error: 'not found' }],
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const [path, query = ''] = (req.url ?? '').split('?');
        posts.push({ path, query, contentType: req.headers['content-type'] ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        const [status, answer] = answers[path] ?? [404, {}];
        const body = typeof answer === 'function' ? answer(req.url ?? '') : answer;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** The network at the transport's boundary: robot hosts resolve to public addresses; posts go to the loopback server. */
  const resolved: string[] = [];
  let target = () => base;
  const network: RobotNetwork = {
    lookup: async (host) => {
      resolved.push(host);
      return ({ 'qyapi.weixin.qq.com': ['101.91.0.10'], 'oapi.dingtalk.com': ['106.11.0.1'], 'inside.example.org': ['8.8.8.8', '10.1.2.3'] } as Record<string, string[]>)[host] ?? [];
    },
    post: async (_address, url, body) => {
      const res = await fetch(`${target()}${url.pathname}${url.search}`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body });
      return { status: res.status, body: await res.text() };
    },
  };
  const robots = new WebhookTransport(network, ['inside.example.org']);
  const WECOM = 'https://qyapi.weixin.qq.com';
  const DINGTALK = 'https://oapi.dingtalk.com';

  it('posts a WeCom markdown message as UTF-8 JSON and reports the robot’s errcode 0', async () => {
    const receipt = await robots.send(delivery({ recipient: `${WECOM}/ok?key=693a91f6-7xxx` }));
    const post = posts.at(-1)!;
    expect(post.query).toBe('key=693a91f6-7xxx');
    expect(post.contentType).toBe('application/json; charset=utf-8');
    expect(post.body).toEqual({ msgtype: 'markdown', markdown: { content: '### 【催办】区经济信息委\n- **任务11** 已逾期<font color="warning">327</font>天' } });
    expect(receipt.deliveredTo).toBe('qyapi.weixin.qq.com errcode 0');
  });

  it('falls back to the plain text when a message has no markdown', async () => {
    await robots.send(delivery({ recipient: `${WECOM}/ok?key=k`, markdown: null }));
    expect(posts.at(-1)!.body).toEqual({ msgtype: 'markdown', markdown: { content: '任务11 已逾期327天' } });
  });

  it('posts a DingTalk markdown message with the subject as its title', async () => {
    await robots.send(delivery({ channel: 'dingtalk', recipient: `${DINGTALK}/ok?access_token=abcdef123456` }));
    expect(posts.at(-1)!.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '【催办】区经济信息委：2项事项已逾期', text: '### 【催办】区经济信息委\n- **任务11** 已逾期<font color="warning">327</font>天' },
    });
  });

  it('gives up on a wrong key (errcode 93000), keeps none of the robot’s text, and masks the key', async () => {
    const error = await failure(robots.send(delivery({ recipient: `${WECOM}/bad-key?key=secret-key-123` })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('errcode 93000');
    expect(error.message).not.toContain('invalid webhook url');
    expect(error.message).toContain('key=secr…');
    expect(error.message).not.toContain('secret-key-123');
  });

  it('gives up when the robot’s address answers another 4xx', async () => {
    const error = await failure(robots.send(delivery({ channel: 'dingtalk', recipient: `${DINGTALK}/gone?access_token=tok-987654` })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('HTTP 404');
    expect(error.message).not.toContain('tok-987654');
  });

  it('retries an HTTP 500 and an HTTP 429', async () => {
    const broken = await failure(robots.send(delivery({ recipient: `${WECOM}/broken?key=k1` })));
    expect(broken.permanent).toBe(false);
    expect(broken.message).toContain('HTTP 500');
    expect(broken.message).not.toContain('internal');
    const slowDown = await failure(robots.send(delivery({ recipient: `${WECOM}/slow-down?key=k1` })));
    expect(slowDown.permanent).toBe(false);
    expect(slowDown.message).toContain('HTTP 429');
  });

  it('retries the robots’ rate limits (WeCom 45009, DingTalk 130101)', async () => {
    const wecom = await failure(robots.send(delivery({ recipient: `${WECOM}/wecom-limited?key=k1` })));
    expect(wecom.permanent).toBe(false);
    expect(wecom.message).toContain('errcode 45009');
    expect(wecom.message).not.toContain('api freq');
    const dingtalk = await failure(robots.send(delivery({ channel: 'dingtalk', recipient: `${DINGTALK}/dingtalk-limited?access_token=t1` })));
    expect(dingtalk.permanent).toBe(false);
    expect(dingtalk.message).toContain('errcode 130101');
  });

  it('retries when nothing listens at the robot’s address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    target = () => `http://127.0.0.1:${port}`;
    try {
      const error = await failure(robots.send(delivery({ channel: 'dingtalk', recipient: `${DINGTALK}/robot/send?access_token=abcdef123456` })));
      expect(error.permanent).toBe(false);
      expect(error.message).toContain('unreachable');
      expect(error.message).toContain('access_token=abcd…');
      expect(error.message).not.toContain('abcdef123456');
    } finally {
      target = () => base;
    }
  });

  it('refuses, without resolving or connecting, plain http, inside addresses and hosts that are not allowed', async () => {
    const count = posts.length;
    resolved.length = 0;
    for (const [recipient, reason] of [
      ['http://qyapi.weixin.qq.com/ok?key=k', 'not https'],
      ['https://127.0.0.1/ok?key=k', 'loopback'],
      ['https://2130706433/ok?key=k', '127.0.0.1 is a loopback'],
      ['https://[::ffff:169.254.169.254]/ok?key=k', 'link-local'],
      ['https://robot.example.org/ok?key=k', 'neither qyapi.weixin.qq.com nor in WEBHOOK_ALLOWED_HOSTS'],
    ]) {
      const error = await failure(robots.send(delivery({ recipient })));
      expect([recipient, error.permanent, error.message]).toEqual([recipient, true, expect.stringContaining(reason)]);
    }
    expect(resolved).toEqual([]);
    expect(posts).toHaveLength(count);
  });

  it('refuses an allowed host when any address it resolves to is inside, and connects to none', async () => {
    const count = posts.length;
    const error = await failure(robots.send(delivery({ recipient: 'https://inside.example.org/ok?key=k' })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('inside.example.org resolves to 10.1.2.3, a private address');
    expect(posts).toHaveLength(count);
  });

  it('knows the inside ranges in every spelling', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::a00:1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1', '2002:a00:1::1']) {
      expect([ip, insideRange(ip)]).toEqual([ip, expect.objectContaining({ name: expect.any(String) })]);
    }
    for (const ip of ['101.91.0.10', '8.8.8.8', '172.32.0.1', '2408:8000::1', '::ffff:8.8.8.8', 'qyapi.weixin.qq.com']) expect([ip, insideRange(ip)]).toEqual([ip, null]);
  });

  it('masks the key and access_token of a webhook address to their first 4 characters', () => {
    expect(maskWebhook('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…');
    expect(maskWebhook('https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef&x=1')).toBe('https://oapi.dingtalk.com/robot/send?access_token=0123…&x=1');
  });
});
