import 'reflect-metadata';
import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import multipart from '@fastify/multipart';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { parseJsonBody } from './common/json-body.js';
import { createValidationPipe } from './common/validation.js';
import { registerSecurity } from './common/security.js';
import type { AppConfig } from './config/app-config.js';
import { SeedService } from './seeds/seed.service.js';
import { prepareDemoUsers } from './seeds/demo-users.js';
import { loadDemoProgress } from './seeds/demo-progress.js';
import { UsersService } from './auth/users.service.js';
import { setPasswordHashCost } from './auth/secrets.js';
import { DataSource } from 'typeorm';
import type { RobotNetwork } from './outbox/robot-network.js';
import { serveWebApp } from './web/serve-web.js';
import { withStartupLock } from './database/startup-lock.js';
import { limitHeapGrowth } from './common/heap-growth.js';

/** What the app reaches outside itself through, for a test to give its own (defaults: the real ones). */
export interface AppBoundary {
  /** Name resolution and HTTPS for the chat robots. */
  robotNetwork?: RobotNetwork;
}

/** Builds the application: Fastify, /api/v1, the strict pipe, OpenAPI at /api/docs, seeds on first start. */
export interface AppOptions extends AppBoundary {
  logger?: false | LoggerService;
  /** Serve the Swagger UI page (its assets load through @fastify/static, which Jest's ESM mode cannot import). */
  docsUi?: boolean;
  /** Serve the built web app (dist-web/) at / when it is there (default true). */
  webApp?: boolean;
}

/**
 * Builds the application. Its start-up (migrations, the first admin, the seed load) holds the database's start-up lock,
 * so instances started together on one database do it one after the other.
 */
export function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  // Before start-up: V8 sets the old generation's next limit at each full collection, so set later, the limit start-up
  // left (several times the live size) stood until the first sweep reached it.
  limitHeapGrowth();
  setPasswordHashCost(config.passwordHashCost);
  return withStartupLock(config.database, () => buildApp(config, options));
}

async function buildApp(config: AppConfig, options: AppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forConfig(config, { robotNetwork: options.robotNetwork }),
    new FastifyAdapter({ trustProxy: config.trustProxy.length ? config.trustProxy : false }),
    {
      logger: options.logger ?? ['log', 'warn', 'error'],
    },
  );
  await registerSecurity(app, 'api/v1');
  const { bodyLimit } = app.getHttpAdapter().getInstance().initialConfig;
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    try {
      done(null, parseJsonBody(body, request.headers['content-type']));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  await app.register(multipart, { limits: { fileSize: config.importMaxBytes, files: 1 } });
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // The OpenAPI document is worked out when it is first asked for, not at every start.
  const document = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Qingdan 清单')
        .setDescription('The four lists of Zero-Waste City programmes (无废城市): goals, tasks, projects, responsibilities')
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'POST /api/v1/auth/login 得到的令牌，或 API 令牌' })
        .build(),
    );
  SwaggerModule.setup('api/docs', app, document, { ui: options.docsUi ?? true, jsonDocumentUrl: 'api/docs-json' });
  if ((options.webApp ?? true) && !serveWebApp(app)) Logger.warn('The web app is not built (dist-web/): run npm run build to serve it at /', 'Web');
  if (config.admin) await app.get(UsersService).ensureAdmin(config.admin.username, config.admin.password);
  if (config.seed) {
    const demoUsers = config.demoUsers ? await prepareDemoUsers(app.get(DataSource)) : null;
    const results = await app.get(SeedService).loadAll();
    const loaded = results.filter((r) => r.loaded).map((r) => r.key);
    if (loaded.length) Logger.log(`Seed plans loaded: ${loaded.join(', ')}`, 'Seed');
    await demoUsers?.load();
    if (config.demoUsers && config.demoProgress) await loadDemoProgress(app);
  }
  return app;
}
