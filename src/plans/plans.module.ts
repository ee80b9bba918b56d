import { Module } from '@nestjs/common';
import { EvidenceStore } from '../progress/evidence-store.js';
import { ItemWriterService } from './item-writer.service.js';
import { PlanItemsService } from './plan-items.service.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';

@Module({
  controllers: [PlansController],
  providers: [PlansService, PlanItemsService, ItemWriterService, EvidenceStore],
  exports: [PlanItemsService, ItemWriterService],
})
export class PlansModule {}
