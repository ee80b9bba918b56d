import { isIP } from 'node:net';
import { insideRange, robotAddressProblem } from './robot-address.js';
import type { RobotAnswer, RobotNetwork } from './robot-network.js';
import { type Delivery, DeliveryError, type DeliveryReceipt, hideSecrets, secretForms, type Transport } from './delivery.js';

/** Robot answers that mean "too many messages, try later" (WeCom 45009; DingTalk 130101, 410100). */
const RATE_LIMITED = new Set([45009, 130101, 410100]);

/** The robot's secret in its URL (WeCom ?key=, DingTalk ?access_token=), in the forms it can take. */
function secretsOf(url: string): string[] {
  return secretForms([...url.matchAll(/[?&](?:key|access_token)=([^&#]*)/g)].map((m) => m[1]));
}

/** Any text (a robot's answer, an error) with the webhook's secrets cut to their first 4 characters. */
function scrub(text: string, url: string): string {
  return hideSecrets(text, secretsOf(url), (secret) => `${secret.slice(0, 4)}…`);
}

/** The webhook URL with its key / access_token cut to 4 characters, for logs, errors and the contacts API. */
export function maskWebhook(url: string): string {
  return scrub(url, url);
}

function payloadOf(delivery: Delivery): object {
  const body = delivery.markdown ?? delivery.text;
  if (delivery.channel === 'dingtalk') return { msgtype: 'markdown', markdown: { title: delivery.subject, text: body } };
  return { msgtype: 'markdown', markdown: { content: body } };
}

function reasonOf(error: unknown): string {
  const e = error as Error & { code?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'no answer within 10 s';
  const code = e?.code ?? e?.cause?.code;
  return code ? String(code) : String(e?.message ?? error).slice(0, 100);
}

/**
 * Chat-group robots: WeCom (企业微信群机器人) and DingTalk (钉钉自定义机器人), both as markdown messages.
 * Only https to the robots' own hosts (or WEBHOOK_ALLOWED_HOSTS) is sent to; the host is resolved, every address it
 * resolves to is checked (never an inside address: a name that resolves inside is refused, not tried), and the
 * connection goes to the checked address. An answer's body is read for the errcode only and never kept.
 * HTTP 429/5xx, network errors, timeouts and rate limits are retried; other refusals (a wrong key) are final.
 */
export class WebhookTransport implements Transport {
  constructor(
    private readonly network: RobotNetwork,
    private readonly allowedHosts: readonly string[] = [],
  ) {}

  async send(delivery: Delivery): Promise<DeliveryReceipt> {
    if (delivery.channel !== 'wecom' && delivery.channel !== 'dingtalk') {
      throw new DeliveryError(`The robot transport does not send ${delivery.channel} messages`, true);
    }
    const robot = `${delivery.channel} robot ${maskWebhook(delivery.recipient)}`;
    let url: URL;
    try {
      url = new URL(delivery.recipient);
    } catch {
      throw new DeliveryError(`${robot}: not a URL`, true);
    }
    const problem = robotAddressProblem(delivery.channel, url, this.allowedHosts);
    if (problem) throw new DeliveryError(`${robot} refused: ${problem.english}`, true);
    const address = await this.checkedAddress(robot, url.hostname);
    let answer: RobotAnswer;
    try {
      answer = await this.network.post(address, url, JSON.stringify(payloadOf(delivery)), 10_000);
    } catch (error) {
      throw new DeliveryError(scrub(`${robot} unreachable: ${reasonOf(error)}`, delivery.recipient), false);
    }
    if (answer.status < 200 || answer.status >= 300) {
      const transient = answer.status === 429 || answer.status >= 500;
      throw new DeliveryError(`${robot} answered HTTP ${answer.status}`, !transient);
    }
    let reply: { errcode?: unknown };
    try {
      reply = JSON.parse(answer.body) as typeof reply;
    } catch {
      // A proxy or gateway page in the way; the robot itself always answers JSON.
      throw new DeliveryError(`${robot} answered HTTP ${answer.status} with something that is not JSON`, false);
    }
    const code = Number(reply?.errcode ?? 0);
    if (!Number.isFinite(code)) throw new DeliveryError(`${robot} answered HTTP ${answer.status} without a valid errcode`, false);
    if (code !== 0) throw new DeliveryError(`${robot} refused the message: errcode ${code}`, !RATE_LIMITED.has(code));
    return { deliveredTo: `${url.host} errcode 0` };
  }

  /** The address to connect to: the host's own if it is an IP, else the first it resolves to, once every one is checked. */
  private async checkedAddress(robot: string, hostname: string): Promise<string> {
    const literal = hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    if (isIP(literal)) {
      addresses = [literal];
    } else {
      try {
        addresses = await this.network.lookup(hostname);
      } catch (error) {
        throw new DeliveryError(`${robot}: ${hostname} could not be resolved (${reasonOf(error)})`, false);
      }
    }
    if (addresses.length === 0) throw new DeliveryError(`${robot}: ${hostname} resolves to no address`, false);
    for (const address of addresses) {
      const inside = insideRange(address);
      if (inside) throw new DeliveryError(`${robot} refused: ${hostname} resolves to ${address}, a ${inside.name} address`, true);
    }
    return addresses[0];
  }
}
