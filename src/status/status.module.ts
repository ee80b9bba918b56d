import { Global, Module } from '@nestjs/common';
import { RawReader } from '../database/raw-reader.js';
import { StatusService } from './status.service.js';

/** Derived status, used by the lists, reminders and reports; the plain SQL reader they share. */
@Global()
@Module({ providers: [StatusService, RawReader], exports: [StatusService, RawReader] })
export class StatusModule {}
