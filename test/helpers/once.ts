/**
 * One step of a story several cases share (a report drafted, then submitted, then accepted…), run the first time any
 * case asks for it and never again in the same file. Each case asks for the steps it stands on, so it passes when it is
 * run alone (`-t "<name>"`) as well as after the cases before it; the case that is about a step asks for that step too
 * and asserts on what it answered.
 */
export function once<T>(step: () => Promise<T>): () => Promise<T> {
  let done: Promise<T> | undefined;
  return () => (done ??= step());
}
