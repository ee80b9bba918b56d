// Every shell example of README.md runs as written, in each language, against a freshly started service: the built
// service (node dist/bundle/main.js) on a new SQLite file with the seed plans, the demo users and the demo progress, mail as
// .eml files in a temporary outbox, and the clock frozen at the README's demo time (CLOCK=2026-11-23T09:30:00+08:00,
// the value the README tells newcomers to start with). Everything else is the service's default, as after `npm start`.
//
// What may differ from a newcomer's terminal, and nothing else:
// - `localhost:3000` in a command is rewritten to the test service's port (a free one, so the test never meets
//   another service on 3000);
// - the commands run one after another in one bash (so `TOKEN=…` from the login example is there for the rest), in an
//   empty directory that holds a link to the repository's `seeds/` (the examples read seeds/jiangjin/tasks.csv, as
//   from a clone), with `set -o pipefail`;
// - curl reads a .curlrc (CURL_HOME) that adds `--write-out` to stderr: the HTTP status of each call, which the
//   example's own output does not show.
// A command fails the test on a non-zero exit, on an HTTP status of 400 or more that its comment does not announce
// ("→ 403", "返回 403", "answers 403"), on an announced status that no call gave, and on an answer that differs from
// the JSON its comment shows after "→" ("…" marks members left out). Blocks marked
// `<!-- readme-test: skip (why) -->` do not run; the test lists them with their reasons.
// Run after `npm run build:server` (npm run test:readme).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { spawnService } from '../service-process.mjs';
import { commandsOf, differences, parseShownJson, promisesOf, readmeHalves, shellBlocks } from './readme-markdown.mjs';

/** The demo clock the README starts the service with. */
const CLOCK = '2026-11-23T09:30:00+08:00';
/** A command that takes longer than this is stuck (e.g. waiting for input). */
const COMMAND_TIMEOUT_MS = 60_000;
const STATUS_LINE = /^@@readme-http (\d{3}) (\S+) (\S+)$/;

