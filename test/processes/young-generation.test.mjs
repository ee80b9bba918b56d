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
    const { allowCollections, releaseYoungGeneration } = await import(${JSON.stringify(MODULE)});
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
      allowCollections();
      ${BURST}
      const grown = youngMb();
      releaseYoungGeneration();
      setTimeout(() => console.log(JSON.stringify({ grown, after: youngMb() })), 3000);`);
    assert.ok(result.grown >= 16, `the burst grew the young generation to ${result.grown} MB only`);
    assert.ok(result.after <= 4, `still ${result.after} MB after the release`);
  });

  it('shrinks it when the process was busy at first (a start-up sweep), once it is quiet', () => {
    const result = inNewProcess(`
      allowCollections();
      ${BURST}
      releaseYoungGeneration();
      // Busy for 1.5 s in slices, as a start-up sweep would be: the event loop turns, but is hardly ever idle.
      const until = Date.now() + 1500;
      const work = () => { const end = Date.now() + 45; while (Date.now() < end); if (Date.now() < until) setTimeout(work, 0); };
      work();
      setTimeout(() => console.log(JSON.stringify({ after: youngMb() })), 4500);`);
    assert.ok(result.after <= 4, `still ${result.after} MB after the release`);
  });

  it('does not give the service a global gc()', () => {
    const result = inNewProcess(`
      allowCollections();
      console.log(JSON.stringify({ gc: typeof globalThis.gc }));`);
    assert.deepEqual(result, { gc: 'undefined' });
  });
});
