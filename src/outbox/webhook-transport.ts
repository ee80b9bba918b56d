import { type Delivery, DeliveryError, type DeliveryReceipt, type Transport } from './delivery.js';

/** Robot answers that mean "too many messages, try later" (WeCom 45009; DingTalk 130101, 410100). */
const RATE_LIMITED = new Set([45009, 130101, 410100]);

/** The webhook URL with its key / access_token cut to 4 characters, for logs and errors. */
export function maskWebhook(url: string): string {
  return url.replace(/([?&](?:key|access_token)=)([^&]{0,4})[^&]*/g, '$1$2…');
}

/**
 * Chat-group robots: WeCom (企业微信) and DingTalk (钉钉) custom robots, both as markdown messages.
 * HTTP 429/5xx, network errors and rate limits are retried; other refusals (a wrong key) are final.
 */
export class WebhookTransport implements Transport {
  async send(delivery: Delivery): Promise<DeliveryReceipt> {
    const body = delivery.markdown ?? delivery.text;
    const payload =
      delivery.channel === 'dingtalk'
        ? { msgtype: 'markdown', markdown: { title: delivery.subject, text: body } }
        : { msgtype: 'markdown', markdown: { content: body } };
    const where = maskWebhook(delivery.recipient);
    let response: Response;
    try {
      response = await fetch(delivery.recipient, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DeliveryError(`${delivery.channel} robot ${where} unreachable: ${(error as Error).message}`, false);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const transient = response.status === 429 || response.status >= 500;
      throw new DeliveryError(`${delivery.channel} robot ${where} answered HTTP ${response.status}: ${text.slice(0, 200)}`, !transient);
    }
    let answer: { errcode?: number; errmsg?: string } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      throw new DeliveryError(`${delivery.channel} robot ${where} answered something that is not JSON: ${text.slice(0, 200)}`, false);
    }
    const code = answer.errcode ?? 0;
    if (code !== 0) throw new DeliveryError(`${delivery.channel} robot ${where} refused: errcode ${code} ${answer.errmsg ?? ''}`.trim(), !RATE_LIMITED.has(code));
    return { deliveredTo: `${new URL(delivery.recipient).host} errcode 0` };
  }
}
