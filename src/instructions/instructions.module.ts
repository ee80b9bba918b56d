import { Module } from '@nestjs/common';
import { InstructionsController } from './instructions.controller.js';
import { InstructionsService } from './instructions.service.js';

/** Leaders' instructions on items (批示). */
@Module({
  controllers: [InstructionsController],
  providers: [InstructionsService],
  exports: [InstructionsService],
})
export class InstructionsModule {}
