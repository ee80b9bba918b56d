import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AssignmentRole } from '../lists/assignment.entity.js';
import type { UnitGroupKind } from '../units/unit-group.entity.js';
import type { UnitKind } from '../units/unit.entity.js';
import { LIST_NAMES, type ListName } from '../common/item-type.js';

/** seeds/ at the project root, found from this file in src/ or dist/ alike. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));

/** A group as plan.json writes it: a leadership group, its office, or a working group (工作组 / 工作专班). */
export interface SeedUnitGroup {
  name: string;
  kind: UnitGroupKind;
  /** 组长 as the document writes it (a post such as "市长"); left out when the document names none. */
  leader?: string;
  duties: string;
  leadUnits: string[];
  memberUnits: string[];
}

/**
 * A sentence of the document that gives units a role on every item of a list without repeating them
 * ("以下均需各镇人民政府、街道办事处,高新区、临港经济开发区管委会落实,不再列出"). The loader adds the role to each item
 * of `appliesTo` that the unit does not hold already; the sentence is kept as written in `text`.
 */
export interface SeedStandingAssignment {
  /** The sentence as the document writes it. */
  text: string;
  /** Where it stands in the document. */
  source: string;
  role: AssignmentRole;
  appliesTo: 'tasks';
  /** The units as the sentence names them. */
  unitsAsWritten: string;
  /** The plan's units the sentence names, and why those (when the sentence uses a collective name). */
  units: string[];
  unitsBasis: string;
}

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
  unitGroups: SeedUnitGroup[];
  stages: { name: string; content: string; deadline: string }[];
  standingAssignments?: SeedStandingAssignment[];
  /** How the seed reads the document where it is ambiguous or states a standing arrangement (Chinese). */
  notes?: string[];
}

export interface SeedFolder {
  dir: string;
  plan: SeedPlanFile;
  /** Rows of each list's CSV, when the folder has one. */
  /** Each list's table, from <list name>.csv (tasks.csv …) when the folder has one. */
  tables: Partial<Record<ListName, string[][]>>;
}

/** Reads a CSV file (UTF-8, with or without BOM) into rows of cells. */
export function readCsv(path: string): string[][] {
  const rows: string[][] = parse(readFileSync(path), { bom: true, relax_column_count: true, skip_empty_lines: false });
  return rows;
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
  for (const list of LIST_NAMES) {
    const file = join(folder, `${list}.csv`);
    if (existsSync(file)) tables[list] = readCsv(file);
  }
  return { dir: folder, plan, tables };
}
