import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { UnitGroupKind } from '../units/unit-group.entity.js';
import type { UnitKind } from '../units/unit.entity.js';

/** seeds/ at the project root, found from this file in src/ or dist/ alike. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));

/** plan.json of a seed plan: the plan, its units and groups, and its work steps. */
export interface SeedPlanFile {
  key: string;
  name: string;
  region: string;
  periodStart: string;
  periodEnd: string;
  baseYear: number | null;
  timeZone: string;
  source: string;
  units: { name: string; aliases: string[]; kind: UnitKind }[];
  unitGroups: { name: string; kind: UnitGroupKind; duties: string; leadUnits: string[]; memberUnits: string[] }[];
  stages: { name: string; content: string; deadline: string }[];
}

export interface SeedFolder {
  dir: string;
  plan: SeedPlanFile;
  /** Rows of each list's CSV, when the folder has one. */
  tables: { tasks?: string[][]; projects?: string[][]; indicators?: string[][] };
}

/** Reads a CSV file (UTF-8, with or without BOM) into rows of cells. */
export function readCsv(path: string): string[][] {
  return parse(readFileSync(path), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

export function seedKeys(dir = SEEDS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'plan.json')))
    .map((e) => e.name)
    .sort();
}

export function readSeedFolder(key: string, dir = SEEDS_DIR): SeedFolder {
  const folder = join(dir, key);
  const plan = JSON.parse(readFileSync(join(folder, 'plan.json'), 'utf8')) as SeedPlanFile;
  const tables: SeedFolder['tables'] = {};
  for (const list of ['tasks', 'projects', 'indicators'] as const) {
    const file = join(folder, `${list}.csv`);
    if (existsSync(file)) tables[list] = readCsv(file);
  }
  return { dir: folder, plan, tables };
}
