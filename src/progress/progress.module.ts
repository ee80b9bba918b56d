import { Module } from '@nestjs/common';
import { CloseOutController } from './close-out.controller.js';
import { EvidenceRulesController } from './evidence-rules.controller.js';
import { EVIDENCE_STORE_PROVIDER } from './evidence-store.js';
import { EvidenceService } from './evidence.service.js';
import { ProgressController } from './progress.controller.js';
import { ProgressService } from './progress.service.js';
import { ReviewService } from './review.service.js';

@Module({
  controllers: [ProgressController, CloseOutController, EvidenceRulesController],
  providers: [ProgressService, ReviewService, EvidenceService, EVIDENCE_STORE_PROVIDER],
})
export class ProgressModule {}
