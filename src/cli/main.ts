import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DomainError } from '../common/domain-error.js';
import { UsersService } from '../auth/users.service.js';
import { Clock } from '../common/clock.js';
import { type AppConfig, ConfigError, loadConfig } from '../config/app-config.js';
import { setPasswordHashCost } from '../auth/secrets.js';
import { loadDemoUsers } from '../seeds/demo-users.js';
import { openDatabase } from '../database/data-source.js';
import { withStartupLock } from '../database/startup-lock.js';
import { SeedService } from '../seeds/seed.service.js';
import { ImportService } from '../spreadsheets/import.service.js';
import { LIST_NAMES, type ListName } from '../common/item-type.js';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate   apply pending database migrations
  seed      load the seed plans under seeds/ (plans already loaded are left as they are)
  create-admin --username <name>
            create an admin account; the password is read from the first line of standard input
            (e.g. printf '%s\n' "$PASSWORD" | npm run cli -- create-admin --username root)
  import --plan <id> --list <tasks|projects|indicators> <file.xlsx|file.csv> [--dry-run] [--create-units] [--mapping '<json>']
            import one list from a spreadsheet: all rows or none; exit code 1 with the errors listed.
            --mapping '{"督办事项":"content","责任科室":"leadUnits"}' names the fields of headers the reader does not
            know; it is remembered for the plan's list and used by later imports ('{}' forgets it)
`;

/** Command-line entry points. They use the same settings as the service (DATABASE_URL …). */
async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  setPasswordHashCost(config.passwordHashCost);
  // Migrations and the seed load take the start-up lock, as the service's start does (a service starting meanwhile waits).
  const dataSource: DataSource = await withStartupLock(config.database, () => openDatabase(config.database));
  try {
    if (command === 'migrate') {
      Logger.log('Migrations applied', 'CLI');
      return 0;
    }
    if (command === 'seed') {
      const { results, users } = await withStartupLock(config.database, async () => ({
        results: await new SeedService(dataSource).loadAll(),
        users: config.demoUsers ? await loadDemoUsers(dataSource) : [],
      }));
      for (const r of results) process.stdout.write(`${r.key}: ${r.loaded ? 'loaded' : 'already present'} (plan ${r.planId})\n`);
      if (users.length) process.stdout.write(`demo users (DEMO ONLY, password in seeds/demo-users.json): ${users.join(', ')}\n`);
      return 0;
    }
    if (command === 'import') return await runImport(dataSource, argv.slice(1));
    if (command === 'create-admin') return await runCreateAdmin(dataSource, config, argv.slice(1));
    process.stderr.write(`Unknown command "${command}"\n\n${USAGE}`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function runCreateAdmin(dataSource: DataSource, config: AppConfig, args: string[]): Promise<number> {
  const username = option(args, '--username');
  if (!username) {
    process.stderr.write(`create-admin needs --username <name>\n\n${USAGE}`);
    return 1;
  }
  const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
  try {
    const user = await new UsersService(dataSource, new Clock(config)).createAdmin(username, password);
    process.stdout.write(`管理员账号已创建：${user.username}（id ${user.id}）\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; prefer piping it in): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    const bytes = chunk as Buffer;
    chunks.push(bytes);
    if (process.stdin.isTTY && bytes.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function runImport(dataSource: DataSource, args: string[]): Promise<number> {
  const plan = Number(option(args, '--plan'));
  const list = option(args, '--list') as ListName;
  const valued = new Set(['--plan', '--list', '--mapping'].filter((name) => args.includes(name)).map((name) => args.indexOf(name) + 1));
  const file = args.find((a, i) => !a.startsWith('--') && !valued.has(i));
  if (!Number.isInteger(plan) || plan < 1 || !LIST_NAMES.includes(list) || !file) {
    process.stderr.write(`import needs --plan <id>, --list <${LIST_NAMES.join('|')}> and a file\n\n${USAGE}`);
    return 1;
  }
  try {
    const result = await new ImportService(dataSource, loadConfig()).importList(plan, list, readFileSync(file), basename(file), {
      dryRun: args.includes('--dry-run'),
      createUnits: args.includes('--create-units'),
      mapping: option(args, '--mapping'),
    });
    process.stdout.write(
      `${result.dryRun ? '试导入（未写入）' : '导入完成'}：表头以下共 ${result.rows} 行，` +
        `新增 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}，跳过 ${result.skipped}` +
        (result.unitsCreated.length ? `；新建单位：${result.unitsCreated.join('、')}` : '') +
        '\n',
    );
    for (const s of result.skippedRows) process.stdout.write(`  跳过第${s.row}行：${s.reason}\n`);
    for (const note of result.notes) process.stdout.write(`  说明：${note}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.message}\n`);
    for (const p of error.problems) process.stderr.write(`  第${p.row ?? '-'}行 ${p.field}：${p.message}\n`);
    return 1;
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
