import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ProgressModule } from './progress/progress.module.js';
import { Clock } from './common/clock.js';
import { GlobalExceptionFilter } from './common/global-exception.filter.js';
import { KnownQueryInterceptor } from './common/known-query.interceptor.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { serializeTransactions } from './database/serial-transactions.js';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { GoalsModule } from './goals/goals.module.js';
import { HealthController } from './health/health.controller.js';
import { OversightModule } from './progress/oversight.module.js';
import { PlansModule } from './plans/plans.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ResponsibilitiesModule } from './responsibilities/responsibilities.module.js';
import { SeedService } from './seeds/seed.service.js';
import { SpreadsheetsModule } from './spreadsheets/spreadsheets.module.js';
import { ListsModule } from './lists/lists.module.js';
import { UnitsModule } from './units/units.module.js';
import { InstructionsModule } from './instructions/instructions.module.js';
import { SignaturesModule } from './signatures/signatures.module.js';
import type { AppBoundary } from './app.js';
import { ROBOT_NETWORK, systemNetwork } from './outbox/robot-network.js';

/** The settings and the clock, available everywhere. */
@Global()
@Module({})
class CoreModule {
  static forConfig(config: AppConfig, boundary: AppBoundary = {}): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, { provide: ROBOT_NETWORK, useValue: boundary.robotNetwork ?? systemNetwork }],
      exports: [APP_CONFIG, Clock, ROBOT_NETWORK],
    };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: AppConfig, boundary: AppBoundary = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forConfig(config, boundary),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.database), migrationsRun: true, migrationsTransactionMode: 'each' }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            const dataSource = await new DataSource(options!).initialize();
            serializeTransactions(dataSource);
            return dataSource;
          },
        }),
        AuthModule,
        AuditModule,
        ProgressModule,
        PlansModule,
        UnitsModule,
        ListsModule,
        GoalsModule,
        ResponsibilitiesModule,
        DeadlinesModule,
        SpreadsheetsModule,
        OversightModule,
        CalendarModule,
        RemindersModule,
        ReportsModule,
        InstructionsModule,
        SignaturesModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: GlobalExceptionFilter }, { provide: APP_INTERCEPTOR, useClass: KnownQueryInterceptor }, SeedService],
    };
  }
}
