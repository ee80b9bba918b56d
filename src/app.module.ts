import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from './common/clock.js';
import { GlobalExceptionFilter } from './common/global-exception.filter.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { GoalsModule } from './goals/goals.module.js';
import { HealthController } from './health/health.controller.js';
import { PlansModule } from './plans/plans.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { ResponsibilitiesModule } from './responsibilities/responsibilities.module.js';
import { SeedService } from './seeds/seed.service.js';
import { SpreadsheetsModule } from './spreadsheets/spreadsheets.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { UnitsModule } from './units/units.module.js';

/** The settings and the clock, available everywhere. */
@Global()
@Module({})
class CoreModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock],
      exports: [APP_CONFIG, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forConfig(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), migrationsRun: true, migrationsTransactionMode: 'each' }),
        PlansModule,
        UnitsModule,
        TasksModule,
        ProjectsModule,
        GoalsModule,
        ResponsibilitiesModule,
        DeadlinesModule,
        SpreadsheetsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: GlobalExceptionFilter }, SeedService],
    };
  }
}
