import { StaleVersionError } from '../common/domain-error.js';

type Versioned = { version: number };

/** The 409 of checkVersion; it keeps the row, so withCurrentView can answer with the row as GET shows it. */
export class StaleRowError extends StaleVersionError {
  constructor(
    readonly what: string,
    readonly given: number,
    readonly row: Versioned,
  ) {
    super(what, given, row);
  }
}

/**
 * Optimistic locking: a change must name the version the caller read; when the row has been saved since, a 409
 * carries the row as it is now. Call it inside the transaction that saves, on the row loaded with findForUpdate,
 * so check and save are one step; the save then writes `version: row.version + 1` (every accepted change is a new
 * version, even one that only replaces an item's units).
 */
export function checkVersion<T extends Versioned>(what: string, given: number, row: T): void {
  if (row.version !== given) throw new StaleRowError(what, given, row);
}

/**
 * Runs a change that calls checkVersion; its 409 shows the current row as `view` gives it (the shape GET returns).
 * The view is read after the change's transaction has ended, so no lock or connection is held while reading.
 */
export async function withCurrentView<R, T extends Versioned>(change: () => Promise<R>, view: (row: T) => Promise<Versioned>): Promise<R> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof StaleRowError)) throw error;
    throw new StaleVersionError(error.what, error.given, await view(error.row as T));
  }
}
