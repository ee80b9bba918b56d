import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { IndicatorValuesController } from './indicator-values.controller.js';
import { IndicatorValuesService } from './indicator-values.service.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';

@Module({
  imports: [PlansModule],
  controllers: [IndicatorsController, IndicatorValuesController],
  providers: [IndicatorsService, IndicatorValuesService],
})
export class GoalsModule {}
