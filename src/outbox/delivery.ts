import type { Channel } from '../units/unit-contact.entity.js';

/** A message as a transport sends it. */
export interface Delivery {
  /** The outbox row's id: it makes the email's Message-ID stable, so a repeated attempt is recognisable. */
  id: number;
  channel: Channel;
  /** Email address, or the robot's webhook URL. */
  recipient: string;
  recipientName: string;
  subject: string;
  text: string;
  html: string | null;
  /** Body for chat robots (WeCom and DingTalk markdown). */
  markdown: string | null;
  /** The email's Date: the service clock's now (a frozen CLOCK dates demo mail on the demo day). */
  date?: Date;
}

/** Where a delivered message went: the SMTP server's answer, the .eml file's path, or the robot's reply. */
export interface DeliveryReceipt {
  deliveredTo: string;
}

/**
 * A delivery that did not happen. permanent: trying again cannot help (the server refused the address,
 * the robot's key is wrong); otherwise it is retried with backoff.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** One way out: email or a robot. */
export interface Transport {
  send(delivery: Delivery): Promise<DeliveryReceipt>;
  /** Lets go of open connections (the SMTP pool) when the service stops. */
  close?(): void;
}

/** Secrets as written and URL-decoded (either form may turn up in an error text), without empty ones. */
export function secretForms(values: string[]): string[] {
  const forms = values.flatMap((value) => {
    try {
      return [value, decodeURIComponent(value)];
    } catch {
      return [value];
    }
  });
  return [...new Set(forms)].filter((s) => s.length > 0);
}

/** Text with every secret replaced by what `hide` makes of it, before it goes into an error, a log or the outbox. */
export function hideSecrets(text: string, secrets: string[], hide: (secret: string) => string): string {
  return secrets.reduce((out, secret) => out.split(secret).join(hide(secret)), text);
}
