import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what was live after a full collection before it collects again, in
 * percent. Qingdan holds little (50–60 MB live at national scale) but allocates in bursts: a reminder sweep renders
 * about 100 MB of messages, one plan at a time, and what a plan holds until its transaction commits outlives the young
 * generation. By V8's default the old generation then grew up to four times its live size before a full collection
 * (no full collection in the whole national sweep: 300 MB peak); at 20% it collects every few plans, each collection
 * a few milliseconds, and the sweep peaked at about 210 MB in the same time (bench/reminders.bench.ts).
 */
export const HEAP_GROWING_PERCENT = 20;

/**
 * Sets the old generation's growth for this process, before the app is built (V8 reads it at each collection), unless
 * the node command line or NODE_OPTIONS sets it already.
 */
export function limitHeapGrowth(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => /--heap[-_]growing[-_]percent/.test(arg));
  if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
