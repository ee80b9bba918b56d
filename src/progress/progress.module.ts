import { Module } from '@nestjs/common';
import { CloseOutController } from './close-out.controller.js';
import { EvidenceRulesController } from './evidence-rules.controller.js';
import { EvidenceStore } from './evidence-store.js';
import { EvidenceService } from './evidence.service.js';
import { ProgressController } from './progress.controller.js';
import { ProgressService } from './progress.service.js';
import { ReviewService } from './review.service.js';

@Module({
  controllers: [ProgressController, CloseOutController, EvidenceRulesController],
  providers: [ProgressService, ReviewService, EvidenceService, EvidenceStore],
})
export class ProgressModule {}
