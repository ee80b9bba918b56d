// No lost edit: when a save answers 409 (someone saved the item since it was read), the form shows, field by field,
// what the other person changed (theirs, now stored) beside the user's own edit (mine), and re-applies the user's
// changes on the current version. Pure functions over plain form values; the drawer only renders them.

/** One field of a form: its key and the Chinese label shown beside it. */
export interface FieldSpec<F> {
  key: keyof F & string;
  label: string;
}

/** Values compare by content: unit id lists, target rows and numbers alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The keys whose value differs between what was read (base) and the form now. */
export function changedKeys<F>(specs: readonly FieldSpec<F>[], base: F, now: F): (keyof F & string)[] {
  return specs.filter((s) => !sameValue(base[s.key], now[s.key])).map((s) => s.key);
}

/** Only the changed fields: the body of a PATCH (with the version read added by the caller). */
export function changesOf<F>(specs: readonly FieldSpec<F>[], base: F, now: F): Partial<F> {
  const changes: Partial<F> = {};
  for (const key of changedKeys(specs, base, now)) changes[key] = now[key];
  return changes;
}

export interface FieldDiff<F> {
  key: keyof F & string;
  label: string;
  /** As read before editing. */
  base: F[keyof F];
  /** As stored now (the other person's save). */
  theirs: F[keyof F];
  /** As the user typed it. */
  mine: F[keyof F];
  theirsChanged: boolean;
  mineChanged: boolean;
  /** Both changed it, to different values: the user must choose. */
  clash: boolean;
}

/** The fields either side changed since the user read the item, in form order (fields nobody touched left out). */
export function compareEdits<F>(specs: readonly FieldSpec<F>[], base: F, mine: F, theirs: F): FieldDiff<F>[] {
  return specs
    .map((s) => {
      const theirsChanged = !sameValue(base[s.key], theirs[s.key]);
      const mineChanged = !sameValue(base[s.key], mine[s.key]);
      return {
        key: s.key,
        label: s.label,
        base: base[s.key],
        theirs: theirs[s.key],
        mine: mine[s.key],
        theirsChanged,
        mineChanged,
        clash: theirsChanged && mineChanged && !sameValue(theirs[s.key], mine[s.key]),
      };
    })
    .filter((d) => d.theirsChanged || d.mineChanged);
}

/**
 * The form on the current version: what is stored now (theirs), with the user's own changes put back. `keep` names
 * the changed fields to re-apply (default: all the user changed); the others take the stored value.
 */
export function reapply<F>(specs: readonly FieldSpec<F>[], base: F, mine: F, theirs: F, keep?: ReadonlySet<string>): F {
  const merged = structuredCloneOf(theirs);
  for (const key of changedKeys(specs, base, mine)) {
    if (!keep || keep.has(key)) merged[key] = structuredCloneOf(mine[key]);
  }
  return merged;
}

/** The user's changes that would be re-applied by default (every field they changed). */
export function defaultKeep<F>(diffs: readonly FieldDiff<F>[]): Set<string> {
  return new Set(diffs.filter((d) => d.mineChanged).map((d) => d.key));
}

/** A 409 body's current row (the item as GET shows it, with its version), or null when the answer has none. */
export function currentOf<T extends { version: number }>(body: unknown): T | null {
  const current = (body as { current?: unknown } | null)?.current;
  if (current && typeof current === 'object' && typeof (current as { version?: unknown }).version === 'number') return current as T;
  return null;
}

function structuredCloneOf<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
