import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { type Delivery, DeliveryError, type DeliveryReceipt, type Transport } from './delivery.js';

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** A 5xx answer means the server will never take it (unknown mailbox, refused address); anything else may pass later. */
export function classifySmtpError(error: unknown, recipient: string): DeliveryError {
  const e = (error ?? {}) as SmtpFailure;
  const reply = e.response ?? e.message ?? String(error);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600) {
    return new DeliveryError(`SMTP server refused ${recipient}: ${reply}`, true);
  }
  return new DeliveryError(`SMTP delivery to ${recipient} failed${e.code ? ` (${e.code})` : ''}: ${reply}`, false);
}

function messageOf(delivery: Delivery, config: AppConfig) {
  const host = new URL(config.publicUrl).hostname || 'localhost';
  return {
    from: config.mailFrom,
    to: { name: delivery.recipientName, address: delivery.recipient },
    subject: delivery.subject,
    text: delivery.text,
    ...(delivery.html ? { html: delivery.html } : {}),
    messageId: `<qingdan-outbox-${delivery.id}@${host}>`,
    headers: { 'X-Qingdan-Outbox-Id': String(delivery.id) },
  };
}

/** Email over SMTP (SMTP_URL), with timeouts so a dead server fails the attempt instead of hanging it. */
class SmtpTransport implements Transport {
  private readonly transporter;

  constructor(private readonly config: AppConfig) {
    this.transporter = nodemailer.createTransport({ url: config.smtpUrl!, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
  }

  async send(delivery: Delivery): Promise<DeliveryReceipt> {
    try {
      const info = (await this.transporter.sendMail(messageOf(delivery, this.config))) as { response?: string; rejected?: unknown[] };
      if (info.rejected && info.rejected.length) throw Object.assign(new Error(info.response ?? 'rejected'), { responseCode: 550 });
      return { deliveredTo: `SMTP ${new URL(this.config.smtpUrl!).host}: ${info.response ?? 'accepted'}` };
    } catch (error) {
      throw classifySmtpError(error, delivery.recipient);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/** Without SMTP_URL: each message becomes an .eml file in OUTBOX_DIR, written whole (temp file, then rename). */
class EmlFileTransport implements Transport {
  private readonly builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly config: AppConfig) {}

  async send(delivery: Delivery): Promise<DeliveryReceipt> {
    const info = (await this.builder.sendMail(messageOf(delivery, this.config))) as { message: Buffer };
    const name = `${String(delivery.id).padStart(6, '0')}-${delivery.recipient.replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`;
    const file = join(this.config.outboxDir, name);
    try {
      mkdirSync(this.config.outboxDir, { recursive: true });
      writeFileSync(`${file}.tmp`, info.message);
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      throw new DeliveryError(`cannot write ${file}: ${(error as Error).message}`, false);
    }
    return { deliveredTo: file };
  }
}

export function createMailTransport(config: AppConfig): Transport {
  return config.smtpUrl ? new SmtpTransport(config) : new EmlFileTransport(config);
}

/** Where mail goes, without credentials. */
export function describeMailTransport(config: AppConfig): string {
  return config.smtpUrl ? `SMTP ${new URL(config.smtpUrl).host}` : `.eml files in ${config.outboxDir}`;
}
