import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { SignatureRemindersService } from './signature-reminders.service.js';
import { SignaturesController } from './signatures.controller.js';
import { SignaturesService } from './signatures.service.js';

/** Units signing for their items (签收). */
@Module({
  imports: [OutboxModule],
  controllers: [SignaturesController],
  providers: [SignaturesService, SignatureRemindersService],
  exports: [SignaturesService],
})
export class SignaturesModule {}
