import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** A CommonJS file run through V8's code cache (runWithCodeCache). */
export interface CodeCacheRun {
  /** Where its cache is kept: beside it, named by its content, so a changed file never reads another's. */
  cacheFile: string;
  /** accepted: compiled from the cache; rejected: a cache was there but V8 refused it (another node, other flags); none. */
  cache: 'accepted' | 'rejected' | 'none';
  /** Writes what V8 has compiled of it so far as its cache (whole or not at all); warns and goes on when it cannot. */
  keep(): void;
}

/**
 * Runs a CommonJS file as require would (its own module, in require's cache before it runs, so files it requires can
 * require it back), but compiled from its code cache when one is kept beside it.
 */
export function runWithCodeCache(file: string): CodeCacheRun {
  const source = readFileSync(file, 'utf8');
  const cacheFile = `${file.replace(/\.c?js$/, '')}.${createHash('sha1').update(source).digest('hex').slice(0, 16)}.v8cache`;
  const cachedData = readIfThere(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const requireThere = createRequire(file);
  const module = new Module(file);
  module.filename = file;
  requireThere.cache[file] = module;
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, requireThere, module, file, dirname(file));
  module.loaded = true;
  return {
    cacheFile,
    cache: !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted',
    keep: () => keep(script, cacheFile),
  };
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written whole under another name first, so a start never reads half a cache. */
function keep(script: Script, file: string): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    console.warn(`V8 code cache not kept at ${file} (${(error as Error).message}): each start compiles the bundle`);
  }
}
