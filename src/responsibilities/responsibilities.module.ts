import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { ResponsibilitiesController } from './responsibilities.controller.js';
import { ResponsibilitiesService } from './responsibilities.service.js';

@Module({
  imports: [PlansModule],
  controllers: [ResponsibilitiesController],
  providers: [ResponsibilitiesService],
})
export class ResponsibilitiesModule {}
