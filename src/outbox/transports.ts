import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { type Delivery, DeliveryError, type DeliveryReceipt, type Transport } from './delivery.js';
import { createMailTransport } from './mail-transport.js';
import { ROBOT_NETWORK, type RobotNetwork } from './robot-network.js';
import { WebhookTransport } from './webhook-transport.js';

/** Picks the way out by channel: email, or a chat-group robot (WeCom, DingTalk). */
@Injectable()
export class Transports implements OnApplicationShutdown {
  private readonly mail: Transport;
  private readonly robots: WebhookTransport;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(ROBOT_NETWORK) network: RobotNetwork) {
    this.mail = createMailTransport(config);
    this.robots = new WebhookTransport(network, config.webhookAllowedHosts);
  }

  send(delivery: Delivery): Promise<DeliveryReceipt> {
    switch (delivery.channel) {
      case 'email':
        return this.mail.send(delivery);
      case 'wecom':
      case 'dingtalk':
        return this.robots.send(delivery);
      default:
        return Promise.reject(new DeliveryError(`No transport for channel ${String(delivery.channel)}`, true));
    }
  }

  onApplicationShutdown(): void {
    this.mail.close?.();
  }
}
