import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Delivery, DeliveryReceipt, Transport } from './delivery.js';
import { createMailTransport } from './mail-transport.js';
import { WebhookTransport } from './webhook-transport.js';

/** Picks the way out by channel: email, or a chat-group robot. */
@Injectable()
export class Transports implements OnApplicationShutdown {
  private readonly mail: Transport;
  private readonly robots = new WebhookTransport();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.mail = createMailTransport(config);
  }

  send(delivery: Delivery): Promise<DeliveryReceipt> {
    return delivery.channel === 'email' ? this.mail.send(delivery) : this.robots.send(delivery);
  }

  onApplicationShutdown(): void {
    this.mail.close?.();
  }
}
