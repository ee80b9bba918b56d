import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { loadConfig } from '../config/app-config.js';
import { type Delivery, DeliveryError } from './delivery.js';
import { parseMail as readMail } from '../../test/helpers/mail-catcher.js';
import { createMailTransport, describeMailTransport } from './mail-transport.js';

const delivery = (over: Partial<Delivery> = {}): Delivery => ({
  id: 42,
  channel: 'email',
  recipient: 'liaison@example.org',
  recipientName: '王联络',
  subject: '【催办】区经济信息委：2项事项将于7日后到期',
  text: '任务11「建设工业固废资源化利用项目」将于2025-12-31到期，请及时填报进展。',
  html: '<p>任务11「建设工业固废资源化利用项目」将于<b>2025-12-31</b>到期。</p>',
  markdown: null,
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

// --- a real SMTP server on loopback ---

interface Smtp {
  port: number;
  url: string;
  raw: string[];
  close(): Promise<void>;
}

async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<Smtp> {
  const raw: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        raw.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, url: `smtp://127.0.0.1:${port}`, raw, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** smtp-server's reply to a refused command: the error's responseCode and message. */
const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

const configFor = (env: Record<string, string>) => loadConfig({ PUBLIC_URL: 'https://qingdan.example.org', ...env }, tmpdir());

/** Sends through a fresh SMTP transport and closes its pool afterwards. */
async function viaSmtp<T>(smtpUrl: string, use: (send: (d: Delivery) => Promise<{ deliveredTo: string }>) => Promise<T>): Promise<T> {
  const transport = createMailTransport(configFor({ SMTP_URL: smtpUrl }));
  try {
    return await use((d) => transport.send(d));
  } finally {
    transport.close?.();
  }
}

describe('mail transport over SMTP', () => {
  let smtp: Smtp;

  beforeAll(async () => {
    smtp = await startSmtp({
      onRcptTo(address, _session, callback) {
        if (address.address === 'gone@example.org') return callback(refusal(550, `5.1.1 Mailbox unavailable: ${address.address}`));
        callback();
      },
    });
  });

  afterAll(() => smtp.close());

  it('delivers the Chinese subject, plain text and HTML part intact, addressed to the contact by name', async () => {
    const receipt = await viaSmtp(smtp.url, (send) => send(delivery()));
    expect(receipt.deliveredTo).toMatch(new RegExp(`^SMTP 127\\.0\\.0\\.1:${smtp.port}: 250 `));
    const mail = readMail(smtp.raw.at(-1)!);
    expect(mail.header('subject')).toBe('【催办】区经济信息委：2项事项将于7日后到期');
    expect(mail.header('to')).toBe('王联络 <liaison@example.org>');
    expect(mail.header('from')).toBe('清单催办 <qingdan@localhost>');
    expect(mail.text).toContain('任务11「建设工业固废资源化利用项目」将于2025-12-31到期，请及时填报进展。');
    expect(mail.html).toContain('<p>任务11「建设工业固废资源化利用项目」将于<b>2025-12-31</b>到期。</p>');
  });

  it('sends no HTML part when the message has none', async () => {
    await viaSmtp(smtp.url, (send) => send(delivery({ html: null })));
    const mail = readMail(smtp.raw.at(-1)!);
    expect(mail.text).toContain('请及时填报进展');
    expect(mail.html).toBe('');
  });

  it('gives a message the same Message-ID on every attempt, made from its outbox id and the public host', async () => {
    await viaSmtp(smtp.url, async (send) => {
      await send(delivery({ id: 7 }));
      await send(delivery({ id: 7 }));
      await send(delivery({ id: 8 }));
    });
    const [first, again, other] = smtp.raw.slice(-3).map(readMail);
    expect(first.header('message-id')).toBe('<qingdan-outbox-7@qingdan.example.org>');
    expect(again.header('message-id')).toBe('<qingdan-outbox-7@qingdan.example.org>');
    expect(first.header('x-qingdan-outbox-id')).toBe('7');
    expect(other.header('message-id')).toBe('<qingdan-outbox-8@qingdan.example.org>');
  });

  it('gives up at once on an address the server refuses with 550, naming the address and the reply', async () => {
    const error = await viaSmtp(smtp.url, (send) => failure(send(delivery({ recipient: 'gone@example.org' }))));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('gone@example.org');
    expect(error.message).toContain('550');
  });
});

describe('mail transport when the SMTP server cannot take the message now', () => {
  it('retries when the server answers 451 (try again later)', async () => {
    const smtp = await startSmtp({
      onData(stream, _session, callback) {
        stream.on('end', () => callback(refusal(451, '4.3.0 Temporary local problem, try again later')));
        stream.resume();
      },
    });
    try {
      const error = await viaSmtp(smtp.url, (send) => failure(send(delivery())));
      expect(error.permanent).toBe(false);
      expect(error.message).toContain('451');
    } finally {
      await smtp.close();
    }
  });

  it('retries a recipient deferred with 451 at RCPT TO', async () => {
    const smtp = await startSmtp({ onRcptTo: (_address, _session, callback) => callback(refusal(451, '4.7.1 Greylisted, come back later')) });
    try {
      const error = await viaSmtp(smtp.url, (send) => failure(send(delivery())));
      expect(error.permanent).toBe(false);
      expect(error.message).toContain('liaison@example.org');
    } finally {
      await smtp.close();
    }
  });

  it('retries when nothing listens on the port', async () => {
    const smtp = await startSmtp();
    await smtp.close();
    const error = await viaSmtp(smtp.url, (send) => failure(send(delivery())));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('retries a refused login and never shows the SMTP password', async () => {
    const smtp = await startSmtp({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => callback(refusal(535, '5.7.8 Authentication credentials invalid')),
    });
    const url = `smtp://qingdan:S3cret%21pw@127.0.0.1:${smtp.port}`;
    try {
      const error = await viaSmtp(url, (send) => failure(send(delivery())));
      expect(error.permanent).toBe(false);
      expect(error.message).toContain('535');
      expect(error.message).not.toContain('S3cret');
      expect(describeMailTransport(configFor({ SMTP_URL: url }))).toBe(`SMTP 127.0.0.1:${smtp.port}`);
    } finally {
      await smtp.close();
    }
  });
});

describe('mail transport without SMTP_URL (.eml files)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qingdan-eml-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one readable .eml file per message, named by outbox id and address', async () => {
    const config = configFor({ OUTBOX_DIR: join(dir, 'outbox') });
    const transport = createMailTransport(config);
    const first = await transport.send(delivery({ id: 42 }));
    await transport.send(delivery({ id: 1234, recipient: 'head/of unit@example.org', recipientName: '李负责人', html: null }));

    const files = readdirSync(join(dir, 'outbox')).sort();
    expect(files).toEqual(['000042-liaison@example.org.eml', '001234-head_of_unit@example.org.eml']);
    expect(first.deliveredTo).toBe(join(dir, 'outbox', '000042-liaison@example.org.eml'));
    expect(describeMailTransport(config)).toBe(`.eml files in ${join(dir, 'outbox')}`);

    const mail = readMail(readFileSync(join(dir, 'outbox', files[0]), 'utf8'));
    expect(mail.header('subject')).toBe('【催办】区经济信息委：2项事项将于7日后到期');
    expect(mail.header('to')).toBe('王联络 <liaison@example.org>');
    expect(mail.header('message-id')).toBe('<qingdan-outbox-42@qingdan.example.org>');
    expect(mail.text).toContain('请及时填报进展');
    expect(mail.html).toContain('<b>2025-12-31</b>');
  });

  it('writes a message sent again over its own file, not beside it', async () => {
    const transport = createMailTransport(configFor({ OUTBOX_DIR: dir }));
    await transport.send(delivery());
    await transport.send(delivery());
    expect(readdirSync(dir)).toEqual(['000042-liaison@example.org.eml']);
  });

  it('retries when the outbox folder cannot be written', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the outbox folder should be');
    const error = await failure(createMailTransport(configFor({ OUTBOX_DIR: join(blocker, 'outbox') })).send(delivery()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('not-a-folder');
  });
});
