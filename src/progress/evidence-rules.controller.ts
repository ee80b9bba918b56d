import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EVIDENCE_EXTENSIONS } from './evidence-types.js';

/** What an evidence upload may be: the configured EVIDENCE_MAX_BYTES and the accepted kinds, for forms to check before sending. */
@ApiTags('progress (进展填报)')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceRulesController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Allow('office', 'unit', 'leader')
  @Get('rules')
  rules() {
    return { maxBytes: this.config.evidenceMaxBytes, extensions: EVIDENCE_EXTENSIONS };
  }
}
