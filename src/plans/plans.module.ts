import { Module } from '@nestjs/common';
import { EvidenceStore } from '../progress/evidence-store.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';

@Module({
  controllers: [PlansController],
  providers: [PlansService, EvidenceStore],
})
export class PlansModule {}
