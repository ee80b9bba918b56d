import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { AuditSubscriber } from './audit.subscriber.js';

/** The change log: the subscriber that writes it (registered on the app's data source) and the endpoints that read it. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditSubscriber],
})
export class AuditModule {}
