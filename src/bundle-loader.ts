import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './common/code-cache.js';
import { limitHeapGrowth } from './common/heap-growth.js';
import { allowCollections } from './common/young-generation.js';

/**
 * What `npm start` runs, bundled into dist/bundle/main.js (rolldown.config.mjs): the service itself is
 * dist/bundle/server.cjs, one CommonJS file, and this loads it through V8's code cache. The first start after a build
 * compiles it as node would and, once the service is up, keeps what V8 compiled beside it (server.<hash>.v8cache);
 * later starts read that instead of compiling about 4 MB of JavaScript again and start about 0.3 s sooner, holding
 * about 10 MB less (npm run bench, startup). A cache that cannot be written (a read-only folder) only costs that time.
 * With source maps asked for (`node --enable-source-maps dist/bundle/main.js`) the bundle is loaded by require as
 * usual, so stack traces map to dist/.
 */

/**
 * Start-up (migrations, seeds, the first sweep) takes about 2 s. This long after loading, what it compiled goes into the
 * cache (what runs later is compiled lazily as ever), and the young generation it grew is given back.
 */
const AFTER_START_UP_MS = 3_000;

const server = fileURLToPath(new URL('./server.cjs', import.meta.url));

// V8 takes a code cache only under the flags it was made with, so the heap settings are made before compiling.
limitHeapGrowth();
const releaseYoungGeneration = allowCollections();
if (process.sourceMapsEnabled) createRequire(server)(server);
else {
  const run = runWithCodeCache(server);
  if (run.cache !== 'accepted') setTimeout(() => run.keep(), AFTER_START_UP_MS).unref();
}
setTimeout(releaseYoungGeneration, AFTER_START_UP_MS).unref();
