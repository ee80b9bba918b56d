import { Module } from '@nestjs/common';
import { EVIDENCE_STORE_PROVIDER } from '../progress/evidence-store.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';

@Module({
  controllers: [PlansController],
  providers: [PlansService, EVIDENCE_STORE_PROVIDER],
})
export class PlansModule {}
