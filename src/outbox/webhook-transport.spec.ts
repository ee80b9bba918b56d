import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Delivery, DeliveryError } from './delivery.js';
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

  const robots = new WebhookTransport();

  it('posts a WeCom markdown message as UTF-8 JSON and reports the robot’s errcode 0', async () => {
    const receipt = await robots.send(delivery({ recipient: `${base}/ok?key=693a91f6-7xxx` }));
    const post = posts.at(-1)!;
    expect(post.query).toBe('key=693a91f6-7xxx');
    expect(post.contentType).toBe('application/json; charset=utf-8');
    expect(post.body).toEqual({ msgtype: 'markdown', markdown: { content: '### 【催办】区经济信息委\n- **任务11** 已逾期<font color="warning">327</font>天' } });
    expect(receipt.deliveredTo).toBe(`${new URL(base).host} errcode 0`);
  });

  it('falls back to the plain text when a message has no markdown', async () => {
    await robots.send(delivery({ recipient: `${base}/ok?key=k`, markdown: null }));
    expect(posts.at(-1)!.body).toEqual({ msgtype: 'markdown', markdown: { content: '任务11 已逾期327天' } });
  });

  it('posts a DingTalk markdown message with the subject as its title', async () => {
    await robots.send(delivery({ channel: 'dingtalk', recipient: `${base}/ok?access_token=abcdef123456` }));
    expect(posts.at(-1)!.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '【催办】区经济信息委：2项事项已逾期', text: '### 【催办】区经济信息委\n- **任务11** 已逾期<font color="warning">327</font>天' },
    });
  });

  it('gives up on a wrong key (errcode 93000) with the robot’s reason, and the key masked everywhere in the message', async () => {
    const error = await failure(robots.send(delivery({ recipient: `${base}/bad-key?key=secret-key-123` })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('errcode 93000');
    expect(error.message).toContain('invalid webhook url');
    expect(error.message).toContain('key=secr…');
    expect(error.message).not.toContain('secret-key-123');
  });

  it('gives up when the robot’s address answers another 4xx', async () => {
    const error = await failure(robots.send(delivery({ channel: 'dingtalk', recipient: `${base}/gone?access_token=tok-987654` })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('HTTP 404');
    expect(error.message).not.toContain('tok-987654');
  });

  it('retries an HTTP 500 and an HTTP 429', async () => {
    const broken = await failure(robots.send(delivery({ recipient: `${base}/broken?key=k1` })));
    expect(broken.permanent).toBe(false);
    expect(broken.message).toContain('HTTP 500');
    const slowDown = await failure(robots.send(delivery({ recipient: `${base}/slow-down?key=k1` })));
    expect(slowDown.permanent).toBe(false);
    expect(slowDown.message).toContain('HTTP 429');
  });

  it('retries the robots’ rate limits (WeCom 45009, DingTalk 130101)', async () => {
    const wecom = await failure(robots.send(delivery({ recipient: `${base}/wecom-limited?key=k1` })));
    expect(wecom.permanent).toBe(false);
    expect(wecom.message).toContain('errcode 45009 api freq out of limit');
    const dingtalk = await failure(robots.send(delivery({ channel: 'dingtalk', recipient: `${base}/dingtalk-limited?access_token=t1` })));
    expect(dingtalk.permanent).toBe(false);
    expect(dingtalk.message).toContain('errcode 130101');
  });

  it('retries when nothing listens at the robot’s address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(robots.send(delivery({ channel: 'dingtalk', recipient: `http://127.0.0.1:${port}/robot/send?access_token=abcdef123456` })));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('access_token=abcd…');
    expect(error.message).not.toContain('abcdef123456');
  });

  it('masks the key and access_token of a webhook address to their first 4 characters', () => {
    expect(maskWebhook('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…');
    expect(maskWebhook('https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef&x=1')).toBe('https://oapi.dingtalk.com/robot/send?access_token=0123…&x=1');
  });
});
