// What start-up grew of V8's young generation is given back once the service is quiet (src/common/young-generation.ts),
// in a node process of its own as the built service runs it. Run after `npm run build:server` (npm run test:processes).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

const MODULE = new URL('../../dist/common/young-generation.js', import.meta.url).href;

/** Runs `code` after the module is imported, in a new node process, and answers what it printed last as JSON. */
function inNewProcess(code) {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { allowCollections } = await import(${JSON.stringify(MODULE)});
    const youngMb = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').physical_space_size / 2 ** 20;
    ${code}`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').pop());
}

/** A burst of short-lived objects, as start-up makes: the young generation grows to its full size. */
const BURST = `
  let kept = [];
  for (let i = 0; i < 400000; i++) { kept.push({ i, text: 'row ' + i }); if (kept.length > 50000) kept = []; }
  kept = null;`;

describe('the young generation after start-up', () => {
  it('shrinks to a few MB once the process is quiet', () => {
    const result = inNewProcess(`
      const releaseYoungGeneration = allowCollections();
      ${BURST}
      const grown = youngMb();
      releaseYoungGeneration();
      setTimeout(() => console.log(JSON.stringify({ grown, after: youngMb() })), 3000);`);
    assert.ok(result.grown >= 16, `the burst grew the young generation to ${result.grown} MB only`);
    assert.ok(result.after <= 4, `still ${result.after} MB after the release`);
  });

  it('makes no collections while the process is busy (a start-up sweep), and shrinks it once the process is quiet', () => {
    const result = inNewProcess(`
      const releaseYoungGeneration = allowCollections();
      ${BURST}
      const minor = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => e.detail.kind === 1 && minor.push(e.startTime))).observe({ entryTypes: ['gc'] });
      releaseYoungGeneration();
      // Busy for 3 s in slices that hardly allocate: the event loop turns, but is seldom idle.
      const started = performance.now();
      let spin = 0;
      const work = () => {
        // 45 ms of arithmetic that allocates nothing (the clock is read every million steps).
        for (const end = performance.now() + 45; performance.now() < end; ) for (let i = 0; i < 1e6; i++) spin = (spin + i) | 0;
        if (performance.now() - started < 3000) setTimeout(work, 0);
      };
      work();
      setTimeout(() => {
        const whileBusy = minor.filter((t) => t - started > 600 && t - started < 2900).length;
        console.log(JSON.stringify({ whileBusy, after: youngMb() }));
      }, 5000);`);
    assert.ok(result.whileBusy <= 2, `${result.whileBusy} young-generation collections while the process was busy`);
    assert.ok(result.after <= 4, `still ${result.after} MB after the release`);
  });

  it('does not give the service a global gc()', () => {
    const result = inNewProcess(`
      allowCollections();
      console.log(JSON.stringify({ gc: typeof globalThis.gc }));`);
    assert.deepEqual(result, { gc: 'undefined' });
  });
});
