#!/usr/bin/env node
// Runs every e2e case on its own, to prove no `it` depends on another having run first.
//
//   node scripts/each-test-alone.mjs                      # every test/*.e2e-spec.ts
//   node scripts/each-test-alone.mjs reminders progress   # only these files (name, file name or path)
//   node scripts/each-test-alone.mjs --grep 暂停 reminders # only the cases whose full name contains this text
//   node scripts/each-test-alone.mjs --list reminders     # list the cases, run none alone
//   node scripts/each-test-alone.mjs --timeout 5000 audit # jest's timeout per case and hook (default 60000 ms)
//
// For each file it first runs the whole file once with --json (which lists the cases by their full name:
// describe titles and the it title joined by spaces, as `-t` matches them), then runs each case alone:
// `jest <file> -t '^<escaped full name>$' --runInBand`. A case fails alone when its run has a failure or runs
// no test at all. Prints one line per case and, at the end, the cases that fail alone; exits 1 if any does.
// The timeout is longer than jest's 5 s because the question is order, not speed: on a busy machine a beforeAll that
// starts the app and signs in four users can take longer than 5 s, and that is not what this script looks for.
// Slow on purpose (one app start per case): not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const jestBin = join(root, 'node_modules', 'jest', 'bin', 'jest.js');

function usage(message) {
  if (message) console.error(message);
  console.error('usage: node scripts/each-test-alone.mjs [--list] [--grep TEXT] [--timeout MS] [FILE ...]');
  process.exit(2);
}

const args = process.argv.slice(2);
let list = false;
let grep = null;
let timeout = '60000';
const wanted = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--list') list = true;
  else if (a === '--grep') {
    grep = args[++i];
    if (grep === undefined) usage('--grep needs a text');
  } else if (a === '--timeout') {
    timeout = args[++i];
    if (!/^\d+$/.test(timeout ?? '')) usage('--timeout needs milliseconds');
  } else if (a === '--help' || a === '-h') usage();
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else wanted.push(a);
}

const all = readdirSync(join(root, 'test'))
  .filter((f) => f.endsWith('.e2e-spec.ts'))
  .sort()
  .map((f) => join('test', f));
const files =
  wanted.length === 0
    ? all
    : wanted.map((w) => {
        const name = basename(w).replace(/\.e2e-spec\.ts$/, '');
        const file = all.find((f) => basename(f) === `${name}.e2e-spec.ts`);
        if (!file) usage(`no e2e file test/${name}.e2e-spec.ts`);
        return file;
      });

const work = mkdtempSync(join(tmpdir(), 'each-test-alone-'));
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs jest on one file (optionally one name pattern); returns the parsed --json result, or null. */
function jest(file, pattern) {
  const out = join(work, 'result.json');
  rmSync(out, { force: true });
  const argv = [jestBin, '--selectProjects', 'e2e', '--runInBand', '--json', '--outputFile', out, '--testTimeout', timeout, file];
  if (pattern !== undefined) argv.push('-t', pattern);
  const started = Date.now();
  const run = spawnSync(process.execPath, argv, {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - started) / 1000;
  let result = null;
  try {
    result = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    // no result file: jest itself failed (syntax error, crash); the output says why
  }
  return { result, seconds, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

const failures = [];
let cases = 0;
const began = Date.now();
for (const file of files) {
  // --list only collects the names: a pattern that matches nothing skips every case and so every beforeAll.
  const whole = list ? jest(file, '(?!)') : jest(file);
  const assertions = whole.result?.testResults?.flatMap((r) => r.assertionResults) ?? [];
  if (assertions.length === 0) {
    console.log(`${file}: no cases listed (${whole.seconds.toFixed(1)} s)`);
    console.log(whole.output.split('\n').slice(-40).join('\n'));
    failures.push({ file, name: '(whole file)', why: 'the file did not run' });
    continue;
  }
  const inOrderFailed = assertions.filter((a) => a.status === 'failed').length;
  console.log(
    `${file}: ${assertions.length} cases` +
      (list ? '' : `, whole file ${whole.seconds.toFixed(1)} s`) +
      (inOrderFailed ? `, ${inOrderFailed} FAIL even in order` : ''),
  );
  const names = [...new Set(assertions.map((a) => a.fullName))].filter((n) => grep === null || n.includes(grep));
  if (names.length < assertions.length && grep === null) {
    console.log(`  note: ${assertions.length - names.length} duplicate full name(s); those run together`);
  }
  for (const name of names) {
    if (list) {
      console.log(`  - ${name}`);
      continue;
    }
    cases++;
    const alone = jest(file, `^${escapeRegExp(name)}$`);
    const r = alone.result;
    const ok = r !== null && r.numFailedTests === 0 && r.numPassedTests >= 1 && r.numRuntimeErrorTestSuites === 0;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${alone.seconds.toFixed(1).padStart(5)} s  ${name}`);
    if (!ok) {
      const why =
        r === null
          ? 'jest did not run'
          : r.numPassedTests + r.numFailedTests === 0
            ? 'no case matched the name'
            : (r.testResults.flatMap((t) => t.assertionResults).find((a) => a.status === 'failed')?.failureMessages ?? [])
                .join('\n')
                .split('\n')
                .slice(0, 6)
                .join('\n');
      console.log(why.replace(/^/gm, '        '));
      failures.push({ file, name, why });
    }
  }
}
rmSync(work, { recursive: true, force: true });

const minutes = ((Date.now() - began) / 60000).toFixed(1);
if (list) process.exit(0);
console.log(`\n${cases} case(s) in ${files.length} file(s) run alone in ${minutes} min`);
if (failures.length === 0) {
  console.log('every case passes alone');
} else {
  console.log(`${failures.length} fail alone:`);
  for (const f of failures) console.log(`  ${f.file}  ${f.name}`);
  process.exit(1);
}
