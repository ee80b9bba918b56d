import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what was live after a full collection before it collects again, in
 * percent. Qingdan holds little (50–60 MB live at national scale) but allocates in bursts: a reminder sweep renders
 * about 100 MB of messages, a plan at a time, and what a plan holds until its transaction commits outlives the young
 * generation. By V8's default the old generation grew to several times its live size first: the national sweep made
 * no full collection at all and peaked at 290–320 MB. At 30% it collects every few plans, a few milliseconds each:
 * about 210 MB on SQLite in the same time, 180–190 MB on PostgreSQL, whose sweep took 10–30% longer in paired runs
 * (its concurrent marking takes the core the database server needs; bench/reminders.bench.ts). 20% saved little more
 * memory and cost PostgreSQL more; 45–60% kept it under 200 MB with a smaller, within-noise cost.
 */
const HEAP_GROWING_PERCENT = 30;

/**
 * Sets the old generation's growth for the rest of this process (V8 reads it at each collection), unless node's command
 * line sets it (`node --heap-growing-percent=0 dist/bundle/main.js` keeps V8's own; node refuses it in NODE_OPTIONS).
 */
export function limitHeapGrowth(): void {
  const given = process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent/.test(arg));
  if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
