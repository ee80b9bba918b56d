import { Global, Module } from '@nestjs/common';
import { StatusService } from './status.service.js';

/** Derived status, used by the lists and (later) the reports. */
@Global()
@Module({ providers: [StatusService], exports: [StatusService] })
export class StatusModule {}
