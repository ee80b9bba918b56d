import { Module } from '@nestjs/common';
import { OutboxController, PlanOutboxController } from './outbox.controller.js';
import { OutboxService } from './outbox.service.js';
import { SenderService } from './sender.service.js';
import { Transports } from './transports.js';

/** The outbox: messages written before they are sent, and the sender that delivers them with retries. */
@Module({
  controllers: [PlanOutboxController, OutboxController],
  providers: [OutboxService, SenderService, Transports],
  exports: [OutboxService, SenderService],
})
export class OutboxModule {}
