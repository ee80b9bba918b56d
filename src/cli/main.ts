import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { SeedService } from '../seeds/seed.service.js';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate   apply pending database migrations
  seed      load the seed plans under seeds/ (plans already loaded are left as they are)
`;

/** Command-line entry points. They use the same settings as the service (DATABASE_URL …). */
async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const dataSource: DataSource = await openDatabase(config.database);
  try {
    if (command === 'migrate') {
      Logger.log('Migrations applied', 'CLI');
      return 0;
    }
    if (command === 'seed') {
      const results = await new SeedService(dataSource).loadAll();
      for (const r of results) process.stdout.write(`${r.key}: ${r.loaded ? 'loaded' : 'already present'} (plan ${r.planId})\n`);
      return 0;
    }
    process.stderr.write(`Unknown command "${command}"\n\n${USAGE}`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
