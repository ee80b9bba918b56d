// The built service's start through V8's code cache (src/bundle-loader.ts, src/common/code-cache.ts), in plain node
// (jest runs modules through its own require, which this is not about). Run after `npm run build:server`
// (npm run test:processes).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runWithCodeCache } from '../../dist/common/code-cache.js';
import { spawnService } from '../service-process.mjs';

const folders = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const LOADER = new URL('../../dist/common/code-cache.js', import.meta.url).href;

/**
 * A bundle in miniature, in a folder of its own: server.cjs counts its runs in counter.cjs and requires chunk.cjs,
 * which requires server.cjs back (as rolldown's chunks do).
 */
function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-code-cache-'));
  folders.push(dir);
  writeFileSync(join(dir, 'counter.cjs'), 'exports.runs = 0;');
  writeFileSync(join(dir, 'chunk.cjs'), "exports.server = require('./server.cjs');");
  writeFileSync(join(dir, 'server.cjs'), "require('./counter.cjs').runs++; exports.answer = 42; exports.chunk = require('./chunk.cjs');");
  const server = join(dir, 'server.cjs');
  return { dir, server, cacheFile: join(dir, `server.${contentHash(server)}.v8cache`) };
}

function contentHash(file) {
  return createHash('sha1').update(readFileSync(file, 'utf8')).digest('hex').slice(0, 16);
}

/**
 * Runs the file through runWithCodeCache in a new node process, as a start would (in one process V8 compiles the same
 * script once and never looks at a cache again), and keeps its cache when asked.
 */
function runInNewProcess(server, { keep = false } = {}) {
  const code = `
    import { createRequire } from 'node:module';
    const { runWithCodeCache } = await import(${JSON.stringify(LOADER)});
    const run = runWithCodeCache(${JSON.stringify(server)});
    if (${keep}) run.keep();
    const there = createRequire(${JSON.stringify(server)});
    const exports = there(${JSON.stringify(server)});
    console.log(JSON.stringify({ cache: run.cache, cacheFile: run.cacheFile, runs: there('./counter.cjs').runs, answer: exports.answer, same: exports.chunk?.server === exports }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').pop());
}

describe('running the bundle through its code cache', () => {
  it('runs the file once, and a file it requires that requires it back gets the same exports', () => {
    const b = bundle();
    assert.deepEqual(runInNewProcess(b.server), { cache: 'none', cacheFile: b.cacheFile, runs: 1, answer: 42, same: true });
  });

  it('keeps the cache beside the file, named by its content, and the next start compiles from it', () => {
    const b = bundle();
    runInNewProcess(b.server, { keep: true });
    assert.ok(statSync(b.cacheFile).size > 0);
    assert.deepEqual(runInNewProcess(b.server), { cache: 'accepted', cacheFile: b.cacheFile, runs: 1, answer: 42, same: true });
  });

  it('never reads the cache of the file as it was before it changed', () => {
    const b = bundle();
    runInNewProcess(b.server, { keep: true });
    writeFileSync(b.server, "require('./counter.cjs').runs++; exports.answer = 43;");
    const changed = runInNewProcess(b.server);
    assert.notEqual(changed.cacheFile, b.cacheFile);
    assert.equal(changed.cache, 'none');
    assert.equal(changed.answer, 43);
  });

  it('runs the file from its source when V8 does not take the cache, and says so', () => {
    const b = bundle();
    writeFileSync(b.cacheFile, 'not a code cache');
    assert.deepEqual(runInNewProcess(b.server), { cache: 'rejected', cacheFile: b.cacheFile, runs: 1, answer: 42, same: true });
  });

  it('warns and goes on when the cache cannot be written, leaving no partial file behind', (t) => {
    const b = bundle();
    const run = runWithCodeCache(b.server);
    mkdirSync(run.cacheFile); // a folder where the cache would go: the write fails, as on a read-only disk
    const warn = t.mock.method(console, 'warn', () => undefined);
    assert.doesNotThrow(() => run.keep());
    assert.equal(warn.mock.callCount(), 1);
    assert.match(warn.mock.calls[0].arguments[0], /V8 code cache not kept at .*server\.[0-9a-f]{16}\.v8cache/);
    assert.equal(existsSync(`${run.cacheFile}.${process.pid}.partial`), false);
  });

  it('the built service keeps its cache beside the bundle once started, and the next start takes it without writing it again', async () => {
    const bundleDir = join(process.cwd(), 'dist/bundle');
    const cacheFile = join(bundleDir, `server.${contentHash(join(bundleDir, 'server.cjs'))}.v8cache`);
    rmSync(cacheFile, { force: true });
    const dir = mkdtempSync(join(tmpdir(), 'qingdan-code-cache-service-'));
    folders.push(dir);
    const env = { DATABASE_URL: `sqlite:${join(dir, 'q.sqlite')}`, OUTBOX_DIR: join(dir, 'outbox'), EVIDENCE_DIR: join(dir, 'evidence') };
    const waitForCache = async () => {
      for (let i = 0; i < 60 && !existsSync(cacheFile); i++) await new Promise((r) => setTimeout(r, 250));
    };
    const first = await spawnService(env);
    try {
      await first.ready();
      await waitForCache();
    } finally {
      await first.stop();
    }
    assert.ok(existsSync(cacheFile), `no code cache at ${cacheFile}:\n${first.log()}`);
    const written = statSync(cacheFile).mtimeMs;
    const second = await spawnService(env);
    try {
      await second.ready();
      assert.equal((await second.api('/health')).status, 200);
      // A cache V8 refused would be written again 3 s after the start.
      await new Promise((r) => setTimeout(r, 4500));
    } finally {
      await second.stop();
    }
    assert.equal(statSync(cacheFile).mtimeMs, written);
    assert.doesNotMatch(second.log(), /code cache not kept/);
  });
});
