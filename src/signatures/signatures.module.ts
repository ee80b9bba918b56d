import { Module } from '@nestjs/common';
import { SignaturesController } from './signatures.controller.js';
import { SignaturesService } from './signatures.service.js';

/** Units signing for their items (签收). */
@Module({
  controllers: [SignaturesController],
  providers: [SignaturesService],
  exports: [SignaturesService],
})
export class SignaturesModule {}
