/** One collator for every comparison: localeCompare with a locale and options builds a new one each call (~40x slower). */
const collator = new Intl.Collator('zh', { numeric: true });

/** Orders item codes as people read them: "任务2" before "任务11". */
export function compareCodes(a: string, b: string): number {
  return collator.compare(a, b);
}
