import { Module } from '@nestjs/common';
import { ExtensionsController } from './extensions.controller.js';
import { ExtensionsService } from './extensions.service.js';
import { NoticesController } from './notices.controller.js';
import { NoticesService } from './notices.service.js';

/** Supervision notices (督办) and deadline extension requests (延期申请). */
@Module({
  controllers: [NoticesController, ExtensionsController],
  providers: [NoticesService, ExtensionsService],
})
export class OversightModule {}
