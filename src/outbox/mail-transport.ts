import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { type Delivery, DeliveryError, type DeliveryReceipt, hideSecrets, secretForms, type Transport } from './delivery.js';

/** What nodemailer puts on a failed send (smtp-connection's _formatError). */
interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/** The SMTP password (in the URL's user part or an auth.pass parameter), in the forms it can take. */
function secretsOf(smtpUrl: string | null): string[] {
  if (!smtpUrl) return [];
  const url = new URL(smtpUrl);
  return secretForms([url.password, url.searchParams.get('auth.pass') ?? '']);
}

function scrub(text: string, secrets: string[]): string {
  return hideSecrets(text, secrets, () => '***');
}

/**
 * 5xx at MAIL FROM / RCPT TO / DATA (or an address nodemailer cannot use at all) means this message will never
 * be taken: permanent. Everything else may pass later: 4xx, refused or dropped connections, timeouts, and
 * also a 5xx at login (EAUTH) or greeting, which is the server's or the settings' fault, not this message's.
 */
export function classifySmtpError(error: unknown, recipient: string, secrets: string[] = []): DeliveryError {
  const e = (error ?? {}) as SmtpFailure;
  const reply = scrub((e.response ?? e.message ?? String(error)).replace(/\s+/g, ' ').trim(), secrets);
  const code = e.responseCode;
  const aboutMessage = e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
  if (aboutMessage && typeof code === 'number' && code >= 500 && code < 600) {
    return new DeliveryError(`SMTP server refused ${recipient}: ${reply}`, true);
  }
  if (e.code === 'EENVELOPE' && code === undefined) {
    return new DeliveryError(`Cannot send to ${recipient}: ${reply}`, true);
  }
  const what = e.code ? ` (${e.code}${typeof code === 'number' ? ` ${code}` : ''})` : '';
  return new DeliveryError(`SMTP delivery to ${recipient} failed${what}: ${reply}`, false);
}

function messageOf(delivery: Delivery, config: AppConfig) {
  const host = new URL(config.publicUrl).hostname || 'localhost';
  return {
    from: config.mailFrom,
    to: { name: delivery.recipientName, address: delivery.recipient },
    subject: delivery.subject,
    text: delivery.text,
    ...(delivery.html !== null ? { html: delivery.html } : {}),
    messageId: `<qingdan-outbox-${delivery.id}@${host}>`,
    ...(delivery.date ? { date: delivery.date } : {}),
    headers: { 'X-Qingdan-Outbox-Id': String(delivery.id) },
  };
}

/** Email over SMTP (SMTP_URL), pooled, with timeouts so a dead server fails the attempt instead of hanging it. */
class SmtpTransport implements Transport {
  private readonly transporter;
  private readonly secrets: string[];

  constructor(private readonly config: AppConfig) {
    this.secrets = secretsOf(config.smtpUrl);
    this.transporter = nodemailer.createTransport({
      url: config.smtpUrl!,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      logger: false,
    } as { url: string; pool: true });
  }

  async send(delivery: Delivery): Promise<DeliveryReceipt> {
    let info: { response?: string; rejected?: unknown[]; rejectedErrors?: unknown[] };
    try {
      info = await this.transporter.sendMail(messageOf(delivery, this.config));
    } catch (error) {
      throw classifySmtpError(error, delivery.recipient, this.secrets);
    }
    // One recipient per message, so a rejection normally throws; this covers a server that answers otherwise.
    if (info.rejected?.length) {
      throw classifySmtpError(info.rejectedErrors?.[0] ?? { code: 'EENVELOPE', responseCode: 550, response: info.response }, delivery.recipient, this.secrets);
    }
    return { deliveredTo: `${describeMailTransport(this.config)}: ${scrub(info.response ?? '250 accepted', this.secrets)}` };
  }

  close(): void {
    this.transporter.close();
  }
}

/** The .eml file's name: outbox id (6 digits) and the address, with anything unsafe in a file name replaced. */
export function emlFileName(delivery: Pick<Delivery, 'id' | 'recipient'>): string {
  const address = delivery.recipient.replace(/[^A-Za-z0-9@._+-]/g, '_').replace(/^\.+/, '_').slice(0, 120);
  return `${String(delivery.id).padStart(6, '0')}-${address}.eml`;
}

/** Without SMTP_URL: each message becomes an .eml file in OUTBOX_DIR, written whole (temp file, then rename). */
class EmlFileTransport implements Transport {
  private readonly builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly config: AppConfig) {}

  async send(delivery: Delivery): Promise<DeliveryReceipt> {
    let raw: Buffer;
    try {
      raw = (await this.builder.sendMail(messageOf(delivery, this.config))).message as Buffer;
    } catch (error) {
      // nodemailer refuses to build only for an unusable address or header; trying again builds the same.
      throw new DeliveryError(`Cannot build the message to ${delivery.recipient}: ${(error as Error).message}`, true);
    }
    const file = join(this.config.outboxDir, emlFileName(delivery));
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(this.config.outboxDir, { recursive: true });
      await writeFile(temp, raw);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw new DeliveryError(`Cannot write ${file}: ${(error as Error).message}`, false);
    }
    return { deliveredTo: file };
  }
}

/** Email: over SMTP when SMTP_URL is set, otherwise as .eml files in OUTBOX_DIR. */
export function createMailTransport(config: AppConfig): Transport {
  return config.smtpUrl ? new SmtpTransport(config) : new EmlFileTransport(config);
}

/** Where mail goes, in one line and without credentials: "SMTP mail.example.org:25" or ".eml files in <dir>". */
export function describeMailTransport(config: AppConfig): string {
  if (!config.smtpUrl) return `.eml files in ${config.outboxDir}`;
  const url = new URL(config.smtpUrl);
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
  return `SMTP ${url.hostname}:${port}`;
}
