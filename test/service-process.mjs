// The built service (node dist/bundle/main.js, as npm start runs it) as its own process on a free loopback port, for
// the tests that need a real process: the browser journeys (test/browser/), the multi-instance and code-cache tests
// (test/processes/) and the README examples (test/readme/).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the service with `env` (PORT and PUBLIC_URL are set here) and answers at once: `ready()` waits until it
 * answers its health check, `api()` calls it, `kill()` is kill -9, `stop()` a normal stop, `log()` what it printed.
 */
export async function spawnService(env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn('node', ['dist/bundle/main.js'], {
    env: { ...process.env, PORT: String(port), PUBLIC_URL: base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const signal = (name) =>
    new Promise((resolve) => {
      if (ended()) return resolve();
      child.once('exit', () => resolve());
      child.kill(name);
    });
  return {
    base,
    child,
    log: () => log,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    async ready() {
      for (let i = 0; ; i++) {
        if (ended()) throw new Error(`the service exited (${child.exitCode ?? child.signalCode}):\n${log}`);
        if (i >= 240) throw new Error(`the service did not answer within 60 s:\n${log}`);
        try {
          if ((await fetch(`${base}/api/v1/health`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    /** Calls the API: { status, body } (body is the JSON, or null for 204). */
    async api(path, { token, method = 'GET', body } = {}) {
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
}
