/**
 * Import and export of a 5,000-row task sheet: wall time and peak memory of each, measured in its own process
 * so one phase's memory does not hide another's. Target (issue 3): under 2 s each on a 2-core machine.
 *   npm run bench
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/data-source.js';
import { Plan } from '../src/plans/plan.entity.js';
import { RawReader } from '../src/database/raw-reader.js';
import { StatusService } from '../src/lists/status.service.js';
import { Clock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/app-config.js';
import { ItemQueryService } from '../src/lists/item-query.service.js';
import { ExportService } from '../src/spreadsheets/export.service.js';
import { ImportService } from '../src/spreadsheets/import.service.js';
import { TASK_TABLE } from '../src/lists/tasks/task.table.js';
import { writeXlsx } from '../src/tables/table-writer.js';
import { ownPeakMb } from './service-process.js';
import { Unit } from '../src/units/unit.entity.js';

const ROWS = 5000;
const UNITS = ['区生态环境局', '区经济信息委', '区发展改革委', '区应急管理局', '区交通局', '区商务委', '区城市管理局', '各相关企业'];
const PHRASES = ['到2023年，新增绿色工厂3个，到2025年，新增绿色工厂10个。', '2022年底前完成。', '“十四五”期间持续推进。', '长期坚持。', ''];

async function prepare(dir: string): Promise<void> {
  const dataSource = await openDatabase({ type: 'sqlite', path: join(dir, 'bench.sqlite') });
  const plan = await dataSource.getRepository(Plan).save({
    key: null,
    name: '基准方案',
    region: '基准区',
    periodStart: '2021-01-01',
    periodEnd: '2025-12-31',
    baseYear: 2020,
    timeZone: 'Asia/Shanghai',
    source: null,
  });
  await dataSource.getRepository(Unit).save(UNITS.map((name) => ({ planId: plan.id, name, aliases: [], kind: 'agency' as const })));
  await dataSource.destroy();
  const rows = Array.from({ length: ROWS }, (_, i) => [
    String(i + 1),
    `第${Math.floor(i / 500) + 1}章`,
    `任务组${Math.floor(i / 20) + 1}`,
    `第${i + 1}项任务：建立健全工业固体废物管理台账，${PHRASES[i % PHRASES.length]}`,
    UNITS[i % 4],
    `${UNITS[4 + (i % 3)]}、${UNITS[7]}`,
    '',
  ]);
  writeFileSync(join(dir, 'tasks.xlsx'), await writeXlsx({ header: TASK_TABLE.templateHeader, rows, widths: [] }, '任务清单'));
}

async function phase(dir: string, name: 'import' | 'export'): Promise<void> {
  const dataSource = await openDatabase({ type: 'sqlite', path: join(dir, 'bench.sqlite') });
  const started = performance.now();
  let detail: string;
  if (name === 'import') {
    const result = await new ImportService(dataSource).importList(1, 'tasks', readFileSync(join(dir, 'tasks.xlsx')), 'tasks.xlsx');
    detail = `${result.created} created`;
  } else {
    const file = await new ExportService(dataSource, new ItemQueryService(dataSource, statusService(dataSource))).exportList(1, 'tasks', 'xlsx');
    detail = `${Math.round(file.body.length / 1024)} KiB xlsx`;
  }
  const seconds = (performance.now() - started) / 1000;
  await dataSource.destroy();
  const peakMb = ownPeakMb();
  console.log(JSON.stringify({ name, seconds, peakMb, detail }));
}

async function main(): Promise<void> {
  const [mode, dir, name] = process.argv.slice(2);
  if (mode === 'phase') return phase(dir, name as 'import' | 'export');
  const work = mkdtempSync(join(tmpdir(), 'qingdan-bench-'));
  try {
    await prepare(work);
    const self = fileURLToPath(import.meta.url);
    console.log(`Import and export of a ${ROWS}-row task sheet (XLSX), each in its own process; target < 2 s each`);
    for (const step of ['import', 'export']) {
      const out = execFileSync(process.execPath, [self, 'phase', work, step], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const r = JSON.parse(out.trim().split('\n').pop()!) as { name: string; seconds: number; peakMb: number; detail: string };
      console.log(
        `${r.name.padEnd(7)} ${r.seconds.toFixed(2)} s   peak RSS ${r.peakMb.toFixed(0)} MB   (${r.detail})${r.seconds < 2 ? '' : '   SLOWER THAN TARGET'}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

/** Status as the service derives it, on real time and the default settings. */
function statusService(dataSource: DataSource): StatusService {
  const config = loadConfig({});
  return new StatusService(dataSource, new RawReader(dataSource), new Clock(config), config);
}
