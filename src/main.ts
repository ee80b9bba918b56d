import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { describeMailTransport } from './outbox/mail-transport.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  const logger = new Logger('Qingdan');
  logger.log(`Web:  ${config.publicUrl}/`);
  logger.log(`API:  ${config.publicUrl}/api/v1`);
  logger.log(`Docs: ${config.publicUrl}/api/docs`);
  if (config.clock) logger.log(`Clock frozen at ${config.clock}`);
  logger.log(`Mail: ${describeMailTransport(config)}${config.smtpUrl ? '' : ' (no SMTP_URL)'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
