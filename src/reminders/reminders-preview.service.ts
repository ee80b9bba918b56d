import { Injectable } from '@nestjs/common';
import { DigestService } from './digest.service.js';
import { ReminderSweepService } from './reminder-sweep.service.js';

/** The dry run of a date: reminders and, for the plan's leaders, the digest they would get that day. */
@Injectable()
export class RemindersPreviewService {
  constructor(
    private readonly sweeps: ReminderSweepService,
    private readonly digests: DigestService,
  ) {}

  async preview(planId: number, date: string) {
    return { ...(await this.sweeps.preview(planId, date)), digests: await this.digests.preview(planId, date) };
  }
}