/** Starts the service as the README's quick start would, on files of its own; waits for its first reminder sweep. */
async function startService(dir) {
  const service = await spawnService({
    DATABASE_URL: `sqlite:${join(dir, 'qingdan.sqlite')}`,
    OUTBOX_DIR: join(dir, 'outbox'),
    EVIDENCE_DIR: join(dir, 'evidence'),
    CLOCK,
  });
  await service.ready();
  // On start the scheduler sweeps and delivers once (the examples read the outbox): wait for that delivery run.
  for (let i = 0; !/Delivery: \d+ sent/.test(service.log()); i++) {
    if (i > 240) throw new Error(`the first reminder sweep did not finish within 60 s:\n${service.log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return service;
}

/** One bash for a whole language: run(command) answers { rc, stdout, stderr, calls } once the command has ended. */
function startShell(dir, work) {
  const curlHome = join(dir, 'curl');
  mkdirSync(curlHome);
  writeFileSync(join(curlHome, '.curlrc'), 'write-out = "%{stderr}\\n@@readme-http %{http_code} %{method} %{url_effective}\\n"\n');
  const shell = spawn('bash', ['--noprofile', '--norc'], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: dir, CURL_HOME: curlHome, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let pending = '';
  let waiting = null;
  shell.stdout.on('data', (chunk) => {
    pending += chunk;
    const done = /@@readme-rc=(\d+)\n/.exec(pending);
    if (done && waiting) {
      pending = pending.slice(done.index + done[0].length);
      waiting(Number(done[1]));
    }
  });
  shell.stdin.write('set -o pipefail\n');
  let count = 0;
  return {
    async run(text) {
      const n = ++count;
      const out = join(dir, `out-${n}.txt`);
      const err = join(dir, `err-${n}.txt`);
      const rc = await new Promise((resolveRc, reject) => {
        const timer = setTimeout(() => reject(new Error(`still running after ${COMMAND_TIMEOUT_MS / 1000} s`)), COMMAND_TIMEOUT_MS);
        waiting = (code) => {
          clearTimeout(timer);
          resolveRc(code);
        };
        shell.stdin.write(`{\n${text}\n} >'${out}' 2>'${err}' </dev/null\necho "@@readme-rc=$?"\n`);
      });
      const stderrLines = readFileSync(err, 'utf8').split('\n');
      const calls = stderrLines
        .map((l) => STATUS_LINE.exec(l))
        .filter(Boolean)
        .map(([, status, method, url]) => ({ status: Number(status), method, url }));
      const stderr = stderrLines.filter((l) => l && !STATUS_LINE.test(l)).join('\n');
      return { rc, stdout: readFileSync(out, 'utf8'), stderr, calls };
    },
    stop: () => shell.kill('SIGKILL'),
  };
}

/** What is wrong with one command's run, judged against the comment beside it: [] when nothing. */
function problemsOf(command, result) {
  const { statuses, json } = promisesOf(command.comment);
  const problems = [];
  if (result.rc !== 0) problems.push(`exit status ${result.rc}`);
  for (const call of result.calls) {
    if (call.status >= 400 && !statuses.includes(call.status))
      problems.push(`HTTP ${call.status} from ${call.method} ${call.url}, not announced in the comment`);
  }
  for (const status of statuses) {
    if (!result.calls.some((c) => c.status === status)) {
      problems.push(`the comment announces ${status}, the calls gave ${result.calls.map((c) => c.status).join(', ') || 'nothing'}`);
    }
  }
  if (json) {
    let answer;
    try {
      answer = JSON.parse(result.stdout);
    } catch {
      problems.push('the comment shows JSON but the output is not JSON');
    }
    if (answer !== undefined) problems.push(...differences(parseShownJson(json), answer).map((d) => `the comment shows ${d}`));
  }
  return problems;
}

/** Runs one half's examples against its own fresh service: { ran, skipped, failures }. */
async function runHalf(half) {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-readme-'));
  const work = join(dir, 'work');
  mkdirSync(work);
  symlinkSync(resolve('seeds'), join(work, 'seeds'));
  const service = await startService(dir);
  const shell = startShell(dir, work);
  const port = new URL(service.base).port;
  const report = { ran: [], skipped: [], failures: [] };
  try {
    for (const block of shellBlocks(half)) {
      if (block.skip) {
        report.skipped.push(`README.md:${block.start} (${half.name}): ${block.skip}`);
        continue;
      }
      for (const command of commandsOf(block)) {
        const result = await shell.run(command.text.replaceAll('localhost:3000', `localhost:${port}`));
        report.ran.push({ line: command.line, calls: result.calls });
        const problems = problemsOf(command, result);
        if (problems.length) {
          report.failures.push(
            [
              `README.md:${command.line} (${half.name})`,
              command.text,
              ...problems.map((p) => `  ✗ ${p}`),
              `  stdout: ${result.stdout.slice(0, 600) || '(nothing)'}`,
              result.stderr ? `  stderr: ${result.stderr.slice(0, 600)}` : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
        }
      }
    }
    return report;
  } finally {
    shell.stop();
    await service.stop();
    if (report.failures.length) console.log(`service log (${half.name}):\n${service.log().slice(-4000)}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('README examples run as written', () => {
  const halves = readmeHalves();
  for (const half of [halves.chinese, halves.english]) {
    it(`the ${half.name} examples, in order, on a fresh service`, async (t) => {
      const started = Date.now();
      const report = await runHalf(half);
      const calls = report.ran.flatMap((r) => r.calls).length;
      t.diagnostic(`${report.ran.length} commands, ${calls} HTTP calls in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      for (const skipped of report.skipped) t.diagnostic(`skipped ${skipped}`);
      assert.ok(report.ran.length > 0, `no example ran in the ${half.name} half`);
      assert.equal(report.failures.length, 0, `${report.failures.length} example(s) failed:\n\n${report.failures.join('\n\n')}`);
    });
  }
});
