import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type FieldProblem, NotFoundError } from '../common/domain-error.js';
import { Plan } from '../plans/plan.entity.js';
import { UnitNames } from '../units/unit-names.js';
import { Unit, type UnitKind } from '../units/unit.entity.js';
import { findMapping, parseMapping, saveMapping } from './import-mappings.js';
import { listNamed } from '../lists/list-registry.js';
import type { ListName } from '../common/item-type.js';
import { applyList, type ApplyCounts, unknownUnitProblems } from '../lists/item-store.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DEFAULT_TABLE_LIMITS, readTableFile, type TableLimits } from '../tables/table-file.js';
import type { SkippedRow } from '../tables/table-reader.js';
import type { ColumnMapping } from '../tables/table-header.js';

export interface ImportOptions {
  dryRun?: boolean;
  /** Create the units the file names that the plan lacks, instead of refusing them. */
  createUnits?: boolean;
  /**
   * Header as written → field (JSON text or object). Given, it is checked against the sheet and remembered for the
   * plan's list (an empty one forgets); not given, the remembered one is used.
   */
  mapping?: string | ColumnMapping;
}

export interface ImportError {
  row: number | null;
  column: string;
  value: unknown;
  message: string;
}

export interface ImportResult extends ApplyCounts {
  /** The rows of the file below the header: created + updated + unchanged + skipped. */
  rows: number;
  skipped: number;
  skippedRows: SkippedRow[];
  /** What the import decided that the office should know, in Chinese. */
  notes: string[];
  /** The column mapping the file was read with, or null. */
  mapping: ColumnMapping | null;
  dryRun: boolean;
  unitsCreated: string[];
  errors: ImportError[];
}

/** A new unit's kind, guessed from its name ("各相关企业" is a group, "…有限公司" a company). */
function guessKind(name: string): UnitKind {
  if (/^各|成员单位$|等$/.test(name)) return 'group';
  if (/公司|集团|厂$/.test(name)) return 'company';
  return 'agency';
}

const toImportError = (p: FieldProblem): ImportError => ({ row: p.row ?? null, column: p.field, value: p.value ?? null, message: p.message });

/** Imports one list of a plan from an XLSX or CSV file: all rows or none, every row accounted for. */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  private readonly limits: TableLimits;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'importMaxInflatedBytes' | 'importMaxRows' | 'importMaxCells'>,
  ) {
    this.limits = config
      ? { maxInflatedBytes: config.importMaxInflatedBytes, maxRows: config.importMaxRows, maxCells: config.importMaxCells }
      : DEFAULT_TABLE_LIMITS;
  }

  async importList(planId: number, list: ListName, buffer: Buffer, filename: string, options: ImportOptions = {}): Promise<ImportResult> {
    const adapter = listNamed(list);
    const plan = await this.dataSource.getRepository(Plan).findOneBy({ id: planId });
    if (!plan) throw new NotFoundError('方案', planId);
    const given = options.mapping === undefined ? null : parseMapping(list, options.mapping);
    if (given?.problems.length) this.fail(planId, list, filename, given.problems);
    const remembered = given ? null : ((await findMapping(this.dataSource.manager, planId, list))?.mapping ?? null);
    const mapping = given && Object.keys(given.mapping).length ? given.mapping : remembered;

    const file = await readTableFile(buffer, filename, this.limits);
    if (file.tooLarge) this.fail(planId, list, filename, file.problems, '', 'FILE_TOO_LARGE');
    const read = file.problems.length
      ? { items: [], problems: file.problems }
      : adapter.table.read(file.rows, { mapping: mapping ?? undefined, strictMapping: given !== null });
    if (read.problems.length) this.fail(planId, list, filename, read.problems);
    const notes = [...(read.notes ?? [])];
    if (remembered) notes.unshift(`按本方案${adapter.title}已保存的列对应关系读取表头：${JSON.stringify(remembered)}`);

    const dryRun = options.dryRun ?? false;
    return this.dataSource.transaction(async (manager) => {
      let units = await manager.findBy(Unit, { planId });
      const unknown = unknownUnitProblems(read.items, new UnitNames(units));
      const unitsCreated = [...new Set(unknown.map((p) => String(p.value)))];
      if (unknown.length && !options.createUnits) this.fail(planId, list, filename, unknown, '（如需自动新建这些单位，请使用 createUnits=true）');
      if (unitsCreated.length) {
        const created = unitsCreated.map((name) => manager.create(Unit, { planId, name, aliases: [], kind: guessKind(name) }));
        units = [...units, ...(dryRun ? created.map((u, i) => ({ ...u, id: -1 - i })) : await manager.save(Unit, created))];
      }
      const counts = await applyList(manager, plan, units, adapter, read.items, dryRun, filename);
      if (given && !dryRun) {
        await saveMapping(manager, planId, list, given.mapping);
        notes.push(
          Object.keys(given.mapping).length ? `列对应关系已保存，本方案以后导入${adapter.title}时自动使用` : `已清除本方案${adapter.title}保存的列对应关系`,
        );
      }
      const skippedRows = read.skipped ?? [];
      const rows = read.rows ?? read.items.length;
      if (counts.created + counts.updated + counts.unchanged + skippedRows.length !== rows) {
        // Every row is an item or skipped with a reason; anything else is a bug, and nothing is written.
        throw new Error(`Import ${list} into plan ${planId}: ${rows} rows but ${JSON.stringify(counts)} and ${skippedRows.length} skipped`);
      }
      this.logger.log(
        `Import ${list} into plan ${planId} from "${filename}"${dryRun ? ' (dry run)' : ''}: ${rows} rows, ` +
          `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${skippedRows.length} skipped, ` +
          `${unitsCreated.length} units created`,
      );
      return { rows, ...counts, skipped: skippedRows.length, skippedRows, notes, mapping, dryRun, unitsCreated, errors: [] };
    });
  }

  private fail(
    planId: number,
    list: ListName,
    filename: string,
    problems: FieldProblem[],
    hint = '',
    code: 'IMPORT_FAILED' | 'FILE_TOO_LARGE' = 'IMPORT_FAILED',
  ): never {
    const errors = problems.map(toImportError);
    this.logger.warn(`Import ${list} into plan ${planId} from "${filename}" refused: ${errors.map((e) => e.message).join('; ')}`);
    throw new DomainError(code, `导入失败，未写入任何数据：${errors[0].message}${errors.length > 1 ? `（共${errors.length}处错误）` : ''}${hint}`, problems, {
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      errors,
    });
  }
}
