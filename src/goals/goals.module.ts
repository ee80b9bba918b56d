import { Module } from '@nestjs/common';
import { IndicatorValuesController } from './indicator-values.controller.js';
import { IndicatorValuesService } from './indicator-values.service.js';

@Module({
  controllers: [IndicatorValuesController],
  providers: [IndicatorValuesService],
})
export class GoalsModule {}
