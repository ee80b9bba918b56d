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
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'no answer within 10 s';
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e.message} (${cause})` : String(e?.message ?? error);
}

/**
 * Chat-group robots: WeCom (企业微信群机器人) and DingTalk (钉钉自定义机器人), both as markdown messages.
 * HTTP 429/5xx, network errors, timeouts and rate limits are retried; other refusals (a wrong key) are final.
 */
export class WebhookTransport implements Transport {
  async send(delivery: Delivery): Promise<DeliveryReceipt> {
    if (delivery.channel !== 'wecom' && delivery.channel !== 'dingtalk') {
      throw new DeliveryError(`The robot transport does not send ${delivery.channel} messages`, true);
    }
    const robot = `${delivery.channel} robot ${maskWebhook(delivery.recipient)}`;
    let host: string;
    try {
      host = new URL(delivery.recipient).host;
    } catch {
      throw new DeliveryError(`${robot}: not a URL`, true);
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(delivery.recipient, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payloadOf(delivery)),
        signal: AbortSignal.timeout(10_000),
      });
      text = await response.text();
    } catch (error) {
      throw new DeliveryError(scrub(`${robot} unreachable: ${reasonOf(error)}`, delivery.recipient), false);
    }
    const excerpt = scrub(text.replace(/\s+/g, ' ').trim().slice(0, 200), delivery.recipient);
    if (response.status < 200 || response.status >= 300) {
      const transient = response.status === 429 || response.status >= 500;
      throw new DeliveryError(`${robot} answered HTTP ${response.status}: ${excerpt}`, !transient);
    }
    let answer: { errcode?: unknown; errmsg?: unknown };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // A proxy or gateway page in the way; the robot itself always answers JSON.
      throw new DeliveryError(`${robot} answered something that is not JSON: ${excerpt}`, false);
    }
    const code = Number(answer?.errcode ?? 0);
    if (code !== 0) {
      const errmsg = scrub(String(answer.errmsg ?? ''), delivery.recipient);
      throw new DeliveryError(`${robot} refused the message: errcode ${code} ${errmsg}`.trim(), !RATE_LIMITED.has(code));
    }
    return { deliveredTo: `${host} errcode 0` };
  }
}
